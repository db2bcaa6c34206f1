import { useTranslation } from 'react-i18next';
import { CourierError } from '../../../../shared/ipc/result';

/** A failed command in the person's language: by its code when we know it, else main's words. */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('history');
  return (error) => {
    if (error instanceof CourierError && i18n.exists(`history:errors.${error.code}`)) {
      return t(`errors.${error.code}`);
    }
    return t('errors.generic', { message: error instanceof Error ? error.message : String(error) });
  };
}

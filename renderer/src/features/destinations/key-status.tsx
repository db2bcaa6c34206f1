import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useDestinationHasKey } from './use-destinations';

/** "Key saved in your keychain", or why not. Only whether a key is there ever reaches this page. */
export function KeyStatus({ destinationId }: { readonly destinationId: string }) {
  const { t } = useTranslation('destinations');
  const hasKey = useDestinationHasKey(destinationId);
  if (hasKey.isPending) return <p className="key-status">{t('card.keyChecking')}</p>;
  if (hasKey.isError) {
    return <p className="key-status message-error">{errorText(hasKey.error, t)}</p>;
  }
  return hasKey.data ? (
    <p className="key-status key-saved">{t('card.keySaved')}</p>
  ) : (
    <p className="key-status message-warning">{t('card.keyMissing')}</p>
  );
}

import { useTranslation } from 'react-i18next';
import type { Screen } from './screens';

/** Stands in for a screen a later issue builds, saying what will be there. */
export function PlaceholderScreen({ screen }: { readonly screen: Exclude<Screen, 'about'> }) {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby={`${screen}-title`}>
      <h1 id={`${screen}-title`} tabIndex={-1}>
        {t(`screens.${screen}`)}
      </h1>
      <p className="screen-intro">{t(`placeholders.${screen}`)}</p>
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { useAppInfo } from '../../api/use-app-info';

/** The first real round trip through the bridge: `app:info`. */
export function AboutPanel() {
  const { t } = useTranslation();
  const appInfo = useAppInfo();
  return (
    <section className="screen" aria-labelledby="about-title">
      <h1 id="about-title" tabIndex={-1}>
        {t('about.title')}
      </h1>
      <p className="screen-intro">{t('about.intro')}</p>
      {appInfo.isPending && <p role="status">{t('about.loading')}</p>}
      {appInfo.isError && (
        <p role="alert" className="message-error">
          {t('about.error', { message: errorText(appInfo.error, t) })}
        </p>
      )}
      {appInfo.data && (
        <dl className="details" data-testid="app-info">
          <dt>{t('about.version')}</dt>
          <dd>{appInfo.data.version}</dd>
          <dt>{t('about.platform')}</dt>
          <dd>{appInfo.data.platform}</dd>
          <dt>{t('about.dataFolder')}</dt>
          <dd className="path">{appInfo.data.dataFolder}</dd>
        </dl>
      )}
    </section>
  );
}

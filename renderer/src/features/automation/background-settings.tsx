import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n/error-text';
import { useBackgroundSettings, useSetStartAtLogin } from './use-automation';

/** Start at login (where the system allows it), and what closing the window does (issue 18, item 4). */
export function BackgroundSettings() {
  const { t } = useTranslation('automation');
  const id = useId();
  const settings = useBackgroundSettings();
  const setStartAtLogin = useSetStartAtLogin();
  const errorText = useErrorText();
  const failure = settings.error ?? setStartAtLogin.error;
  return (
    <section className="automation-background card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('background.title')}</h2>
      <p>{t('background.tray')}</p>
      {settings.data?.startAtLoginSupported && (
        <label className="checkbox-field">
          <input
            type="checkbox"
            role="switch"
            checked={settings.data.startAtLogin}
            disabled={setStartAtLogin.isPending}
            onChange={(event) => setStartAtLogin.mutate(event.target.checked)}
          />
          {t('background.startAtLogin')}
        </label>
      )}
      {settings.data && !settings.data.startAtLoginSupported && (
        <p className="automation-hint">{t('background.startAtLoginUnsupported')}</p>
      )}
      {failure && (
        <p role="alert" className="message-error">
          {errorText(failure)}
        </p>
      )}
    </section>
  );
}

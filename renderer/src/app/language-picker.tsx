import { useTranslation } from 'react-i18next';
import { getBridge } from '../api/bridge';
import { rememberLanguage } from '../i18n/i18n';
import { supportedLanguages, type SupportedLanguage } from '../i18n/catalogs';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value as SupportedLanguage;
          rememberLanguage(language);
          void i18n.changeLanguage(language);
          // Main's notifications and quit dialog follow the same choice.
          void getBridge().appSetLanguage?.({ language });
        }}
      >
        {supportedLanguages.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

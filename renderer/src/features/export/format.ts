import { useTranslation } from 'react-i18next';

/** Numbers and dates in the interface language (1,234 in English, 1.234 in Catalan). */
export function useExportFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    number: (value: number) => value.toLocaleString(language),
    date: (iso: string) =>
      iso
        ? new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })
        : '',
  };
}

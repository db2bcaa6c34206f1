import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** Numbers, sizes and dates in the person's language (1,000,000 in English, 1.000.000 in Catalan). */
export function useFormatters() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(language);
    const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      number: (value: number) => numbers.format(value),
      bytes: (value: number) => {
        let size = value;
        let unit = 0;
        while (size >= 1024 && unit < byteUnits.length - 1) {
          size /= 1024;
          unit += 1;
        }
        return new Intl.NumberFormat(language, {
          style: 'unit',
          unit: byteUnits[unit],
          // "273 bytes" but "1.5 MB": people read bytes spelled out and larger units short.
          unitDisplay: unit === 0 ? 'long' : 'short',
          maximumFractionDigits: unit === 0 ? 0 : 1,
        }).format(size);
      },
      date: (iso: string) => dates.format(new Date(iso)),
    };
  }, [language]);
}

import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CourierError } from '../../../../shared/ipc/result';
import type { DestinationService } from '../../../../shared/model/destination-service';

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

const localizedCodes = new Set([
  'export-destination-not-found',
  'export-no-key',
  'export-rejected-key',
  'export-consent-stale',
  'export-nothing-to-send',
]);

/**
 * Codes the screen words itself in the person's language; for others main's own sentence.
 * `service` names the product the error is about (Autopilot's words without it).
 */
export function exportErrorText(
  t: TFunction<'export'>,
  error: unknown,
  service?: DestinationService,
): string {
  if (error instanceof CourierError && localizedCodes.has(error.code)) {
    return t(`errors.${error.code}`, { context: service });
  }
  return error instanceof Error ? error.message : String(error);
}

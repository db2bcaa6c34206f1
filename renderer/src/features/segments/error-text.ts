import type { TFunction } from 'i18next';
import { CourierError } from '../../../../shared/ipc/result';
import type { ImportFailure } from '../../../../shared/segments/segment-summary';

/** A failed call as an import failure, so it is worded like one; null when nothing failed. */
export function failureOf(error: unknown): ImportFailure | null {
  if (error === null || error === undefined) return null;
  if (error instanceof CourierError)
    return { code: error.code, message: error.message, params: {} };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'generic', message, params: { message } };
}

/** A failure in the person's language when we know its code, else main's own (English) words. */
export function importErrorText(t: TFunction<'segments'>, failure: ImportFailure): string {
  const code =
    failure.code === 'not-text' && failure.params.kind === 'spreadsheet'
      ? 'not-text-spreadsheet'
      : failure.code;
  const key = `errors.${code}`;
  if (code === 'generic') return t('errors.generic', { message: failure.message });
  return t(key, { ...failure.params, defaultValue: failure.message });
}

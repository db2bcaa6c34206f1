import type { ImportFailure } from '../../../../shared/segments/segment-summary';
import { codedErrorOf } from '../../i18n/error-text';

/**
 * A failed call as an import failure, so it is listed like one; null when nothing failed. Its
 * words come from renderer/src/i18n/error-text.ts, like every other error's.
 */
export function failureOf(error: unknown): ImportFailure | null {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  return { ...codedErrorOf(error), message };
}

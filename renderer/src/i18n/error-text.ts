import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CourierError } from '../../../shared/ipc/result';
import type { ErrorParams } from '../../../shared/model/error-params';

/**
 * The one place the renderer turns an error into words (issue 15, item 3): main sends a code and
 * its facts, and the sentence is the catalog entry `errors.<code>` (app/locales) in the person's
 * language. Features add only their context ("Could not load the lists: {{message}}").
 */
interface CodedError {
  readonly code: string;
  readonly params: ErrorParams;
}

/** What the catalog says for a code it does not know, and for errors that carry no code. */
export const unknownErrorCode = 'unknown';

type Translate = (key: string, options: Record<string, unknown>) => string;

function isCodedError(value: unknown): value is CodedError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params } = value as { code?: unknown; params?: unknown };
  return typeof code === 'string' && typeof params === 'object' && params !== null;
}

/** The code and facts of a failed call, an import failure or anything else that was thrown. */
export function codedErrorOf(error: unknown): CodedError {
  if (error instanceof CourierError) return { code: error.code, params: error.params ?? {} };
  if (isCodedError(error)) return { code: error.code, params: error.params };
  return { code: unknownErrorCode, params: {} };
}

/**
 * The sentence for an error. `context` picks a variant (`_ortto`) when the error's own facts do
 * not name the service; a kind in the facts (a spreadsheet that is not text) does the same.
 */
export function errorText(error: unknown, t: Translate, context?: string): string {
  const { code, params } = codedErrorOf(error);
  const fallback = t(`app:errors.${unknownErrorCode}`, {});
  return t(`app:errors.${code}`, {
    ...params,
    context: params.service ?? params.kind ?? context,
    defaultValue: fallback,
  });
}

/** errorText in the chosen language, for components. */
export function useErrorText(): (error: unknown, context?: string) => string {
  const { t } = useTranslation('app');
  return useCallback(
    (error: unknown, context?: string) => errorText(error, t as unknown as Translate, context),
    [t],
  );
}

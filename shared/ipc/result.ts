import { z } from 'zod';
import { errorParamsSchema, type ErrorParams } from '../model/error-params';

/**
 * What crosses IPC for every call: a value, or a coded error. Electron flattens thrown errors into
 * "Error invoking remote method ..." strings, so main never throws across the boundary. The
 * renderer words `code` and `params` from its catalogs (renderer/src/i18n/error-text.ts), in the
 * person's language; `message` is the English sentence, for logs and the command line.
 */
export const ipcErrorSchema = z.object({
  code: z.string(),
  params: errorParamsSchema,
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Codes every channel can answer with; features add their own (for example `keychain-locked`). */
export const baseErrorCodes = {
  invalidInput: 'invalid-input',
  untrustedSender: 'untrusted-sender',
  unknownChannel: 'unknown-channel',
  internal: 'internal',
} as const;

/** The renderer's view of a failed call: the code to branch on and word, with its facts. */
export class CourierError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CourierError';
    this.code = error.code;
    this.params = error.params;
  }
}

export function unwrapResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new CourierError(result.error);
}

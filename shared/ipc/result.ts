import { z } from 'zod';

/**
 * What crosses IPC for every call: a value, or an error a person can read. Electron flattens thrown
 * errors into "Error invoking remote method ..." strings, so main never throws across the boundary.
 */
export const ipcErrorSchema = z.object({
  code: z.string(),
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

/** The renderer's view of a failed call: the code to branch on, the message to show. */
export class CourierError extends Error {
  readonly code: string;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CourierError';
    this.code = error.code;
  }
}

export function unwrapResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new CourierError(result.error);
}

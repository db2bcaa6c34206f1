import { exportErrorCodes } from '../../shared/model/exports';

export type ExportErrorCode = (typeof exportErrorCodes)[keyof typeof exportErrorCodes];

/** A failure of the export setup a person can act on: a code the screen words, and plain English. */
export class ExportsError extends Error {
  override readonly name = 'ExportsError';
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export { exportErrorCodes };

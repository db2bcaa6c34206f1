import type { exportErrorCodes } from '../../shared/model/exports';
import type { ErrorParams } from '../../shared/model/error-params';

type ExportErrorCode = (typeof exportErrorCodes)[keyof typeof exportErrorCodes];

/**
 * A failure of the export setup a person can act on: a code the screen words, the facts its
 * sentence needs, and plain English for logs and the command line.
 */
export class ExportsError extends Error {
  override readonly name = 'ExportsError';
  readonly params: ErrorParams;
  constructor(
    readonly code: ExportErrorCode,
    message: string,
    options?: { cause?: unknown; params?: ErrorParams },
  ) {
    super(message, options);
    this.params = options?.params ?? {};
  }
}

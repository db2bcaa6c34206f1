import type { DestinationErrorCode } from '../../shared/model/destinations';
import type { ErrorParams } from '../../shared/model/error-params';

/**
 * A request about destinations that cannot be done as asked: a code, the facts its sentence needs,
 * and the English sentence (logs, the command line) saying what to change.
 */
export class DestinationsError extends Error {
  override readonly name = 'DestinationsError';
  readonly code: DestinationErrorCode;
  readonly params: ErrorParams;
  constructor(code: DestinationErrorCode, message: string, params: ErrorParams = {}) {
    super(message);
    this.code = code;
    this.params = params;
  }
}

import type { DestinationErrorCode } from '../../shared/model/destinations';

/** A request about destinations that cannot be done as asked; the message says what to change. */
export class DestinationsError extends Error {
  override readonly name = 'DestinationsError';
  readonly code: DestinationErrorCode;
  constructor(code: DestinationErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

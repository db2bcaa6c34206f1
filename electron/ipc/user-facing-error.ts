import type { ErrorParams } from '../../shared/model/error-params';

/**
 * An error a service throws on purpose: a code the renderer words in the person's language, the
 * facts that fill in its sentence, and the English sentence for logs.
 */
export class UserFacingError extends Error {
  readonly code: string;
  readonly params: ErrorParams;
  constructor(code: string, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = 'UserFacingError';
    this.code = code;
    this.params = params;
  }
}

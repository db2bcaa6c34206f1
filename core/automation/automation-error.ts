import type { automationErrorCodes } from '../../shared/model/automation';

type AutomationErrorCode = (typeof automationErrorCodes)[keyof typeof automationErrorCodes];

/** Turning an automation on or off was refused: a code the screen words, and plain English. */
export class AutomationError extends Error {
  override readonly name = 'AutomationError';
  constructor(
    readonly code: AutomationErrorCode,
    message: string,
  ) {
    super(message);
  }
}

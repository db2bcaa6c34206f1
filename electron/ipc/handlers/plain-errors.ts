/**
 * Wraps a handler's work so the failures a person can act on become UserFacingErrors (kept with
 * their plain message and code); anything else reaches the dispatcher, which logs it and answers
 * with a generic message. Each feature says which of its errors are user-facing.
 */
export function plainErrorsVia(toUserFacing: (error: unknown) => unknown) {
  return async function plainly<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toUserFacing(error);
    }
  };
}

/**
 * Taking people off a list a group per request (issue 16: Ortto's `unset_tags` merge), for a
 * destination whose list is not a thing with members to check one by one. The call must be
 * idempotent: a group a kill cut short is simply sent again.
 */
export interface ListRemoval {
  /** Most people one `remove` call takes. */
  readonly groupSize: number;
  /** Takes these people off the list (never out of the account); unknown people are ignored. */
  remove(listId: string, emails: readonly string[], signal: AbortSignal): Promise<void>;
}

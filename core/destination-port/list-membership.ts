/**
 * List membership calls a sync needs besides the bulk upsert (issue 13): check, add and take off
 * one contact, and read a list's members page by page. Taking a contact off a list never deletes
 * the contact from the account.
 */
interface MembersPage {
  readonly emails: readonly string[];
  /** Members on the list in all, when the destination says. */
  readonly total: number | undefined;
  /** Pass to read the next page; undefined on the last one. */
  readonly next: string | undefined;
}

export interface ListMembership {
  /** True when the contact is on the list; false when it is not (or is unknown). */
  isMember(listId: string, email: string, signal?: AbortSignal): Promise<boolean>;
  add(listId: string, email: string, signal?: AbortSignal): Promise<void>;
  /** Takes the contact off the list (not out of the account). Unknown contact: not-found. */
  remove(listId: string, email: string, signal?: AbortSignal): Promise<void>;
  membersPage(listId: string, page: string | undefined, signal?: AbortSignal): Promise<MembersPage>;
  /** True when the account has a contact with this email. */
  contactExists(email: string, signal?: AbortSignal): Promise<boolean>;
}

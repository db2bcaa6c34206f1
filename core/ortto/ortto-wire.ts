/**
 * The JSON Ortto's person API takes and gives (ortto-api.md, person/merge): a person's `fields`
 * from an OutgoingContact, the merge bodies of the two delivery steps and of a removal, and each
 * person's status read from the answer. Merges always match people by email.
 */
import type { OutgoingContact } from '../destination-port/destination';
import {
  builtInValue,
  customValue,
  builtInFieldId,
  orttoEmailField,
  orttoPermissionField,
} from './ortto-fields';

export const orttoMaxPeople = 100;
/** Ortto refuses bodies over "2 MB": read as 2,000,000 bytes, the stricter of the two readings. */
export const orttoMaxBodyBytes = 2_000_000;

export interface OrttoPerson {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly tags?: readonly string[];
  readonly unset_tags?: readonly string[];
}

/** Custom field name (lower case) → the account's field id (`str:cm:loyalty-tier`). */
export type CustomFieldIds = ReadonlyMap<string, string>;

/**
 * A contact's fields. `permission` is set only when the step may change it: for a new person, and
 * for an existing one only when the marketer chose to send a "no" as unsubscribed.
 */
export function personFields(
  contact: OutgoingContact,
  customIds: CustomFieldIds,
  permission: boolean | undefined,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(contact.standard)) {
    const id = builtInFieldId(key);
    if (id !== undefined) fields[id] = builtInValue(key, value);
  }
  for (const field of contact.custom) {
    const id = customIds.get(field.name.toLowerCase());
    if (id !== undefined) fields[id] = customValue(field.type, field.value);
  }
  fields[orttoEmailField] = contact.email;
  if (permission !== undefined) fields[orttoPermissionField] = permission;
  return fields;
}

const byEmail = [orttoEmailField] as const;

/** Step 1: creates the people Ortto does not have; leaves existing people untouched. */
export function createOnlyMerge(people: readonly OrttoPerson[]) {
  return { people, merge_by: byEmail, merge_strategy: 3 };
}

/** Step 2 and removals: updates people who exist; never creates anyone. */
export function updateOnlyMerge(people: readonly OrttoPerson[]) {
  return { people, merge_by: byEmail, merge_strategy: 2, skip_non_existing: true };
}

/** The mirror's removal: the tag taken off each person, nothing else changed. */
export function removalMerge(tag: string, emails: readonly string[]) {
  return updateOnlyMerge(
    emails.map((email) => ({ fields: { [orttoEmailField]: email }, unset_tags: [tag] })),
  );
}

interface PersonStatus {
  /** `created`, `merged`, `invalid`, `suppressed`, ... or `missing` when Ortto left it out. */
  readonly status: string;
  readonly reason: string | undefined;
}

function entryStatus(entry: unknown): PersonStatus {
  if (typeof entry !== 'object' || entry === null) return { status: 'missing', reason: undefined };
  const record = entry as Record<string, unknown>;
  const status = typeof record.status === 'string' ? record.status : 'missing';
  const reason = typeof record.error === 'string' && record.error.trim() ? record.error : undefined;
  return { status, reason };
}

/**
 * Each person's status, in the order sent: `people` in a 200, `details` in a 400 that refused
 * every person ("No valid contacts provided"). A person without an entry reads `missing`.
 */
export function readStatuses(body: unknown, sent: number): PersonStatus[] {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const entries = Array.isArray(record.people)
    ? record.people
    : Array.isArray(record.details)
      ? record.details
      : [];
  return Array.from({ length: sent }, (_, at) => entryStatus(entries[at]));
}

const reasons: Record<string, string> = {
  invalid: 'Ortto refused this person as invalid.',
  suppressed: 'Ortto has this email address on its suppression list.',
  skipped: 'Ortto skipped this person.',
  missing: "Ortto's answer did not mention this person.",
};

/** The sentence a refused row carries: Ortto's own words when it gave some. */
export function refusalReason(status: PersonStatus): string {
  const plain = reasons[status.status] ?? `Ortto answered "${status.status}" for this person.`;
  return status.reason ? `${plain} Ortto said: ${status.reason}` : plain;
}

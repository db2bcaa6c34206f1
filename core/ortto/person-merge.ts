/**
 * Delivering one batch to Ortto with email permission done right (issue 16, item 4), per request
 * of at most 100 people and 2 MB:
 * 1. a create-only merge (strategy 3) carrying `bol::p` for new people: `created` = delivered;
 * 2. for everyone else, an update-only merge (strategy 2, skip_non_existing) WITHOUT `bol::p`, so
 *    an existing person's permission never changes, except a "no" the marketer chose to send as
 *    unsubscribed. `merged` = delivered; anything else is refused with Ortto's reason.
 * Both merges set the segment's tag, which is its list in Ortto. A first push of new people costs
 * one request per batch. People Ortto called invalid or suppressed in step 1 are refused there:
 * step 2 would refuse them again, and each extra 400 brings Ortto's ban closer.
 */
import type {
  OutgoingContact,
  RefusedContact,
  RequestCall,
  UpsertOutcome,
} from '../destination-port/destination';
import type { OrttoHttp } from './ortto-http';
import { splitPeople } from './request-split';
import {
  createOnlyMerge,
  personFields,
  readStatuses,
  refusalReason,
  updateOnlyMerge,
  type CustomFieldIds,
  type OrttoPerson,
} from './ortto-wire';

export const noPermissionReason =
  'Not sent: no email permission was chosen for new people in Ortto, and this row does not say.';

/** Statuses that settle a person in step 1 without a second request. */
const refusedAtOnce = new Set(['invalid', 'suppressed']);
const delivered = new Set(['created', 'merged']);

interface MergeInput {
  readonly http: OrttoHttp;
  readonly tag: string;
  readonly customIds: CustomFieldIds;
  /** Email permission of a new person whose row does not say: the marketer's choice. */
  readonly declaredPermission: boolean | undefined;
  readonly call: RequestCall;
}

async function merge(input: MergeInput, body: unknown, sent: number) {
  await input.call.pace();
  const answer = await input.http.post('person/merge', body, input.call.signal, true);
  return readStatuses(answer, sent);
}

function person(input: MergeInput, contact: OutgoingContact, permission: boolean | undefined) {
  return { fields: personFields(contact, input.customIds, permission), tags: [input.tag] };
}

/** One request's people through both steps; returns those Ortto did not take. */
async function deliverGroup(
  input: MergeInput,
  contacts: readonly OutgoingContact[],
  newPeople: readonly OrttoPerson[],
): Promise<RefusedContact[]> {
  const refused: RefusedContact[] = [];
  const existing: OutgoingContact[] = [];
  const first = await merge(input, createOnlyMerge(newPeople), contacts.length);
  contacts.forEach((contact, at) => {
    const status = first[at] ?? { status: 'missing', reason: undefined };
    if (status.status === 'created') return;
    if (refusedAtOnce.has(status.status)) {
      refused.push({ email: contact.email, reason: refusalReason(status) });
    } else existing.push(contact);
  });
  if (existing.length === 0) return refused;
  // Only an opt-out sent as unsubscribed touches an existing person's permission.
  const update = existing.map((contact) =>
    person(input, contact, contact.emailPermission === false ? false : undefined),
  );
  const second = await merge(input, updateOnlyMerge(update), existing.length);
  existing.forEach((contact, at) => {
    const status = second[at] ?? { status: 'missing', reason: undefined };
    if (!delivered.has(status.status)) {
      refused.push({ email: contact.email, reason: refusalReason(status) });
    }
  });
  return refused;
}

export async function mergeBatch(
  input: MergeInput,
  contacts: readonly OutgoingContact[],
): Promise<UpsertOutcome> {
  const refused: RefusedContact[] = [];
  const sendable: OutgoingContact[] = [];
  for (const contact of contacts) {
    // Never a default: Ortto subscribes a new person when `bol::p` is missing.
    if (contact.emailPermission === undefined && input.declaredPermission === undefined) {
      refused.push({ email: contact.email, reason: noPermissionReason });
    } else sendable.push(contact);
  }
  const people = sendable.map((contact) =>
    person(input, contact, contact.emailPermission ?? input.declaredPermission),
  );
  for (const group of splitPeople(people)) {
    const groupContacts = group.map((at) => sendable[at] as OutgoingContact);
    const groupPeople = group.map((at) => people[at] as OrttoPerson);
    refused.push(...(await deliverGroup(input, groupContacts, groupPeople)));
  }
  return { refused };
}

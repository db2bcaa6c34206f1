/**
 * After a segment's batches: make sure every contact sent is on its list, whichever way the account
 * reads `_autopilot_list` (issue 13, item 4). Two ways, the cheaper one chosen from the list's size:
 * - few contacts sent: ask about each one (`GET /list/{id}/contact/{email}`), 1 request a contact;
 * - many: read the list's members (100 a page), 1 request per 100 members.
 * Either way each missing contact is added (`POST /list/{id}/contact/{email}`, 1 request each).
 * A list found leaving contacts off reads `_autopilot_list` strictly; that is remembered.
 */
import { DestinationError } from '../destination-port/destination';
import type { ListMembership } from '../destination-port/list-membership';
import { emailHash } from '../sync/fingerprints';
import { GrowableFloat64, indexOfSorted } from '../sync/growable';
import type { CallCounts, Pacer } from './pacer';
import { callPatiently, GivenUp } from './patient-call';

interface ListCheckInput {
  readonly pacer: Pacer;
  readonly counts: CallCounts;
  readonly membership: ListMembership;
  readonly listId: string;
  /** How many contacts were sent, and a way to go through their emails. */
  readonly sentCount: number;
  sentEmails(): AsyncIterable<string>;
}

const pageSize = 100;

function isNotFound(error: unknown): boolean {
  return error instanceof DestinationError && error.kind === 'not-found';
}

/** Adds one contact; a contact the account does not have (refused earlier) is left alone. */
async function addMissing(input: ListCheckInput, email: string): Promise<boolean> {
  try {
    await callPatiently(input.pacer, input.counts, (signal) =>
      input.membership.add(input.listId, email, signal),
    );
    return true;
  } catch (error) {
    if (isNotFound(error) || error instanceof GivenUp) return false;
    throw error;
  }
}

async function readMembers(
  input: ListCheckInput,
  first: GrowableFloat64,
  next: string | undefined,
) {
  let page = next;
  const seen = new Set<string>();
  while (page !== undefined && !seen.has(page)) {
    seen.add(page);
    const current = page;
    const result = await callPatiently(input.pacer, input.counts, (signal) =>
      input.membership.membersPage(input.listId, current, signal),
    );
    for (const email of result.emails) first.push(emailHash(email));
    page = result.next;
  }
  return first.sorted();
}

/** Returns how many contacts had to be added. */
export async function ensureAllListed(input: ListCheckInput): Promise<number> {
  const { membership, listId, pacer, counts } = input;
  const firstPage = await callPatiently(pacer, counts, (signal) =>
    membership.membersPage(listId, undefined, signal),
  );
  const members = new GrowableFloat64();
  for (const email of firstPage.emails) members.push(emailHash(email));
  const total = firstPage.total ?? Number.POSITIVE_INFINITY;
  const pagesLeft = Math.ceil(Math.max(0, total - firstPage.emails.length) / pageSize);
  const askEach = firstPage.next !== undefined && input.sentCount <= pagesLeft;
  const known = askEach ? members.sorted() : await readMembers(input, members, firstPage.next);
  let added = 0;
  for await (const email of input.sentEmails()) {
    if (indexOfSorted(known, emailHash(email)) >= 0) continue;
    if (askEach) {
      const onList = await callPatiently(pacer, counts, (signal) =>
        membership.isMember(listId, email, signal),
      ).catch((error: unknown) => {
        if (error instanceof GivenUp) return false;
        throw error;
      });
      if (onList) continue;
    }
    if (await addMissing(input, email)) added += 1;
  }
  return added;
}

/**
 * Mirror (issue 13, item 3): takes the segment's leavers off the list, in groups of 50, each group
 * journaled twice: `removing` (fsync) before its first DELETE and `removal` when done. A group that
 * was begun but not finished (a kill, a pause) is redone carefully: each person is first checked
 * and taken off only if still on the list, so nobody is removed twice and nobody is forgotten.
 * Only people from the delivery ledger are here, so a member this app did not add is never
 * touched; and DELETE /list/{id}/contact/{email} takes a contact off a list, never out of the
 * account. Each group then updates the ledger, after the journal.
 */
import { DestinationError } from '../destination/destination';
import type { ListMembership } from '../destination/list-membership';
import type { JournalWriter } from '../jobs/journal';
import type { RemovalRecord } from '../jobs/sync-records';
import { recordRemovals } from '../sync/delivery-ledger';
import type { LedgerLocation } from '../sync/ledger-paths';
import type { SyncJournal } from '../sync/sync-journal';
import { callPatiently, GivenUp, type CallCounts, type PatientContext } from './patient-call';

export const removalGroupSize = 50;

export interface RemovalInput {
  readonly patient: PatientContext;
  readonly membership: ListMembership;
  readonly journal: JournalWriter;
  readonly syncJournal: SyncJournal;
  readonly segment: number;
  readonly listId: string;
  readonly leavers: readonly string[];
  readonly ledger: LedgerLocation;
  readonly jobId: string;
  /** Requests in flight at once. */
  readonly concurrency: number;
  onGroupDone?(record: RemovalRecord): void;
}

type Verdict = { readonly kind: 'removed' } | { readonly kind: 'failed'; readonly reason: string };

async function removeOne(
  input: RemovalInput,
  counts: CallCounts,
  email: string,
  careful: boolean,
): Promise<Verdict> {
  const { patient, membership, listId } = input;
  try {
    if (careful) {
      const onList = await callPatiently(patient, counts, (signal) =>
        membership.isMember(listId, email, signal),
      );
      if (!onList) return { kind: 'removed' };
    }
    await callPatiently(patient, counts, (signal) => membership.remove(listId, email, signal));
    return { kind: 'removed' };
  } catch (error) {
    // Not on the list (or no longer in the account): already off, which is what was wanted.
    if (error instanceof DestinationError && error.kind === 'not-found') return { kind: 'removed' };
    if (error instanceof GivenUp) return { kind: 'failed', reason: error.message };
    throw error;
  }
}

async function removeGroup(input: RemovalInput, seq: number, emails: readonly string[]) {
  const careful = input.syncJournal.begun.get(input.segment)?.has(seq) ?? false;
  const { clock } = input.patient;
  await input.journal.append({ t: 'removing', at: clock.now(), seg: input.segment, seq });
  const counts: CallCounts = { requests: 0, rateLimited: 0, retries: 0 };
  const verdicts: Verdict[] = new Array<Verdict>(emails.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < emails.length) {
      const at = next;
      next += 1;
      verdicts[at] = await removeOne(input, counts, emails[at] as string, careful);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker));
  const record: RemovalRecord = {
    t: 'removal',
    at: clock.now(),
    seg: input.segment,
    seq,
    removed: emails.filter((_, at) => verdicts[at]?.kind === 'removed'),
    failed: emails.flatMap((email, at) => {
      const verdict = verdicts[at];
      return verdict?.kind === 'failed' ? [{ email, reason: verdict.reason }] : [];
    }),
    ...counts,
  };
  await input.journal.append(record);
  await recordRemovals(input.ledger, input.jobId, record.removed);
  input.onGroupDone?.(record);
}

export async function removeLeavers(input: RemovalInput): Promise<void> {
  const done = input.syncJournal.removals.get(input.segment);
  for (let seq = 0; seq * removalGroupSize < input.leavers.length; seq += 1) {
    if (done?.has(seq)) continue;
    const start = seq * removalGroupSize;
    await removeGroup(input, seq, input.leavers.slice(start, start + removalGroupSize));
  }
}

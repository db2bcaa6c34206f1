/**
 * Mirror (issue 13, item 3): takes the segment's leavers off the list, in groups, each group
 * journaled twice: `removing` (fsync) before its first request and `removal` when done. How a
 * group goes depends on the destination (its port declares it):
 * - one by one through membership calls (Autopilot: DELETE /list/{id}/contact/{email}, groups of
 *   50). A group that was begun but not finished (a kill, a pause) is redone carefully: each
 *   person is first checked and taken off only if still on the list, so nobody is removed twice.
 * - a group per request (Ortto: an `unset_tags` merge of up to 100 people). The request is
 *   idempotent, so a half-done group is simply sent again.
 * Only people from the delivery ledger are here, so a member this app did not add is never
 * touched; and taking someone off a list never takes them out of the account. Each group then
 * updates the ledger, after the journal.
 */
import { DestinationError } from '../destination-port/destination';
import type { ListMembership } from '../destination-port/list-membership';
import type { ListRemoval } from '../destination-port/list-removal';
import type { JournalWriter } from '../jobs/journal';
import type { RemovalRecord } from '../jobs/sync-records';
import { recordRemovals } from '../sync/delivery-ledger';
import type { LedgerLocation } from '../sync/ledger-paths';
import type { SyncJournal } from '../sync/sync-journal';
import type { CallCounts, Pacer } from './pacer';
import { callPatiently, GivenUp } from './patient-call';

/** Autopilot's group of one-by-one removals. */
const removalGroupSize = 50;

type Verdict = { readonly kind: 'removed' } | { readonly kind: 'failed'; readonly reason: string };

/** Takes one group of people off the list; answers a verdict per person, in order. */
export interface LeaverRemover {
  readonly groupSize: number;
  removeGroup(group: RemovalGroup): Promise<Verdict[]>;
}

interface RemovalGroup {
  readonly input: RemovalInput;
  readonly counts: CallCounts;
  readonly emails: readonly string[];
  /** The group was begun by an earlier run and not finished. */
  readonly careful: boolean;
}

interface RemovalInput {
  readonly pacer: Pacer;
  readonly remover: LeaverRemover;
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

async function removeOne(
  membership: ListMembership,
  group: RemovalGroup,
  email: string,
): Promise<Verdict> {
  const { input, counts, careful } = group;
  const { pacer, listId } = input;
  try {
    if (careful) {
      const onList = await callPatiently(pacer, counts, (signal) =>
        membership.isMember(listId, email, signal),
      );
      if (!onList) return { kind: 'removed' };
    }
    await callPatiently(pacer, counts, (signal) => membership.remove(listId, email, signal));
    return { kind: 'removed' };
  } catch (error) {
    // Not on the list (or no longer in the account): already off, which is what was wanted.
    if (error instanceof DestinationError && error.kind === 'not-found') return { kind: 'removed' };
    if (error instanceof GivenUp) return { kind: 'failed', reason: error.message };
    throw error;
  }
}

/** One by one, `concurrency` requests at once (Autopilot). */
export function membershipRemover(membership: ListMembership): LeaverRemover {
  return {
    groupSize: removalGroupSize,
    async removeGroup(group) {
      const { emails } = group;
      const verdicts: Verdict[] = new Array<Verdict>(emails.length);
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < emails.length) {
          const at = next;
          next += 1;
          verdicts[at] = await removeOne(membership, group, emails[at] as string);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, group.input.concurrency) }, worker));
      return verdicts;
    },
  };
}

/** The whole group in one idempotent request (Ortto); `careful` changes nothing. */
export function groupRemover(removal: ListRemoval): LeaverRemover {
  return {
    groupSize: removal.groupSize,
    async removeGroup({ input, counts, emails }) {
      try {
        await callPatiently(input.pacer, counts, (signal) =>
          removal.remove(input.listId, emails, signal),
        );
        return emails.map(() => ({ kind: 'removed' }));
      } catch (error) {
        if (!(error instanceof GivenUp)) throw error;
        return emails.map(() => ({ kind: 'failed', reason: error.message }));
      }
    },
  };
}

async function removeGroup(input: RemovalInput, seq: number, emails: readonly string[]) {
  const careful = input.syncJournal.begun.get(input.segment)?.has(seq) ?? false;
  const { clock } = input.pacer;
  await input.journal.append({ t: 'removing', at: clock.now(), seg: input.segment, seq });
  const counts: CallCounts = { requests: 0, rateLimited: 0, retries: 0 };
  const verdicts = await input.remover.removeGroup({ input, counts, emails, careful });
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
  const size = input.remover.groupSize;
  for (let seq = 0; seq * size < input.leavers.length; seq += 1) {
    if (done?.has(seq)) continue;
    const start = seq * size;
    await removeGroup(input, seq, input.leavers.slice(start, start + size));
  }
}

/**
 * The cheap way to know that every contact joined its list (issue 13, item 4), tried before the
 * full list check: the list's member count just before the batches and just after them. When it
 * rose by exactly the number of contacts new to the list, each of them is on it, whichever way
 * the list reads `_autopilot_list`: one that did not join would leave the count short. Two
 * requests instead of one per 100 members. Taken only when one run sent every batch itself with no
 * row failing, and the list belongs to one segment of the job; anything else (a count that does
 * not add up, a resumed job, a member added by hand meanwhile) falls back to the full check.
 */
import type { ListMembership } from '../destination-port/list-membership';
import type { DeliveryTotals } from '../jobs/job-ledger';
import type { JobManifest } from '../jobs/job-manifest';
import { readListReading } from '../sync/list-reading';
import type { CallCounts, Pacer } from './pacer';
import { callPatiently, GivenUp } from './patient-call';

interface ListCountInput {
  readonly dataFolder: string;
  readonly manifest: JobManifest;
  readonly membership: ListMembership | undefined;
  readonly pacer: Pacer;
  readonly counts: CallCounts;
}

async function memberCount(input: ListCountInput, listId: string): Promise<number | undefined> {
  const { membership } = input;
  if (!membership) return undefined;
  try {
    const page = await callPatiently(input.pacer, input.counts, (signal) =>
      membership.membersPage(listId, undefined, signal),
    );
    return page.total;
  } catch (error) {
    if (error instanceof GivenUp) return undefined;
    throw error;
  }
}

function listOfOneSegment(manifest: JobManifest, segment: number): boolean {
  const name = manifest.segments[segment]?.listName.trim().toLowerCase();
  return (
    manifest.segments.filter((item) => item.listName.trim().toLowerCase() === name).length === 1
  );
}

export class ListCounts {
  readonly #before = new Map<number, number>();

  /** Before the first batch of a job's first run: each eligible list's member count. */
  async recordBefore(input: ListCountInput): Promise<void> {
    for (const [segment, planned] of input.manifest.segments.entries()) {
      // Only a sync's job knows which contacts are new to the list (its ledger's count).
      if (!planned.changes || !listOfOneSegment(input.manifest, segment)) continue;
      if (!planned.listId) {
        // The list did not exist when the export was counted: this job makes it, empty.
        this.#before.set(segment, 0);
        continue;
      }
      const location = {
        dataFolder: input.dataFolder,
        endpoint: input.manifest.destination.endpoint,
        listId: planned.listId,
      };
      // A list known to take every upserted contact needs no check at all.
      if ((await readListReading(location)) === 'lenient') continue;
      const before = await memberCount(input, planned.listId);
      if (before !== undefined) this.#before.set(segment, before);
    }
  }

  /** After the batches: whether the count shows every contact new to the list joined it. */
  async showsAllListed(
    input: ListCountInput,
    totals: DeliveryTotals,
    segment: number,
    listId: string,
  ): Promise<boolean> {
    const before = this.#before.get(segment);
    const planned = input.manifest.segments[segment];
    if (before === undefined || !planned || totals.refused + totals.givenUp > 0) return false;
    const after = await memberCount(input, listId);
    return after !== undefined && after - before === planned.changes?.new;
  }
}

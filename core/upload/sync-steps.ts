/**
 * What a sync does after a job's batches (issue 13), per segment: check that every contact sent is
 * on the list (unless the list is known to put upserted contacts on it by itself), then, when
 * mirroring, take the leavers off. Each step is journaled, so a resumed run skips what is done.
 * Also the ledger's catch-up: a run cut short between a batch's journal line and its ledger lines
 * left them out, so a resumed run writes the ledger lines of every done batch again.
 */
import type { ListMembership } from '../destination-port/list-membership';
import type { ListRemoval } from '../destination-port/list-removal';
import { doneSet, type JobLedger } from '../jobs/job-ledger';
import { contactsToSend, type JobManifest } from '../jobs/job-manifest';
import { jobFile } from '../jobs/job-store';
import type { JournalWriter } from '../jobs/journal';
import { readFailedLines, type FailedLines } from '../jobs/journal-tallies';
import { recordDeliveries, recordRemovals } from '../sync/delivery-ledger';
import { readLeavers } from '../sync/leavers-file';
import type { LedgerLocation } from '../sync/ledger-paths';
import { readListReading, writeListReading } from '../sync/list-reading';
import type { SyncJournal } from '../sync/sync-journal';
import type { OutgoingContact } from '../destination-port/destination';
import { selectedBatches } from './batch-source';
import { ensureAllListed } from './list-check';
import {
  groupRemover,
  membershipRemover,
  removeLeavers,
  type LeaverRemover,
} from './mirror-removals';
import { jobSegmentRows } from './run-batches';
import type { CallCounts, Pacer } from './pacer';
import type { SnapshotAccess } from './snapshot-access';

export interface SyncStepsInput {
  readonly dataFolder: string;
  readonly manifest: JobManifest;
  readonly snapshots: SnapshotAccess;
  readonly membership: ListMembership | undefined;
  /** The destination's upsert puts everyone it takes on the list: nothing to check after. */
  readonly upsertListsEveryone: boolean;
  /** The destination takes people off a list a group per request (preferred to `membership`). */
  readonly removal: ListRemoval | undefined;
  readonly journal: JournalWriter;
  readonly syncJournal: SyncJournal;
  readonly jobLedger: JobLedger;
  readonly pacer: Pacer;
  readonly counts: CallCounts;
  listId(segment: number): Promise<string>;
  /** Whether the list's member count already shows every contact on it (list-count.ts). */
  listedByCount?(segment: number, listId: string): Promise<boolean>;
}

export function ledgerLocation(input: SyncStepsInput, listId: string): LedgerLocation {
  return { dataFolder: input.dataFolder, endpoint: input.manifest.destination.endpoint, listId };
}

/**
 * The rows each segment's batches did not deliver (journal-tallies.ts: the batches the ledger
 * counts), read in one pass over the journal the first time a segment asks, then kept for all the
 * segments of one step (the ledger's catch-up, the list checks, the probes). Made afresh for each
 * step, since the batches sent in between add failed rows.
 */
export class UndeliveredRows {
  readonly #input: Pick<SyncStepsInput, 'dataFolder' | 'manifest'>;
  #lines: Promise<FailedLines> | undefined;

  constructor(input: Pick<SyncStepsInput, 'dataFolder' | 'manifest'>) {
    this.#input = input;
  }

  async of(segment: number): Promise<ReadonlySet<number>> {
    const { dataFolder, manifest } = this.#input;
    this.#lines ??= readFailedLines(jobFile(dataFolder, manifest.id, 'journal'), manifest);
    return (await this.#lines).get(segment) ?? new Set();
  }
}

/** The contacts of a segment the job delivered (every batch done, less the failed rows). */
export async function* deliveredContacts(
  input: Pick<SyncStepsInput, 'dataFolder' | 'manifest' | 'snapshots' | 'jobLedger'>,
  segment: number,
  onlyDone: boolean,
  undelivered: UndeliveredRows,
): AsyncGenerator<OutgoingContact> {
  const { manifest, dataFolder, snapshots } = input;
  const planned = manifest.segments[segment];
  if (!planned || contactsToSend(planned) === 0) return;
  const failed = await undelivered.of(segment);
  const { selection, source } = await jobSegmentRows({ manifest, dataFolder, snapshots }, segment);
  const done = doneSet(input.jobLedger, segment);
  const skip = (seq: number) => onlyDone && !done.has(seq);
  for await (const batch of selectedBatches(
    segment,
    source,
    selection,
    manifest.settings.batchSize,
    skip,
  )) {
    for (const row of batch.rows) if (!failed.has(row.line)) yield row.contact;
  }
}

/** Writes again the ledger lines of what earlier runs of this job delivered and removed. */
export async function catchUpLedger(input: SyncStepsInput): Promise<void> {
  const { manifest, jobLedger, syncJournal } = input;
  const undelivered = new UndeliveredRows(input);
  for (const [segment] of manifest.segments.entries()) {
    const listId = jobLedger.lists.get(segment);
    if (listId === undefined) continue;
    const location = ledgerLocation(input, listId);
    let group: OutgoingContact[] = [];
    for await (const contact of deliveredContacts(input, segment, true, undelivered)) {
      group.push(contact);
      if (group.length === 1_000) {
        await recordDeliveries(location, manifest.id, group);
        group = [];
      }
    }
    await recordDeliveries(location, manifest.id, group);
    for (const record of syncJournal.removals.get(segment)?.values() ?? []) {
      await recordRemovals(location, manifest.id, record.removed);
    }
  }
}

async function checkListed(
  input: SyncStepsInput,
  segment: number,
  listId: string,
  undelivered: UndeliveredRows,
) {
  const { membership, manifest } = input;
  const planned = manifest.segments[segment];
  if (input.upsertListsEveryone) return;
  if (!membership || !planned || input.syncJournal.listed.has(segment)) return;
  // A job counted without a delivery ledger (made before syncing existed) runs as it was made.
  if (!planned.changes) return;
  const location = ledgerLocation(input, listId);
  if ((await readListReading(location)) === 'lenient') return;
  const before = { ...input.counts };
  const sentCount = contactsToSend(planned);
  const counted = sentCount === 0 || (await input.listedByCount?.(segment, listId)) === true;
  const added = counted
    ? 0
    : await ensureAllListed({
        pacer: input.pacer,
        counts: input.counts,
        membership,
        listId,
        sentCount,
        sentEmails: async function* () {
          for await (const contact of deliveredContacts(input, segment, false, undelivered)) {
            yield contact.email;
          }
        },
      });
  if (added > 0) await writeListReading(location, 'strict');
  await input.journal.append({
    t: 'listed',
    at: input.pacer.clock.now(),
    seg: segment,
    added,
    requests: input.counts.requests - before.requests,
    rateLimited: input.counts.rateLimited - before.rateLimited,
    retries: input.counts.retries - before.retries,
  });
}

/** How this destination takes leavers off a list, if it can. */
function leaverRemover(input: SyncStepsInput): LeaverRemover | undefined {
  if (input.removal) return groupRemover(input.removal);
  return input.membership ? membershipRemover(input.membership) : undefined;
}

/** Runs every segment's sync steps; throws DeliveryStopped when the run is told to stop. */
export async function runSyncSteps(input: SyncStepsInput): Promise<void> {
  const { manifest } = input;
  const undelivered = new UndeliveredRows(input);
  for (const [segment] of manifest.segments.entries()) {
    const listId = await input.listId(segment);
    await checkListed(input, segment, listId, undelivered);
    const remover = leaverRemover(input);
    if (!manifest.sync?.mirror || !remover) continue;
    const leavers = await readLeavers(input.dataFolder, manifest.id, segment);
    if (leavers.length === 0) continue;
    await removeLeavers({
      pacer: input.pacer,
      remover,
      journal: input.journal,
      syncJournal: input.syncJournal,
      segment,
      listId,
      leavers,
      ledger: ledgerLocation(input, listId),
      jobId: manifest.id,
      concurrency: manifest.settings.concurrency,
      onGroupDone: (record) => {
        input.counts.requests += record.requests;
        input.counts.rateLimited += record.rateLimited;
        input.counts.retries += record.retries;
      },
    });
  }
}

/**
 * A run's sync side (issue 13), beside the batch senders: reads what the journal says about the
 * sync steps, writes the ledger after each journaled batch (never before), catches the ledger up
 * on a resume, and runs the list check and the mirror's removals once every batch is done. Its
 * requests are journaled with each step and summed apart from the upserts (job-sync-summary.ts);
 * their 429s and retries count in the run's totals, which speak for all the traffic.
 */
import type { DeliveryTotals, JobLedger } from '../jobs/job-ledger';
import { jobFile } from '../jobs/job-store';
import { recordDeliveries } from '../sync/delivery-ledger';
import { readSyncJournal, syncTotals, type SyncJournal } from '../sync/sync-journal';
import type { BatchOutcome, PlannedBatch } from './batch-delivery';
import type { CallCounts } from './pacer';
import { batchesComplete } from './sync-counts';
import { ListCounts } from './list-count';
import { findProbe, judgeProbe } from './list-probe';
import { catchUpLedger, runSyncSteps, UndeliveredRows, type SyncStepsInput } from './sync-steps';

type RunSyncInput = Omit<SyncStepsInput, 'syncJournal' | 'counts' | 'jobLedger'> & {
  readonly jobLedger: JobLedger;
  /** The run's totals: 429s and retries of the sync's requests count there too. */
  readonly totals: DeliveryTotals;
};

export class RunSync {
  /** True once the sync steps are done (or there were none to do). */
  complete = false;
  /** Leavers that could not be taken off the list (after repeated errors). */
  notRemoved = 0;
  readonly #input: RunSyncInput;
  readonly #counts: CallCounts = { requests: 0, rateLimited: 0, retries: 0 };
  #journal: SyncJournal = { removals: new Map(), begun: new Map(), listed: new Map() };
  /** Segment → a contact whose joining the list tells how the list reads `_autopilot_list`. */
  readonly #probes = new Map<number, string>();
  readonly #listCounts = new ListCounts();

  constructor(input: RunSyncInput) {
    this.#input = input;
  }

  #steps(): SyncStepsInput {
    const steps: SyncStepsInput = {
      ...this.#input,
      syncJournal: this.#journal,
      counts: this.#counts,
      listedByCount: (segment, listId) =>
        this.#listCounts.showsAllListed(steps, this.#input.totals, segment, listId),
    };
    return steps;
  }

  /** Adds to the run's totals what the sync's calls met since `before`. */
  #countSince(before: CallCounts): void {
    this.#input.totals.rateLimited += this.#counts.rateLimited - before.rateLimited;
    this.#input.totals.retries += this.#counts.retries - before.retries;
  }

  async #counted(work: () => Promise<void>): Promise<void> {
    const before = { ...this.#counts };
    try {
      await work();
    } finally {
      this.#countSince(before);
    }
  }

  /** Before the batches: what earlier runs did, and the ledger lines a kill may have cost. */
  async begin(): Promise<void> {
    const { dataFolder, manifest, jobLedger } = this.#input;
    this.#journal = await readSyncJournal(jobFile(dataFolder, manifest.id, 'journal'));
    const earlier = syncTotals(this.#journal);
    this.#input.totals.rateLimited += earlier.rateLimited;
    this.#input.totals.retries += earlier.retries;
    if (jobLedger.runs > 0) {
      await catchUpLedger(this.#steps());
      return;
    }
    // A destination whose upsert lists everyone has no list check to prepare for.
    if (this.#input.upsertListsEveryone) return;
    await this.#counted(async () => {
      await this.#probe();
      await this.#listCounts.recordBefore(this.#steps());
    });
  }

  async #probe(): Promise<void> {
    const undelivered = new UndeliveredRows(this.#input);
    for (const [segment] of this.#input.manifest.segments.entries()) {
      const email = await findProbe(this.#steps(), segment, undelivered);
      if (email) this.#probes.set(segment, email);
    }
  }

  /** After the batches, unless stopping: the list check and the removals. Throws to fail. */
  async end(stopping: boolean): Promise<void> {
    const { manifest, jobLedger } = this.#input;
    if (stopping || !batchesComplete(manifest, jobLedger)) return;
    await this.#counted(async () => {
      for (const [segment, email] of this.#probes) await judgeProbe(this.#steps(), segment, email);
      await runSyncSteps(this.#steps());
    });
    this.complete = true;
    this.notRemoved = syncTotals(
      await readSyncJournal(jobFile(this.#input.dataFolder, manifest.id, 'journal')),
    ).removalFailed;
  }

  /** After the batch's journal line, never before: the ledger claims only journaled deliveries. */
  async recordDelivered(batch: PlannedBatch, outcome: BatchOutcome): Promise<void> {
    const { dataFolder, manifest } = this.#input;
    const failed = new Set(outcome.failed.map((failure) => failure.line));
    const delivered = batch.rows.filter((row) => !failed.has(row.line)).map((row) => row.contact);
    if (delivered.length === 0) return;
    const listId = await this.#input.listId(batch.segment);
    const location = { dataFolder, endpoint: manifest.destination.endpoint, listId };
    await recordDeliveries(location, manifest.id, delivered);
  }
}

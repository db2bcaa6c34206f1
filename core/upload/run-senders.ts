/**
 * The moving parts of a run: one reader turning snapshot rows into batches (skipping those the
 * journal has), a bounded queue, and a few senders sharing one rate controller and one network
 * gate. Each finished batch is journaled (fsync) before it counts.
 */
import { DestinationError } from '../destination-port/destination';
import { doneSet, type JobLedger } from '../jobs/job-ledger';
import { contactsToSend, type JobManifest, type JobStatus } from '../jobs/job-manifest';
import type { BatchRecord } from '../jobs/journal-records';
import type { JournalWriter } from '../jobs/journal';
import { AsyncQueue } from './async-queue';
import {
  deliverBatch,
  type BatchOutcome,
  type BatchPlace,
  type DeliveryContext,
  type PlannedBatch,
} from './batch-delivery';
import { batchesToSend } from './run-batches';
import type { Clock } from './clock';
import { FaultStreak } from './fault-streak';
import { createListResolver } from './list-resolver';
import { NetworkGate } from './network-gate';
import { DeliveryStopped, Pacer } from './pacer';
import { overallOf, ProgressThrottle, type ProgressSnapshot } from './progress';
import { RateController } from './rate-controller';
import type { RunControl } from './run-control';
import { describeState, RunTally, stopMessage } from './run-tally';
import { RunSync } from './run-sync';
import type { UploadRunOptions } from './upload-run-options';

interface RunSendersOptions extends UploadRunOptions {
  readonly clock: Clock;
  readonly manifest: JobManifest;
  readonly ledger: JobLedger;
  readonly journal: JournalWriter;
  readonly control: RunControl;
}

function batchRecord(batch: PlannedBatch, outcome: BatchOutcome, at: number): BatchRecord {
  return {
    t: 'batch',
    at,
    seg: batch.segment,
    seq: batch.seq,
    first: batch.rows[0]?.line ?? 0,
    last: batch.rows[batch.rows.length - 1]?.line ?? 0,
    size: batch.rows.length,
    ok: outcome.delivered,
    failed: outcome.failed,
    requests: outcome.requests,
    rateLimited: outcome.rateLimited,
    retries: outcome.retries,
  };
}

export class RunSenders {
  readonly tally: RunTally;
  /** The sync steps around the batches (issue 13). */
  readonly sync: RunSync;
  readonly #options: RunSendersOptions;
  readonly #queue: AsyncQueue<PlannedBatch>;
  readonly #rate: RateController;
  readonly #gate: NetworkGate;
  /** The one pace-and-retry call every request of the run goes through. */
  readonly #pacer: Pacer;
  readonly #progress: ProgressThrottle;
  readonly #listId: (segment: number, refresh?: boolean) => Promise<string>;
  readonly #random: () => number;
  readonly #stopTicker = new AbortController();
  readonly #streak: FaultStreak;
  #offlineTimer: AbortController | null = null;
  #started = false;
  #retryUntil = 0;
  #retryMessage = '';
  #final: { status: JobStatus; message: string } | null = null;

  constructor(options: RunSendersOptions) {
    this.#options = options;
    const { clock, manifest, destination, control } = options;
    this.#random = options.random ?? Math.random;
    this.#streak = new FaultStreak(clock, options.faultStreak);
    this.tally = new RunTally(options.ledger, manifest.segments.length);
    this.#queue = new AsyncQueue(manifest.settings.concurrency * 2);
    // On a stop, batches not yet taken stay unsent; senders idle on the queue are let go.
    control.waitSignal.addEventListener('abort', () => this.#queue.close(), { once: true });
    this.#rate = new RateController({
      maxRate: options.rate ?? manifest.destination.rate,
      clock,
      random: this.#random,
    });
    this.#gate = new NetworkGate({
      destination,
      clock,
      probeIntervalMs: options.probeIntervalMs,
      maxProbeIntervalMs: options.maxProbeIntervalMs,
      onChange: (offline) => this.#onNetworkChange(offline),
    });
    this.#pacer = new Pacer({
      rate: this.#rate,
      gate: this.#gate,
      clock,
      random: this.#random,
      maxAttempts: manifest.settings.maxAttempts,
      control,
    });
    this.#progress = new ProgressThrottle(
      clock,
      () => this.#snapshot(),
      (progress) => options.onProgress?.(progress),
    );
    this.#listId = createListResolver({
      destination,
      pacer: this.#pacer,
      listNames: manifest.segments.map((segment) => segment.listName),
      known: options.ledger.lists,
      onResolved: (seg, listId, created) =>
        options.journal.append({ t: 'list', at: clock.now(), seg, listId, created }),
    });
    this.sync = new RunSync({
      dataFolder: options.dataFolder,
      manifest,
      snapshots: options.snapshots,
      membership: destination.membership,
      upsertListsEveryone: destination.upsertListsEveryone === true,
      removal: destination.removal,
      journal: options.journal,
      jobLedger: options.ledger,
      totals: this.tally.totals,
      pacer: this.#pacer,
      listId: (segment) => this.#listId(segment),
    });
  }

  async run(): Promise<void> {
    await this.sync.begin().catch((error: unknown) => this.#fail(error));
    this.#progress.changed();
    const ticker = this.#tick();
    const producer = this.#produce().then(
      () => this.#queue.end(),
      (error: unknown) => this.#fail(error),
    );
    const workers = Array.from({ length: this.#options.manifest.settings.concurrency }, () =>
      this.#work(),
    );
    await Promise.all(workers);
    this.#queue.close();
    await producer;
    await this.sync
      .end(this.#options.control.stopping)
      .catch((error: unknown) => this.#fail(error));
    this.#stopTicker.abort();
    this.#offlineTimer?.abort();
    await ticker;
  }

  /** The last progress event, with the run's outcome. */
  async finish(status: JobStatus, message: string): Promise<void> {
    this.#final = { status, message };
    await this.#progress.final();
  }

  #snapshot(): ProgressSnapshot {
    const { manifest, clock, control } = this.#options;
    const segments = manifest.segments.map((segment, index) =>
      this.tally.segmentProgress(index, contactsToSend(segment)),
    );
    return {
      jobId: manifest.id,
      ...describeState({
        now: clock.now(),
        started: this.#started,
        offline: this.#gate.offline,
        holdUntil: this.#rate.holdUntil,
        retryUntil: this.#retryUntil,
        retryMessage: this.#retryMessage,
        stopping: control.stopping,
        finalStatus: this.#final?.status ?? null,
        stopMessage: this.#final?.message ?? control.stopMessage,
        serviceName: this.#options.destination.serviceName,
      }),
      ...overallOf(segments),
      segments,
      allowedContactsPerSecond: Math.round(this.#rate.rate * manifest.settings.batchSize * 10) / 10,
    };
  }

  /** A heartbeat, so the pace, time left and countdowns move even when nothing finishes. */
  async #tick(): Promise<void> {
    const { clock } = this.#options;
    for (;;) {
      try {
        await clock.sleep(1_000, this.#stopTicker.signal);
      } catch {
        return;
      }
      this.#progress.changed();
    }
  }

  async #produce(): Promise<void> {
    const { control } = this.#options;
    for await (const batch of batchesToSend(this.#options)) {
      if (control.stopping || !(await this.#queue.push(batch))) return;
    }
  }

  async #work(): Promise<void> {
    const { clock, journal, ledger } = this.#options;
    const context: DeliveryContext = {
      destination: this.#options.destination,
      pacer: this.#pacer,
      listId: this.#listId,
      onRetryWait: (until: number, message: string) => {
        this.#retryUntil = Math.max(this.#retryUntil, until);
        this.#retryMessage = message;
        this.#progress.changed();
      },
      onHold: () => this.#progress.changed(),
      onDelivered: () => this.#streak.delivered(),
      onFault: (error: DestinationError, batch: BatchPlace) => this.#onFault(error, batch),
    };
    for (;;) {
      const batch = await this.#queue.take();
      if (!batch) return;
      this.#started = true;
      this.tally.sending(batch.segment, batch.rows.length);
      this.#progress.changed();
      try {
        const outcome = await deliverBatch(context, batch);
        await journal.append(batchRecord(batch, outcome, clock.now()));
        doneSet(ledger, batch.segment).add(batch.seq);
        await this.sync.recordDelivered(batch, outcome);
        // Counted as answered and no longer on the way in the same tick (the finally below).
        this.tally.add(batch.segment, outcome);
      } catch (error) {
        this.#fail(error);
        return;
      } finally {
        this.tally.settled(batch.segment, batch.rows.length);
        this.#progress.changed();
      }
    }
  }

  #fail(error: unknown): void {
    const { control } = this.#options;
    this.#queue.close();
    if (control.stopping || error instanceof DeliveryStopped) return;
    const cause = error instanceof Error ? error.cause : undefined;
    if (error instanceof DestinationError && error.kind === 'rejected-key') {
      control.stop(
        'rejected-key',
        stopMessage('rejected-key', undefined, this.#options.destination.serviceName),
      );
    } else if (cause instanceof DestinationError && cause.kind === 'transient') {
      // The list could not be had because every try failed (a server down, not a refusal): a
      // pause for repeated failures, like the batches', so a resume later picks it up.
      control.stop('repeated-faults', stopMessage('repeated-faults', cause.message));
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      control.stop('error', stopMessage('error', detail), detail);
    }
    this.#progress.changed();
  }

  /** Request after request failing: pause (resumable) rather than give every batch up. */
  #onFault(error: DestinationError, batch: BatchPlace): void {
    if (!this.#streak.failed(batch)) return;
    this.#options.control.stop('repeated-faults', stopMessage('repeated-faults', error.message));
    this.#progress.changed();
  }

  #onNetworkChange(offline: boolean): void {
    const { clock, control, offlineTimeoutMs } = this.#options;
    this.#offlineTimer?.abort();
    this.#offlineTimer = null;
    if (offline && offlineTimeoutMs !== undefined) {
      const timer = new AbortController();
      this.#offlineTimer = timer;
      clock.sleep(offlineTimeoutMs, timer.signal).then(
        () =>
          control.stop(
            'offline',
            stopMessage('offline', undefined, this.#options.destination.serviceName),
          ),
        () => undefined,
      );
    }
    this.#progress.changed();
  }
}

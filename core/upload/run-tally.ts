/**
 * The live counts of a run (starting from what the journal says earlier runs did) and the state in
 * plain words, for progress events and the final summary.
 */
import {
  addBatch,
  segmentTallyAt,
  sumSegmentTallies,
  type SegmentTally,
} from '../jobs/delivery-tally';
import type { DeliveryTotals, JobLedger } from '../jobs/job-ledger';
import type { JobStatus, StopReason } from '../jobs/job-manifest';
import type { BatchOutcome } from './batch-delivery';
import {
  segmentProgressOf,
  type ProgressSnapshot,
  type ProgressState,
  type SegmentProgress,
} from './progress';

/**
 * The run's counts per segment (delivery-tally.ts), with the contacts on the way apart: they are
 * counted once answered, never before (issue 17, item 5). The whole job's totals are kept as the
 * sum of the segments', so a progress event's overall and per-segment numbers always agree.
 */
export class RunTally {
  readonly totals: DeliveryTotals;
  readonly #segments: SegmentTally[];
  readonly #inFlight: number[];

  constructor(fromJournal: Pick<JobLedger, 'totals' | 'segments'>, segmentCount: number) {
    this.totals = { ...fromJournal.totals };
    this.#segments = fromJournal.segments.map((segment) => ({ ...segment }));
    if (segmentCount > 0) segmentTallyAt(this.#segments, segmentCount - 1);
    this.#inFlight = this.#segments.map(() => 0);
    Object.assign(this.totals, sumSegmentTallies(this.#segments));
  }

  /** Contacts of `segment` left in a request that has not been answered yet. */
  sending(segment: number, contacts: number): void {
    this.#inFlight[segment] = (this.#inFlight[segment] ?? 0) + contacts;
  }

  /** The request is over (answered, or stopped before its answer): no longer on the way. */
  settled(segment: number, contacts: number): void {
    this.#inFlight[segment] = Math.max(0, (this.#inFlight[segment] ?? 0) - contacts);
  }

  add(segment: number, outcome: BatchOutcome): void {
    addBatch(segmentTallyAt(this.#segments, segment), outcome.delivered, outcome.failed);
    Object.assign(this.totals, sumSegmentTallies(this.#segments));
    this.totals.requests += outcome.requests;
    this.totals.rateLimited += outcome.rateLimited;
    this.totals.retries += outcome.retries;
  }

  get failed(): number {
    return this.totals.refused + this.totals.givenUp;
  }

  /** Where segment `index` stands, of the `total` contacts it sends. */
  segmentProgress(index: number, total: number): SegmentProgress {
    return segmentProgressOf(this.#segments[index], total, this.#inFlight[index] ?? 0);
  }
}

interface StateFacts {
  readonly now: number;
  readonly started: boolean;
  readonly offline: boolean;
  readonly holdUntil: number;
  readonly retryUntil: number;
  readonly retryMessage: string;
  readonly stopping: boolean;
  /** Set once the run is over. */
  readonly finalStatus: JobStatus | null;
  readonly stopMessage: string;
  /** The destination's name (Destination.serviceName). */
  readonly serviceName: string;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

const finalMessages: Partial<Record<JobStatus, string>> = {
  completed: 'Done: every contact was delivered.',
  completed_with_errors: 'Done, but some contacts were not delivered. See the report.',
  cancelled: 'Cancelled.',
};

export function describeState(
  facts: StateFacts,
): Pick<ProgressSnapshot, 'state' | 'message' | 'resumesAt'> {
  const idle = { resumesAt: null };
  if (facts.finalStatus) {
    const state = facts.finalStatus as ProgressState;
    const message = finalMessages[facts.finalStatus] ?? facts.stopMessage;
    return { state: facts.finalStatus === 'ready' ? 'paused' : state, message, ...idle };
  }
  if (facts.stopping) return { state: 'stopping', message: 'Stopping…', ...idle };
  if (!facts.started) return { state: 'starting', message: 'Starting…', ...idle };
  if (facts.offline)
    return { state: 'waiting-network', message: 'Waiting for the network', ...idle };
  if (facts.holdUntil > facts.now) {
    const wait = seconds(facts.holdUntil - facts.now);
    return {
      state: 'slowed-down',
      message: `${facts.serviceName} asked us to slow down; retrying in ${wait} s`,
      resumesAt: facts.holdUntil,
    };
  }
  if (facts.retryUntil > facts.now) {
    const wait = seconds(facts.retryUntil - facts.now);
    return {
      state: 'retrying',
      message: `${facts.retryMessage} Retrying in ${wait} s`,
      resumesAt: facts.retryUntil,
    };
  }
  return { state: 'sending', message: 'Sending', ...idle };
}

/** "Last answer: ... " from a fault's sentence, without its "trying again" hint (we stopped). */
function lastAnswer(detail: string | undefined): string {
  const answer = detail?.replace(/\s*Trying again usually works\.\s*$/, '').trim();
  return answer ? `The last answer: ${answer} ` : '';
}

/**
 * The sentence a stopped job shows, by why it stopped. `serviceName` names the destination where
 * the sentence speaks of it (a rejected key, a service out of reach).
 */
export function stopMessage(reason: StopReason, detail?: string, serviceName = ''): string {
  switch (reason) {
    case 'user':
      return 'Paused.';
    case 'cancel':
      return 'Cancelled.';
    case 'signal':
      return 'Stopped before the end. Resume it to send the rest.';
    case 'rejected-key':
      return `Paused: ${serviceName} rejected the API key. Fix the key, then resume.`;
    case 'offline':
      return `Paused: ${serviceName} couldn't be reached for a long time. Resume when the network is back.`;
    case 'error':
      return detail ?? 'Stopped on an unexpected error.';
    case 'repeated-faults':
      return `Paused after repeated failures. ${lastAnswer(detail)}Nothing is lost: resume the export later to send the rest.`;
  }
}

/**
 * Delivers one batch, whatever it takes: paced by the rate controller, retried on server faults
 * with backoff, held on 429, parked while the network is down, and split in halves on a 400 until
 * the rows the server refuses are isolated (each recorded with the server's message) and the rest
 * are delivered. People the destination answers for but does not take (Ortto's per-person statuses)
 * are refused rows with its reason, never delivered. A rejected key is not handled here: it stops the whole job (the caller pauses).
 */
import {
  DestinationError,
  type Destination,
  type OutgoingContact,
  type UpsertOutcome,
} from '../destination-port/destination';
import type { RowFailure } from '../jobs/journal-records';
import { backoffDelay, transientBackoff } from './backoff';
import type { Clock } from './clock';
import type { NetworkGate } from './network-gate';
import type { RateController } from './rate-controller';

export interface BatchRow {
  readonly line: number;
  readonly contact: OutgoingContact;
}

export interface PlannedBatch {
  readonly segment: number;
  readonly seq: number;
  readonly rows: readonly BatchRow[];
}

/** Which batch a request belongs to. */
export type BatchPlace = Pick<PlannedBatch, 'segment' | 'seq'>;

export interface BatchOutcome {
  delivered: number;
  readonly failed: RowFailure[];
  requests: number;
  rateLimited: number;
  retries: number;
}

export interface DeliveryContext {
  readonly destination: Destination;
  readonly rate: RateController;
  readonly gate: NetworkGate;
  readonly clock: Clock;
  readonly random: () => number;
  readonly maxAttempts: number;
  /** Aborts waits at once when the job stops (pause, cancel, rejected key). */
  readonly waitSignal: AbortSignal;
  /** Aborts requests in flight; fires a little after waitSignal so answers on the way can land. */
  readonly requestSignal: AbortSignal;
  /** The list the segment's contacts go to; `refresh` finds it again after a 404. */
  listId(segment: number, refresh?: boolean): Promise<string>;
  /** A batch waits before retrying (server fault): for the progress state. */
  onRetryWait?(untilMs: number, message: string): void;
  /** Every sender is held (429): for the progress state. */
  onHold?(): void;
  /** A request was delivered (it breaks a streak of failures). */
  onDelivered?(): void;
  /** A request of `batch` failed with a fault (5xx, reset, timeout, an answer that confirms
   * nothing); the run may stop on it (repeated failures), which the next wait then notices. */
  onFault?(error: DestinationError, batch: BatchPlace): void;
}

/** The job is stopping; the batch is not done and will be sent again on resume. */
export class DeliveryStopped extends Error {
  override readonly name = 'DeliveryStopped';
}

function asDestinationError(error: unknown): DestinationError {
  if (error instanceof DestinationError) return error;
  return new DestinationError('transient', 'Something went wrong while sending.', { cause: error });
}

function failRows(
  rows: readonly BatchRow[],
  kind: RowFailure['kind'],
  reason: string,
): RowFailure[] {
  return rows.map((row) => ({ line: row.line, email: row.contact.email, kind, reason }));
}

/** Sends `rows` once; each request the destination makes is paced and counted. */
async function sendOnce(
  context: DeliveryContext,
  listId: string,
  rows: readonly BatchRow[],
  outcome: BatchOutcome,
): Promise<UpsertOutcome> {
  return context.destination.upsertBatch(
    listId,
    rows.map((row) => row.contact),
    {
      signal: context.requestSignal,
      pace: async () => {
        await context.gate.pass(context.waitSignal);
        await context.rate.acquire(context.waitSignal);
        if (context.waitSignal.aborted) throw new DeliveryStopped('stopping');
        outcome.requests += 1;
      },
    },
  );
}

/** The rows the destination answered for but did not take, as refused rows; returns the rest. */
function recordRefused(
  rows: readonly BatchRow[],
  answer: UpsertOutcome,
  outcome: BatchOutcome,
): number {
  if (answer.refused.length === 0) return rows.length;
  const reasons = new Map(answer.refused.map((item) => [item.email.toLowerCase(), item.reason]));
  let delivered = 0;
  for (const row of rows) {
    const reason = reasons.get(row.contact.email.toLowerCase());
    if (reason === undefined) delivered += 1;
    else outcome.failed.push({ line: row.line, email: row.contact.email, kind: 'refused', reason });
  }
  return delivered;
}

/** A fault: wait and say "again" (true), or, after the last try, give the rows up (false). */
async function retryAfterFault(
  context: DeliveryContext,
  rows: readonly BatchRow[],
  outcome: BatchOutcome,
  error: DestinationError,
  faults: number,
): Promise<boolean> {
  // The run is pausing (repeated failures): these rows wait for the resume, they are not given up.
  if (context.waitSignal.aborted) throw new DeliveryStopped('stopping', { cause: error });
  if (faults >= context.maxAttempts) {
    const reason = `Not delivered after ${faults} tries. ${error.message}`;
    outcome.failed.push(...failRows(rows, 'given-up', reason));
    return false;
  }
  outcome.retries += 1;
  const delay = backoffDelay(transientBackoff, faults, context.random);
  context.onRetryWait?.(context.clock.now() + delay, error.message);
  await context.clock.sleep(delay, context.waitSignal);
  return true;
}

/** Sends `rows` until delivered, refused or given up; returns how many were delivered. */
async function deliverRows(
  context: DeliveryContext,
  batch: BatchPlace,
  rows: readonly BatchRow[],
  outcome: BatchOutcome,
): Promise<number> {
  const { segment } = batch;
  let faults = 0;
  let listMissing = false;
  let listId = await context.listId(segment);
  for (;;) {
    try {
      const answer = await sendOnce(context, listId, rows, outcome);
      context.rate.onSuccess();
      context.onDelivered?.();
      return recordRefused(rows, answer, outcome);
    } catch (raw) {
      if (context.waitSignal.aborted || context.requestSignal.aborted) {
        throw new DeliveryStopped('stopping', { cause: raw });
      }
      const error = asDestinationError(raw);
      if (error.kind === 'rejected-key') throw error;
      if (error.kind === 'invalid-request') {
        if (rows.length > 1) return splitAndDeliver(context, batch, rows, outcome);
        outcome.failed.push(...failRows(rows, 'refused', error.serverMessage ?? error.message));
        return 0;
      }
      if (error.kind === 'transient') {
        faults += 1;
        context.onFault?.(error, batch);
        if (!(await retryAfterFault(context, rows, outcome, error, faults))) return 0;
        continue;
      }
      outcome.retries += 1;
      if (error.kind === 'rate-limited') {
        outcome.rateLimited += 1;
        context.rate.onRateLimited(error.retryAfterMs);
        context.onHold?.();
      } else if (error.kind === 'offline') {
        await context.gate.waitUntilOnline(context.waitSignal);
      } else {
        // 404: the list was deleted in Autopilot while we were sending. Find or create it again,
        // once; a second 404 is not about the list.
        if (listMissing) throw error;
        listMissing = true;
        listId = await context.listId(segment, true);
      }
    }
  }
}

/** A 400 for the whole request: halve it until each refused row stands alone (binary search). */
async function splitAndDeliver(
  context: DeliveryContext,
  batch: BatchPlace,
  rows: readonly BatchRow[],
  outcome: BatchOutcome,
): Promise<number> {
  const middle = Math.ceil(rows.length / 2);
  const first = await deliverRows(context, batch, rows.slice(0, middle), outcome);
  const second = await deliverRows(context, batch, rows.slice(middle), outcome);
  return first + second;
}

export async function deliverBatch(
  context: DeliveryContext,
  batch: PlannedBatch,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = {
    delivered: 0,
    failed: [],
    requests: 0,
    rateLimited: 0,
    retries: 0,
  };
  outcome.delivered = await deliverRows(context, batch, batch.rows, outcome);
  return outcome;
}

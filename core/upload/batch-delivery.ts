/**
 * Delivers one batch, whatever it takes: paced and retried by the run's Pacer (held on 429, parked
 * while the network is down, retried on server faults with backoff), and split in halves on a 400
 * until the rows the server refuses are isolated (each recorded with the server's message) and the
 * rest are delivered. People the destination answers for but does not take (Ortto's per-person
 * statuses) are refused rows with its reason, never delivered. A list deleted meanwhile (404) is
 * found again once. A rejected key is not handled here: it stops the whole job (the caller pauses).
 */
import {
  DestinationError,
  type Destination,
  type OutgoingContact,
  type UpsertOutcome,
} from '../destination-port/destination';
import type { RowFailure } from '../jobs/journal-records';
import { OutOfTries, type CallHooks, type Pacer } from './pacer';

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
  readonly pacer: Pacer;
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

function failRows(
  rows: readonly BatchRow[],
  kind: RowFailure['kind'],
  reason: string,
): RowFailure[] {
  return rows.map((row) => ({ line: row.line, email: row.contact.email, kind, reason }));
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

/** The batch's progress hooks, plus its second chance: a list deleted while sending. */
function batchHooks(
  context: DeliveryContext,
  batch: BatchPlace,
  findListAgain: () => Promise<boolean>,
): CallHooks {
  return {
    onRetryWait: context.onRetryWait,
    onHold: context.onHold,
    onAnswered: context.onDelivered,
    onFault: (error) => context.onFault?.(error, batch),
    // 404: the list was deleted in Autopilot while we were sending. Find or create it again,
    // once; a second 404 is not about the list.
    recover: async (error) => error.kind === 'not-found' && findListAgain(),
  };
}

/** Sends `rows` until delivered, refused or given up; returns how many were delivered. */
async function deliverRows(
  context: DeliveryContext,
  batch: BatchPlace,
  rows: readonly BatchRow[],
  outcome: BatchOutcome,
): Promise<number> {
  const { segment } = batch;
  let listMissing = false;
  let listId = await context.listId(segment);
  const hooks = batchHooks(context, batch, async () => {
    if (listMissing) return false;
    listMissing = true;
    listId = await context.listId(segment, true);
    return true;
  });
  const contacts = rows.map((row) => row.contact);
  try {
    const answer = await context.pacer.call(
      outcome,
      (call) => context.destination.upsertBatch(listId, contacts, call),
      hooks,
    );
    return recordRefused(rows, answer, outcome);
  } catch (error) {
    if (error instanceof OutOfTries) {
      const reason = `Not delivered after ${error.faults} tries. ${error.message}`;
      outcome.failed.push(...failRows(rows, 'given-up', reason));
      return 0;
    }
    if (!(error instanceof DestinationError) || error.kind !== 'invalid-request') throw error;
    if (rows.length > 1) return splitAndDeliver(context, batch, rows, outcome);
    outcome.failed.push(...failRows(rows, 'refused', error.serverMessage ?? error.message));
    return 0;
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

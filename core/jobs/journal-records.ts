/**
 * The lines of a job's append-only journal (<dataFolder>/jobs/<jobId>/journal.jsonl). A batch is
 * named by its segment and sequence number: batching is a pure function of the snapshot, the
 * mapping and the batch size, so a resumed run rebuilds the same batches and skips the done ones.
 */
import { z } from 'zod';
import { listedRecordSchema, removalRecordSchema, removingRecordSchema } from './sync-records';

const rowFailureKinds = ['refused', 'given-up'] as const;

/** A row the destination did not take: refused (400) or given up after repeated faults. */
const rowFailureSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  kind: z.enum(rowFailureKinds),
  reason: z.string(),
});
export type RowFailure = z.infer<typeof rowFailureSchema>;

const runRecordSchema = z.object({
  t: z.literal('run'),
  at: z.number(),
  pid: z.number().int(),
});

const listRecordSchema = z.object({
  t: z.literal('list'),
  at: z.number(),
  seg: z.number().int(),
  listId: z.string(),
  created: z.boolean(),
});

const batchRecordSchema = z.object({
  t: z.literal('batch'),
  at: z.number(),
  seg: z.number().int(),
  seq: z.number().int(),
  /** Source line numbers of the batch's first and last rows, for people reading the journal. */
  first: z.number().int(),
  last: z.number().int(),
  /** Contacts in the batch, and how many the destination accepted. */
  size: z.number().int(),
  ok: z.number().int(),
  failed: z.array(rowFailureSchema),
  /** Requests this batch took (retries and splits included), of which 429s; retries. */
  requests: z.number().int(),
  rateLimited: z.number().int(),
  retries: z.number().int(),
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;

const endRecordSchema = z.object({
  t: z.literal('end'),
  at: z.number(),
  status: z.string(),
});

export const journalRecordSchema = z.discriminatedUnion('t', [
  runRecordSchema,
  listRecordSchema,
  batchRecordSchema,
  endRecordSchema,
  removingRecordSchema,
  removalRecordSchema,
  listedRecordSchema,
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;

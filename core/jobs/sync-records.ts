/**
 * Journal lines of a sync (issue 13), beside the batch lines of journal-records.ts:
 * - `removing`: a group of mirror removals is about to be sent. Written (fsync) before the first
 *   DELETE, so a resumed run knows the group may be half done and checks each member first:
 *   nobody is taken off twice.
 * - `removal`: the group is done: who was taken off the list and who could not be.
 * - `listed`: after the segment's batches, every contact sent is on the list (the engine checked
 *   and added those Autopilot left off).
 */
import { z } from 'zod';

export const removingRecordSchema = z.object({
  t: z.literal('removing'),
  at: z.number(),
  seg: z.number().int(),
  seq: z.number().int(),
});

export const removalRecordSchema = z.object({
  t: z.literal('removal'),
  at: z.number(),
  seg: z.number().int(),
  seq: z.number().int(),
  removed: z.array(z.string()),
  failed: z.array(z.object({ email: z.string(), reason: z.string() })),
  requests: z.number().int(),
  rateLimited: z.number().int(),
  retries: z.number().int(),
});
export type RemovalRecord = z.infer<typeof removalRecordSchema>;

export const listedRecordSchema = z.object({
  t: z.literal('listed'),
  at: z.number(),
  seg: z.number().int(),
  /** Contacts the engine added to the list itself (Autopilot had left them off). */
  added: z.number().int(),
  requests: z.number().int(),
  rateLimited: z.number().int(),
  retries: z.number().int(),
});
export type ListedRecord = z.infer<typeof listedRecordSchema>;

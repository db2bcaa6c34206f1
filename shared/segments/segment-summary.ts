import { z } from 'zod';
import { errorParamsSchema } from '../model/error-params';
import {
  importCountsSchema,
  importProblemSchema,
  segmentDelimiterSchema,
  segmentEncodingSchema,
} from './import-report';
import { segmentShapeSchema } from './segment-shape';

/** One imported segment as the Segments screen shows it: its snapshot plus what the import found. */
export const segmentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  fileName: z.string(),
  size: z.number().int().nonnegative(),
  importedAt: z.string(),
  encoding: segmentEncodingSchema,
  delimiter: segmentDelimiterSchema,
  hasBom: z.boolean(),
  columns: z.array(z.string()),
  /** The file had no header row, so the person may name its columns (issue 14, item 2). */
  headerless: z.boolean().optional(),
  emailColumn: z.string().nullable(),
  counts: importCountsSchema,
  problems: z.array(importProblemSchema),
  problemCount: z.number().int().nonnegative(),
  preview: z.array(z.array(z.string())),
  /** Which shape was read (issue 14); plain text when absent. */
  shape: segmentShapeSchema.optional(),
});
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

/** Why a file was not imported: a code the screen translates, its details, and English words. */
export const importFailureSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: errorParamsSchema,
});
export type ImportFailure = z.infer<typeof importFailureSchema>;

/** Each file of a drop succeeds or fails on its own, so one bad file never blocks the rest. */
export const importOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), fileName: z.string(), segment: segmentSummarySchema }),
  z.object({ ok: z.literal(false), fileName: z.string(), error: importFailureSchema }),
]);
export type ImportOutcome = z.infer<typeof importOutcomeSchema>;

/** Sent while main reads a file, and once when it is done (imported or not). */
export const importProgressSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  phase: z.enum(['reading', 'done']),
  bytesRead: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  rows: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

import { z } from 'zod';

/**
 * What importing a segment file found: the detected format, the counts a marketer sees on the
 * Segments screen and from `inspect`, and the first problems with their line numbers. Shared by
 * the importer (core/import), IPC and the renderer, so all three speak of the same numbers.
 */

export const segmentEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export const segmentDelimiters = [',', ';', '\t', '|'] as const;
export const segmentEncodingSchema = z.enum(segmentEncodings);
export const segmentDelimiterSchema = z.enum(segmentDelimiters);
export type SegmentEncoding = z.infer<typeof segmentEncodingSchema>;
export type SegmentDelimiter = z.infer<typeof segmentDelimiterSchema>;

/** How many problems are kept with their line numbers; the counts cover all of them. */
export const listedProblemLimit = 50;
/** How many data rows the preview keeps. */
export const previewRowLimit = 20;

/**
 * Every data row kept lands in exactly one of valid, invalid, blank and duplicates (so they add up
 * to `rows`); `wrongFieldCount` counts rows whose number of values differs from the header's,
 * which are set aside (listed as problems, never kept, never sent: their values cannot be told
 * apart) and are not in `rows`. With no email column all four email counts are 0.
 */
export const importCountsSchema = z.object({
  rows: z.number().int().nonnegative(),
  /** Syntactically valid addresses, each counted once (the first occurrence). */
  valid: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  blank: z.number().int().nonnegative(),
  /** Valid addresses already seen on an earlier row (compared case-insensitively). */
  duplicates: z.number().int().nonnegative(),
  wrongFieldCount: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

const line = z.number().int().positive();

export const importProblemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invalid-email'), line, value: z.string() }),
  z.object({ kind: z.literal('blank-email'), line }),
  z.object({
    kind: z.literal('duplicate-email'),
    line,
    value: z.string(),
    firstLine: line,
  }),
  z.object({
    kind: z.literal('wrong-field-count'),
    line,
    expected: z.number().int().nonnegative(),
    actual: z.number().int().nonnegative(),
  }),
  /** A quote that opens a value and never closes: the rest of the file became one value. */
  z.object({ kind: z.literal('unclosed-quote'), line }),
]);
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importReportSchema = z.object({
  counts: importCountsSchema,
  /** The first problems (at most listedProblemLimit), in file order. */
  problems: z.array(importProblemSchema),
  /** Every problem found, listed or not. */
  problemCount: z.number().int().nonnegative(),
  /** The first data rows, decoded cells as stored. */
  preview: z.array(z.array(z.string())),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const delimiterNames: Record<SegmentDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

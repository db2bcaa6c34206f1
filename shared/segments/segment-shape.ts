import { z } from 'zod';

/**
 * Which shape a segment was read from (issue 14): a plain text file, a Customer Insights export
 * folder (Common Data Model), an Excel workbook, or one of these packed in gzip or zip. The card
 * and `inspect --json` say it; `choices` lists the other sheets or tables the person may pick.
 */
const segmentSources = ['csv', 'cdm', 'xlsx', 'gzip', 'zip'] as const;
const segmentSourceSchema = z.enum(segmentSources);

export const segmentShapeSchema = z.object({
  source: segmentSourceSchema,
  /** What a zip held, when it was not a plain text file. */
  inner: segmentSourceSchema.optional(),
  sheet: z.string().optional(),
  entity: z.string().optional(),
  parts: z.number().int().nonnegative().optional(),
  /** Sheets (workbook) or tables (export folder) that could be read instead. */
  choices: z.array(z.string()).optional(),
});
export type SegmentShape = z.infer<typeof segmentShapeSchema>;

export const plainTextShape: SegmentShape = { source: 'csv' };

/** The person's pick among a workbook's sheets or an export's tables. */
export interface ShapeChoice {
  readonly sheet?: string;
  readonly entity?: string;
}

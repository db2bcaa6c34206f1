import { z } from 'zod';
import { segmentDelimiterSchema, segmentEncodingSchema } from '../../shared/segments/import-report';
import { segmentShapeSchema } from '../../shared/segments/segment-shape';
import type { SnapshotManifest } from './snapshot-format';

/** Checks what is read back from disk against snapshot-format.ts, so a damaged file says so. */
export const snapshotManifestSchema = z.object({
  formatVersion: z.literal(1),
  id: z.string().min(1),
  name: z.string().min(1),
  importedAt: z.string(),
  source: z.object({
    path: z.string(),
    fileName: z.string(),
    size: z.number().int().nonnegative(),
    sha256: z.string(),
    modifiedAt: z.string(),
  }),
  format: z.object({
    encoding: segmentEncodingSchema,
    delimiter: segmentDelimiterSchema,
    hasBom: z.boolean(),
    headerless: z.literal(true).optional(),
  }),
  columns: z.array(z.string()),
  rowCount: z.number().int().nonnegative(),
  emailColumn: z.string().nullable(),
  shape: segmentShapeSchema.optional(),
}) satisfies z.ZodType<SnapshotManifest>;

export const snapshotNameSchema = z.object({ name: z.string().min(1) });

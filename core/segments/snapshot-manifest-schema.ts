import { z } from 'zod';
import { segmentDelimiterSchema, segmentEncodingSchema } from '../../shared/segments/import-report';
import { segmentShapeSchema } from '../../shared/segments/segment-shape';
import type { SnapshotManifest } from './snapshot-format';

/** Checks what is read back from disk against snapshot-format.ts, so a damaged file says so. */
export const snapshotManifestSchema = z
  .object({
    formatVersion: z.union([z.literal(1), z.literal(2)]),
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
    table: z
      .object({
        bytes: z.number().int().nonnegative(),
        newline: z.enum(['\r\n', '\n', '\r']),
        skipRows: z.number().int().nonnegative(),
        header: z.boolean(),
      })
      .optional(),
  })
  // A format 2 snapshot is read through its table; a format 1 one has none.
  .refine(
    (manifest) => (manifest.formatVersion === 2) === (manifest.table !== undefined),
  ) satisfies z.ZodType<SnapshotManifest>;

export const snapshotNameSchema = z.object({ name: z.string().min(1) });

import { z } from 'zod';
import { command, query } from '../channel';
import { segmentDelimiterSchema, segmentEncodingSchema } from '../../segments/import-report';
import {
  importFailureSchema,
  importOutcomeSchema,
  importProgressSchema,
  segmentSummarySchema,
} from '../../segments/segment-summary';

const segmentId = z.string().min(1).max(64);
const uploadId = z.string().min(1).max(64);

/** Base64 of at most 768 KiB: the renderer sends 512 KiB slices, which fit with room to spare. */
export const maxUploadChunkBase64Length = 1024 * 1024;

/**
 * Segment import. Main reads files by path: paths it is given (`importPaths`, the Open dialog of
 * `browse`, files opened with the app) or a staging copy of a file the renderer streams to it in
 * slices (`uploadBegin`/`uploadChunk`/`uploadEnd`), which works for a dropped file whether or not
 * the page can see its path (Electron vs. the Chromium end-to-end harness).
 */
export const segmentsChannels = {
  'segments:list': query(z.undefined(), z.array(segmentSummarySchema)),
  'segments:importPaths': command(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    z.array(importOutcomeSchema),
  ),
  'segments:browse': command(z.undefined(), z.array(importOutcomeSchema)),
  'segments:uploadBegin': command(
    z.object({
      fileName: z.string().min(1).max(255),
      size: z.number().int().nonnegative(),
    }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), uploadId }),
      z.object({ ok: z.literal(false), error: importFailureSchema }),
    ]),
  ),
  'segments:uploadChunk': command(
    z.object({
      uploadId,
      offset: z.number().int().nonnegative(),
      data: z.string().max(maxUploadChunkBase64Length),
    }),
    z.object({ received: z.number().int().nonnegative() }),
  ),
  'segments:uploadEnd': command(z.object({ uploadId }), importOutcomeSchema),
  'segments:uploadCancel': command(z.object({ uploadId }), z.null()),
  'segments:rename': command(
    z.object({ id: segmentId, name: z.string().max(1000) }),
    segmentSummarySchema,
  ),
  'segments:remove': command(z.object({ id: segmentId }), z.null()),
  /** Reads the segment's file again with another encoding or delimiter, replacing the segment. */
  'segments:reimport': command(
    z.object({
      id: segmentId,
      encoding: segmentEncodingSchema.optional(),
      delimiter: segmentDelimiterSchema.optional(),
      /** Another sheet of the workbook, or another table of the export folder (issue 14). */
      sheet: z.string().min(1).max(255).optional(),
      entity: z.string().min(1).max(255).optional(),
    }),
    importOutcomeSchema,
  ),
};

export const segmentsEvents = {
  'segments:importProgress': importProgressSchema,
};

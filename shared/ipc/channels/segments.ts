import { z } from 'zod';
import { command, droppedFilesCommand, query } from '../channel';
import { segmentDelimiterSchema, segmentEncodingSchema } from '../../segments/import-report';
import {
  importFailureSchema,
  importOutcomeSchema,
  importProgressSchema,
  segmentSummarySchema,
} from '../../segments/segment-summary';

const segmentId = z.string().min(1).max(64);
const transferId = z.string().min(1).max(64);

/** Base64 of at most 768 KiB: the renderer sends 512 KiB slices, which fit with room to spare. */
const maxTransferChunkBase64Length = 1024 * 1024;

/**
 * Error codes the segment channels answer with beyond the import failures (core/import/
 * import-error.ts) and the snapshot errors (core/segments/snapshot-paths.ts).
 */
export const segmentErrorCodes = {
  /** No Open dialog here (the browser the end-to-end tier drives). */
  browseUnavailable: 'browse-unavailable',
} as const;

/**
 * Segment import. Main reads files by path: dropped files and folders (`importDropped`, whose
 * paths the preload finds itself), the Open dialog of `browse`, and files opened with the app
 * (`importPaths`, which reads only paths main granted through one of those). A file without a
 * path is streamed in slices, a file transfer, to a copy main keeps
 * (`transferBegin`/`transferChunk`/`transferEnd`, or `transferCancel`).
 */
export const segmentsChannels = {
  'segments:list': query(z.undefined(), z.array(segmentSummarySchema)),
  'segments:importPaths': command(
    z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    z.array(importOutcomeSchema),
  ),
  'segments:browse': command(z.undefined(), z.array(importOutcomeSchema)),
  /**
   * Dropped files and folders, read by main from their paths (issue 14 item 6): the page passes
   * File objects, the preload turns them into paths, and main grants those paths.
   */
  'segments:importDropped': droppedFilesCommand(z.array(importOutcomeSchema)),
  'segments:transferBegin': command(
    z.object({
      fileName: z.string().min(1).max(255),
      size: z.number().int().nonnegative(),
    }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), transferId }),
      z.object({ ok: z.literal(false), error: importFailureSchema }),
    ]),
  ),
  'segments:transferChunk': command(
    z.object({
      transferId,
      offset: z.number().int().nonnegative(),
      data: z.string().max(maxTransferChunkBase64Length),
    }),
    z.object({ received: z.number().int().nonnegative() }),
  ),
  'segments:transferEnd': command(z.object({ transferId }), importOutcomeSchema),
  'segments:transferCancel': command(z.object({ transferId }), z.null()),
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
      /** Names for the columns of a file without a header row, in order (issue 14, item 2). */
      columnNames: z.array(z.string().max(255)).max(10_000).optional(),
    }),
    importOutcomeSchema,
  ),
};

export const segmentsEvents = {
  'segments:importProgress': importProgressSchema,
};

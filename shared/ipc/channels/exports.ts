/**
 * The Export screen's channels (product.md, steps 3 and 4), built from the export shapes in
 * shared/model/exports.ts. Nothing here sends a contact except `exports:start`.
 */
import { z } from 'zod';
import { command, query } from '../channel';
import { exportPlanSchema, syncChoiceSchema } from '../../model/export-plan';
import {
  contactPreviewSchema,
  destinationFieldSchema,
  destinationListSchema,
  exportAgainSchema,
  exportSegmentInputSchema,
  exportSetupSchema,
  exportsIdSchema as id,
  previewRequestSchema,
  saveSetupInputSchema,
  segmentShapeSchema,
  startExportInputSchema,
} from '../../model/exports';
import { importOutcomeSchema } from '../../segments/segment-summary';

export const exportsChannels = {
  'exports:fields': query(z.object({ destinationId: id }), z.array(destinationFieldSchema)),
  'exports:lists': query(z.object({ destinationId: id }), z.array(destinationListSchema)),
  'exports:shapes': query(
    z.object({ segmentIds: z.array(id).max(100) }),
    z.array(segmentShapeSchema),
  ),
  'exports:plan': query(
    z.object({
      segments: z.array(exportSegmentInputSchema).max(100),
      /** With a destination, each segment is judged against its list's delivery ledger. */
      destinationId: id.optional(),
      sync: syncChoiceSchema.optional(),
    }),
    exportPlanSchema,
  ),
  'exports:preview': query(previewRequestSchema, contactPreviewSchema),
  'exports:setups': query(z.undefined(), z.array(exportSetupSchema)),
  'exports:saveSetup': command(saveSetupInputSchema, exportSetupSchema),
  'exports:deleteSetup': command(z.object({ id }), z.null()),
  'exports:again': query(z.object({ jobId: id }), exportAgainSchema),
  /** Imports a segment's file again from where it was read (it changed there): a new segment. */
  'exports:reimportSource': command(z.object({ segmentId: id }), importOutcomeSchema),
  'exports:start': command(startExportInputSchema, z.object({ jobId: z.string() })),
};

/**
 * What the Export screen's counting answers (`exports:plan`): per segment the engine's counts, the
 * values that do not fit their fields, and a sync's changes against the list's delivery ledger.
 */
import { z } from 'zod';
import { misfitSchema } from './misfit';

const count = z.number().int().nonnegative();

/** "Keep the list in step with the segment" and "Send everything again" (issue 13). */
export const syncChoiceSchema = z.object({ mirror: z.boolean(), full: z.boolean() });
export type SyncChoice = z.infer<typeof syncChoiceSchema>;

/** A segment judged against what this app delivered to its list before (issue 13). */
export const segmentChangesSchema = z.object({
  new: count,
  changed: count,
  unchanged: count,
  /** Put on the list by this app earlier, no longer in the segment: taken off when mirroring. */
  leaving: count,
  /** Members of the list this app knows it delivered (the base of the mass-removal question). */
  knownMembers: count,
  /** Mirroring would take off more than a fifth of knownMembers: ask first. */
  massRemoval: z.boolean(),
});

/** The counts each segment has and the plan adds up. */
const planCounts = {
  rows: count,
  valid: count,
  invalid: count,
  duplicates: count,
  /** Rows whose consent column says no, left out as chosen (issue 17, item 4). */
  optedOut: count,
  /** Contacts sent suppressed (`unsubscribed`) because their consent column says no. */
  unsubscribed: count,
};

const segmentPlanSchema = z.object({
  segmentId: z.string(),
  ...planCounts,
  misfits: z.array(misfitSchema),
  /** Absent until a destination is chosen (or when its lists could not be read). */
  changes: segmentChangesSchema.optional(),
});
export type SegmentPlan = z.infer<typeof segmentPlanSchema>;

export const exportPlanSchema = z.object({
  segments: z.array(segmentPlanSchema),
  totals: z.object({
    ...planCounts,
    /** Values left out of contacts that are sent, over all fields. */
    misfitValues: count,
  }),
  /** Above the 100,000 profiles Autopilot recommends: a warning, never a block. */
  large: z.boolean(),
});
export type ExportPlanSummary = z.infer<typeof exportPlanSchema>;

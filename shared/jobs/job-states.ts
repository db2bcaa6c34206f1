/**
 * The words the upload engine (core/upload/, core/jobs/) and the screens share for where an
 * export stands. Defined once here: core/ may import shared/, and the renderer can read it.
 */

/** What a run is doing right now (progress events). */
export const jobProgressStates = [
  'starting',
  'sending',
  'slowed-down',
  'retrying',
  'waiting-network',
  'stopping',
  'paused',
  'completed',
  'completed_with_errors',
  'cancelled',
  'failed',
] as const;
export type JobProgressState = (typeof jobProgressStates)[number];

export const jobStatusValues = [
  'ready',
  'running',
  'paused',
  'completed',
  'completed_with_errors',
  'cancelled',
  'failed',
] as const;
export type JobStatusValue = (typeof jobStatusValues)[number];

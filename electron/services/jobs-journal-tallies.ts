/** Moved to core/jobs/journal-tallies.ts with "Retry failed rows" (issue 15). */
export {
  readGivenUpLines,
  readSegmentTallies,
  type SegmentTally,
} from '../../core/jobs/journal-tallies';

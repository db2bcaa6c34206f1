/**
 * The one tally a job's numbers come from (issue 17, item 5): what was answered for, per segment.
 * The whole job's succeeded, refused and given-up counts are always the sum of its segments', so
 * the overall bar and the per-segment bars cannot disagree, whoever reads them and when.
 */
import type { BatchRecord } from './journal-records';

export interface SegmentTally {
  succeeded: number;
  refused: number;
  givenUp: number;
}

function emptySegmentTally(): SegmentTally {
  return { succeeded: 0, refused: 0, givenUp: 0 };
}

/** The segment of `index`, created (with any before it) the first time it is met. */
export function segmentTallyAt(segments: SegmentTally[], index: number): SegmentTally {
  while (segments.length <= index) segments.push(emptySegmentTally());
  return segments[index] as SegmentTally;
}

/** Adds one answered batch: its delivered contacts and each failed row by its kind. */
export function addBatch(
  tally: SegmentTally,
  delivered: number,
  failed: readonly Pick<BatchRecord['failed'][number], 'kind'>[],
): void {
  tally.succeeded += delivered;
  for (const failure of failed) {
    if (failure.kind === 'refused') tally.refused += 1;
    else tally.givenUp += 1;
  }
}

/** The whole job's counts: the sum of its segments'. */
export function sumSegmentTallies(segments: readonly SegmentTally[]): SegmentTally {
  const sum = emptySegmentTally();
  for (const segment of segments) {
    sum.succeeded += segment.succeeded;
    sum.refused += segment.refused;
    sum.givenUp += segment.givenUp;
  }
  return sum;
}

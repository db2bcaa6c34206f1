/**
 * Values that do not fit their field (a custom `integer` fed "twelve", a date that is not one, a
 * consent cell that is neither yes nor no), tallied from the engine's own plan pass
 * (core/upload/batch-source.ts), so the screen says exactly what the engine will leave out: the
 * contact is sent without that value, and the value goes into the report with its reason.
 */
import type { Misfit } from '../../shared/model/misfit';
import type { MisfitRow } from '../upload/batch-source';
import type { PlannedSegment } from '../upload/export-plan';

/** A segment's count: the engine's plan and the values that do not fit. */
export interface CountedSegment {
  readonly planned: PlannedSegment;
  readonly misfits: readonly Misfit[];
}

const exampleLimit = 3;

/**
 * Issue 17, item 1: when more than a fifth of the contacts carry a value that does not fit, the
 * column is more likely the wrong one than the data dirty, so the screen asks before the consent.
 */
const suspiciousShare = 0.2;

interface MisfitCount {
  readonly field: string;
  readonly column: string;
  readonly type: Misfit['type'];
  count: number;
  readonly examples: string[];
}

/** Takes a value as an example unless there are enough or it is one already (cut to 200). */
export function addExample(examples: string[], value: string): void {
  if (examples.length < exampleLimit && !examples.includes(value)) {
    examples.push(value.slice(0, 200));
  }
}

export function hasEnoughExamples(examples: readonly string[]): boolean {
  return examples.length >= exampleLimit;
}

/** A field's misfits as the screen shows them, `suspicious` judged against the contacts sent. */
export function misfitFigures(tally: MisfitCount, contacts: number): Misfit {
  const { field, type, column, count, examples } = tally;
  return {
    field,
    type,
    column,
    count,
    examples: [...examples],
    suspicious: contacts > 0 && count / contacts > suspiciousShare,
  };
}

export interface MisfitTally {
  readonly add: (row: MisfitRow) => void;
  /** The fields with misfits, `suspicious` judged against the contacts that are sent. */
  readonly result: (contacts: number) => Misfit[];
}

export function createMisfitTally(): MisfitTally {
  const byField = new Map<string, MisfitCount>();
  return {
    add(row) {
      let tally = byField.get(row.field);
      if (!tally) {
        tally = { field: row.field, column: row.column, type: row.type, count: 0, examples: [] };
        byField.set(row.field, tally);
      }
      tally.count += 1;
      addExample(tally.examples, row.value);
    },
    result: (contacts) => [...byField.values()].map((tally) => misfitFigures(tally, contacts)),
  };
}

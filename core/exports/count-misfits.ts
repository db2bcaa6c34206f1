/**
 * Values that do not fit their field's type (a custom `integer` fed "twelve", a date that is not
 * one), counted with the engine's own conversion so the screen says exactly what the engine will
 * refuse: a row with such a value is not sent, and its reason goes into the report.
 */
import type { Misfit } from '../../shared/ipc/channels/exports';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { cellText, compileFieldSlots } from '../upload/contact-builder';
import { convertValue } from '../upload/value-conversion';
import { visitSnapshotRows } from './snapshot-head';

const exampleLimit = 3;

interface MisfitTally {
  readonly field: string;
  readonly column: string;
  readonly index: number;
  readonly type: Misfit['type'];
  count: number;
  readonly examples: string[];
}

/** Fields whose values must be converted, exactly as the engine's contact builder sees them. */
function typedTallies(columns: readonly string[], mapping: FieldMapping): MisfitTally[] {
  return compileFieldSlots(columns, mapping)
    .filter((slot) => slot.type !== 'string')
    .map((slot) => ({
      field: slot.name,
      column: slot.column,
      index: slot.index,
      type: slot.type,
      count: 0,
      examples: [],
    }));
}

export async function countMisfits(
  dataFolder: string,
  segmentId: string,
  columns: readonly string[],
  mapping: FieldMapping,
): Promise<Misfit[]> {
  const slots = typedTallies(columns, mapping);
  if (slots.length === 0) return [];
  await visitSnapshotRows(dataFolder, segmentId, (row) => {
    for (const slot of slots) {
      const text = cellText(row.cells, slot.index);
      if (text === '' || convertValue(text, slot.type).ok) continue;
      slot.count += 1;
      if (slot.examples.length < exampleLimit && !slot.examples.includes(text)) {
        slot.examples.push(text.slice(0, 200));
      }
    }
    return true;
  });
  return slots
    .filter((slot) => slot.count > 0)
    .map(({ field, type, column, count, examples }) => ({ field, type, column, count, examples }));
}

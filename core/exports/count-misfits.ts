/**
 * Values that do not fit their field's type (a custom `integer` fed "twelve", a date that is not
 * one), counted with the engine's own conversion so the screen says exactly what the engine will
 * refuse: a row with such a value is not sent, and its reason goes into the report.
 */
import type { Misfit } from '../../shared/ipc/channels/exports';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { findStandardField } from '../autopilot/standard-fields';
import type { CustomFieldType } from '../destination/destination';
import { MappingError } from '../upload/contact-builder';
import { convertValue } from '../upload/value-conversion';
import { visitSnapshotRows } from './snapshot-head';

const exampleLimit = 3;

interface TypedSlot {
  readonly field: string;
  readonly column: string;
  readonly index: number;
  readonly type: CustomFieldType;
  count: number;
  readonly examples: string[];
}

/** The column's position as the engine finds it: exact name, else ignoring case and spaces. */
function columnIndex(columns: readonly string[], column: string): number {
  const exact = columns.indexOf(column);
  if (exact >= 0) return exact;
  const wanted = column.trim().toLowerCase();
  const loose = columns.findIndex((candidate) => candidate.trim().toLowerCase() === wanted);
  if (loose < 0) throw new MappingError(`The file has no column named "${column}".`);
  return loose;
}

/** Fields whose values must be converted: every custom field but text, and typed standard ones. */
function typedSlots(columns: readonly string[], mapping: FieldMapping): TypedSlot[] {
  const slots: TypedSlot[] = [];
  const add = (field: string, column: string, type: CustomFieldType) => {
    if (type === 'string') return;
    slots.push({
      field,
      column,
      index: columnIndex(columns, column),
      type,
      count: 0,
      examples: [],
    });
  };
  for (const [key, column] of Object.entries(mapping.standard)) {
    add(key, column, findStandardField(key)?.type ?? 'string');
  }
  for (const field of mapping.custom) add(field.name, field.column, field.type);
  return slots;
}

function cellText(cells: readonly string[], index: number): string {
  return (cells[index] ?? '').replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
}

export async function countMisfits(
  dataFolder: string,
  segmentId: string,
  columns: readonly string[],
  mapping: FieldMapping,
): Promise<Misfit[]> {
  const slots = typedSlots(columns, mapping);
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

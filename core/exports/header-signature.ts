/**
 * A file's shape, as a short fingerprint of its header: the column names trimmed, case-folded and
 * sorted, so next week's export of the same segment (same columns, maybe reordered or re-cased)
 * gets the matching used last time (users.md, "Source fingerprints"; pain point 6).
 */
import { createHash } from 'node:crypto';
import type { FieldMapping } from '../../shared/matching/field-mapping';

function normalizedColumn(column: string): string {
  return column.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function headerSignature(columns: readonly string[]): string {
  const names = columns.map(normalizedColumn).sort();
  const digest = createHash('sha256').update(JSON.stringify(names)).digest('hex');
  return `h1-${digest.slice(0, 32)}`;
}

/**
 * The same matching in another file's spelling of the column names. Undefined when a mapped
 * column is not in `columns` (the file is not of that shape after all).
 */
export function mappingForColumns(
  mapping: FieldMapping,
  columns: readonly string[],
): FieldMapping | undefined {
  const byName = new Map(columns.map((column) => [normalizedColumn(column), column]));
  const find = (column: string) => byName.get(normalizedColumn(column));
  const email = find(mapping.email);
  if (email === undefined) return undefined;
  const standard: Record<string, string> = {};
  for (const [key, column] of Object.entries(mapping.standard)) {
    const found = find(column);
    if (found === undefined) return undefined;
    standard[key] = found;
  }
  const custom: FieldMapping['custom'] = [];
  for (const field of mapping.custom) {
    const found = find(field.column);
    if (found === undefined) return undefined;
    custom.push({ ...field, column: found });
  }
  return { email, standard, custom };
}

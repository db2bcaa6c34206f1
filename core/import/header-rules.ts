import { isValidEmail, normalizeEmail } from '../../shared/segments/email';

/**
 * What the first row of a file is: its header, or already data (issue 14 item 2). Export tools
 * write a header; a list kept by hand often has none, and then its first row holds an address.
 */

/**
 * `absent` is the person's word (`--no-header`), `present` a reader that knows there is one;
 * `auto` decides from the first row.
 */
export type HeaderChoice = 'auto' | 'present' | 'absent';

/** Header cells made usable as column names: trimmed, never empty, never repeated. */
export function normalizeColumns(cells: readonly string[]): string[] {
  const seen = new Set<string>();
  return cells.map((cell, index) => {
    const base = cell.replace(/^[\s\ufeff]+|[\s\ufeff]+$/g, '') || `Column ${index + 1}`;
    let name = base;
    for (let copy = 2; seen.has(name.toLowerCase()); copy += 1) name = `${base} (${copy})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** "Column 1", "Column 2"...: the names of a file without a header row. */
function generatedColumns(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `Column ${index + 1}`);
}

/**
 * A headerless table's columns under the names the person gave them: each blank or missing name
 * stays "Column N", and the usual rules apply (spaces trimmed, a repeated name numbered).
 */
export function namedColumns(count: number, names: readonly string[] = []): string[] {
  const generated = generatedColumns(count);
  return normalizeColumns(generated.map((name, index) => names[index]?.trim() || name));
}

/** A header never holds an email address; a first row that does is data. */
export function looksLikeDataRow(cells: readonly string[]): boolean {
  return cells.some((cell) => cell.includes('@') && isValidEmail(normalizeEmail(cell)));
}

/**
 * A line with nothing on it (no separator either): skipped anywhere. A line of separators only
 * (`,,` or `;;`) is a header of blank names when it comes first, and an empty row after that.
 */
export function isEmptyLine(cells: readonly string[]): boolean {
  return cells.length === 1 && (cells[0] as string).trim() === '';
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (let index = 0; index < cells.length; index += 1) {
    if ((cells[index] as string).trim() !== '') return false;
  }
  return true;
}

import { isValidEmail, normalizeEmail } from '../../shared/segments/email';
import { longestValueChars } from './structure-errors';

/**
 * Checks that a row is one row: no value too long to be a field, and no quoted value that holds
 * whole other rows (a stray quote that closes, by chance, many lines later). Such a row would hand
 * the rows it swallowed to one contact, so the file is refused instead (issue 12 item 1).
 */

/** The length of the first value above the limit, or 0. */
export function overlongValue(cells: readonly string[]): number {
  for (let index = 0; index < cells.length; index += 1) {
    const length = (cells[index] as string).length;
    if (length > longestValueChars) return length;
  }
  return 0;
}

/** Whether one line inside a value reads like a row of the file: enough fields, one an address. */
function lineLooksLikeRow(text: string, delimiter: string, fieldCount: number): boolean {
  if (!text.includes('@')) return false;
  const parts = text.split(delimiter);
  if (parts.length < fieldCount) return false;
  return parts.some((part) => isValidEmail(normalizeEmail(part.replace(/^"|"$/g, ''))));
}

/**
 * Whether a value spanning lines holds what looks like other rows. Only values with a line break
 * are looked at, so ordinary rows cost nothing.
 */
export function holdsOtherRows(
  cells: readonly string[],
  delimiter: string,
  fieldCount: number,
): boolean {
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index] as string;
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    const lines = cell.split(/\r\n|\n|\r/);
    for (let line = 1; line < lines.length; line += 1) {
      if (lineLooksLikeRow(lines[line] as string, delimiter, fieldCount)) return true;
    }
  }
  return false;
}

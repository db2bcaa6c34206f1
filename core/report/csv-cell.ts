/**
 * CSV cells that are safe to open in a spreadsheet. A cell that starts with =, +, -, @, a tab or a
 * carriage return would be run as a formula by Excel or LibreOffice (CSV injection, OWASP), so it
 * gets a leading apostrophe, which spreadsheets show as text. Then RFC 4180 quoting.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(escapeCsvCell).join(',')}\r\n`;
}

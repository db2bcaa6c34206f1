/**
 * CSV cells that are safe to open in a spreadsheet, whatever separator it splits them with.
 *
 * A cell whose text starts with =, +, -, @, a tab or a carriage return is run as a formula by
 * Excel, LibreOffice and Google Sheets (CSV injection; OWASP's "CSV Injection" page and ASVS
 * 1.2.10: prefix such a cell with a single quote, which spreadsheets show as text). The report is
 * written with commas, but a spreadsheet set up for Catalan, Spanish or most of Europe splits on
 * semicolons, and others on tabs; a reader that splits on another character than ours also
 * ignores our quotes around a cell, so `a;=1+1` would become the cells `a` and `=1+1` there. So a
 * formula character right after any separator a reader might use (comma, semicolon, tab, a line
 * break), white space between allowed, gets the quote too; then RFC 4180 quoting.
 */

/**
 * A formula character (=, +, -, @, tab, carriage return) at the start of the cell, after optional
 * white space: spaces in front are a known way past escapers that look only at the first character.
 */
const formulaAtStart = /^(?=\s*[=+\-@\t\r])/;
/** A separator a reader might split on (comma, semicolon, tab, line break), then a formula. */
const formulaAfterSeparator = /([,;\t\r\n])(?=\s*[=+\-@\t\r])/g;
/** What makes a cell need quotes for our own comma reader, and keeps it whole in others. */
const needsQuotes = /[",;\t\r\n]/;

/** Puts a single quote wherever a spreadsheet could start a formula inside this text. */
function neutraliseFormulas(text: string): string {
  return text.replace(formulaAtStart, "'").replace(formulaAfterSeparator, "$1'");
}

export function escapeCsvCell(value: string | number): string {
  // Numbers are ours (line numbers, counts): a negative one is a number, not a formula.
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormulas(value);
  if (needsQuotes.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(escapeCsvCell).join(',')}\r\n`;
}

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLine, escapeCsvCell } from '../../core/report/csv-cell';

describe('report CSV cells', () => {
  it('escapes cells a spreadsheet would run as a formula', () => {
    expect(escapeCsvCell('=HYPERLINK("http://evil","x")')).toBe(
      `"'=HYPERLINK(""http://evil"",""x"")"`,
    );
    expect(escapeCsvCell('+34 600 000 000')).toBe(`'+34 600 000 000`);
    expect(escapeCsvCell('-2+3')).toBe(`'-2+3`);
    expect(escapeCsvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    // A tab and a carriage return are separators too now (issue 12, item 13), so quoted, and the
    // formula after the carriage return is neutralised as well.
    expect(escapeCsvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(escapeCsvCell('\r=1')).toBe(`"'\r'=1"`);
  });

  it('quotes delimiters, quotes and line breaks, and leaves plain text alone', () => {
    expect(escapeCsvCell('Puig, Anna')).toBe('"Puig, Anna"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvCell('anna@example.cat')).toBe('anna@example.cat');
    expect(escapeCsvCell('Puig - Roca')).toBe('Puig - Roca');
    expect(escapeCsvCell(12)).toBe('12');
    expect(escapeCsvCell(-5)).toBe('-5');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, '=b'])).toBe("a,1,'=b\r\n");
  });
});

/** Would a spreadsheet run this cell as a formula (OWASP's list, white space before allowed)? */
function runsAsFormula(cell: string): boolean {
  return /^\s*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell);
}

/** Cells as a spreadsheet splitting on `separator` sees them: RFC 4180 quotes honoured. */
function readWithQuotes(text: string, separator: string): string[] {
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, quoteChar: '"' });
  return parsed.data.flat();
}

/** Cells as a reader that ignores quotes sees them (a text import with no text qualifier). */
function readIgnoringQuotes(text: string, separator: string): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));
}

const formulas = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '   =SUM(B1:B2)',
  '\u00a0=1+1',
  '=HYPERLINK("http://evil","x")',
];
const separators = [
  { name: 'comma', separator: ',' },
  { name: 'semicolon (Catalan, Spanish and most European Excel)', separator: ';' },
  { name: 'tab', separator: '\t' },
];

describe.each(separators)('a formula after a $name inside a value', ({ separator }) => {
  // The report is written with commas; readers may split on any of the three.
  const lines = formulas.map(
    (formula) => `\ufeff${csvLine(['Segment', 2, `a${separator}${formula}`, 'invalid', 'x'])}`,
  );

  it.each(separators)('never becomes a formula for a reader splitting on $name', (reader) => {
    for (const line of lines) {
      expect(readWithQuotes(line, reader.separator).filter(runsAsFormula)).toEqual([]);
      expect(readIgnoringQuotes(line, reader.separator).filter(runsAsFormula)).toEqual([]);
    }
  });

  it('reads back as the one cell it was for a reader with our separator', () => {
    const value = `a${separator}=1+1`;
    const [row] = Papa.parse<string[]>(csvLine(['Segment', value]), { delimiter: ',' }).data;
    expect(row).toEqual(['Segment', `a${separator}'=1+1`]);
  });
});

describe('a formula after a line break inside a value', () => {
  it.each(separators)('never becomes a formula for a reader splitting on $name', (reader) => {
    for (const breakText of ['\n', '\r\n', '\r']) {
      const line = csvLine(['Segment', `a${breakText}=1+1`, 'x']);
      expect(readWithQuotes(line, reader.separator).filter(runsAsFormula)).toEqual([]);
      expect(readIgnoringQuotes(line, reader.separator).filter(runsAsFormula)).toEqual([]);
    }
  });
});

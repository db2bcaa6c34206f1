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
    expect(escapeCsvCell('\tcmd')).toBe(`'\tcmd`);
    expect(escapeCsvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('quotes delimiters, quotes and line breaks, and leaves plain text alone', () => {
    expect(escapeCsvCell('Puig, Anna')).toBe('"Puig, Anna"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvCell('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvCell('anna@example.cat')).toBe('anna@example.cat');
    expect(escapeCsvCell(12)).toBe('12');
    expect(escapeCsvCell(-5)).toBe('-5');
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, '=b'])).toBe("a,1,'=b\r\n");
  });
});

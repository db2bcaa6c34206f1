import Papa from 'papaparse';
import { segmentDelimiters, type SegmentDelimiter } from '../../shared/segments/import-report';

export type Newline = '\r\n' | '\n' | '\r';

/** The first line break outside quotes decides; a file without one is a single line. */
export function detectNewline(text: string): Newline {
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') return '\n';
    else if (!quoted && char === '\r') return text[index + 1] === '\n' ? '\r\n' : '\r';
  }
  return '\n';
}

/**
 * The line ending papaparse splits rows on. CRLF files are split on LF (the reader drops the CR
 * left on each row's last value), so rows ending in LF alone never merge into the row before
 * (issue 12 item 2). Old Mac files keep CR.
 */
export function parserNewline(newline: Newline): '\n' | '\r' {
  return newline === '\r' ? '\r' : '\n';
}

const sampleRowLimit = 200;

interface DelimiterScore {
  readonly delimiter: SegmentDelimiter;
  readonly headerFields: number;
  readonly consistency: number;
}

function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function scoreDelimiter(
  sample: string,
  newline: Newline,
  delimiter: SegmentDelimiter,
): DelimiterScore {
  const rows = Papa.parse<string[]>(sample, {
    delimiter,
    newline: parserNewline(newline),
    preview: sampleRowLimit,
  }).data.filter((row) => !isBlankRow(row));
  const headerFields = rows[0]?.length ?? 0;
  const dataRows = rows.slice(1);
  const consistent = dataRows.filter((row) => row.length === headerFields).length;
  return {
    delimiter,
    headerFields,
    consistency: dataRows.length === 0 ? 1 : consistent / dataRows.length,
  };
}

/**
 * Picks the delimiter whose split gives the header several fields and the rows the same number
 * as the header. A semicolon file from a European Excel (`Email;Import` / `a@b.cat;12,50`) has no
 * comma in its header, so commas, which split only the decimal values, lose. With one column
 * (or nothing to tell) it is the comma.
 */
export function detectDelimiter(
  sample: string,
  newline: Newline = detectNewline(sample),
): SegmentDelimiter {
  const scores = segmentDelimiters
    .map((delimiter) => scoreDelimiter(sample, newline, delimiter))
    .filter((score) => score.headerFields >= 2);
  scores.sort(
    (a, b) =>
      b.consistency - a.consistency ||
      b.headerFields - a.headerFields ||
      segmentDelimiters.indexOf(a.delimiter) - segmentDelimiters.indexOf(b.delimiter),
  );
  return scores[0]?.delimiter ?? ',';
}

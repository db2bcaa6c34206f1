import { detectEmailColumn } from '../../shared/matching/email-column';
import { previewRowLimit, type ImportReport } from '../../shared/segments/import-report';
import type { SnapshotRow } from '../segments/snapshot-format';
import { SegmentValidator } from './segment-validator';

/** Rows read before the email column is chosen from the header and the values together. */
const emailSampleRows = 50;

export interface ParseIssue {
  /** Index of the row in the batch the parser returned. */
  readonly row: number;
  readonly code: string;
}

export interface AssembledSegment {
  readonly columns: string[];
  readonly emailColumn: string | null;
  readonly headerLine: number;
  readonly report: ImportReport;
}

/**
 * How many line breaks a row's quoted values hold, so the next row's line number is right. A
 * file's breaks are all of one kind (the parser splits rows on it): LF for LF and CRLF files, CR
 * for old Mac files.
 */
function lineBreaksIn(cells: readonly string[], breakChar: string): number {
  let breaks = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const cell = cells[index] as string;
    let at = cell.indexOf(breakChar);
    while (at !== -1) {
      breaks += 1;
      at = cell.indexOf(breakChar, at + 1);
    }
  }
  return breaks;
}

function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

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

/**
 * Turns the parser's rows into snapshot rows: numbers each by the line it starts on (a quoted
 * value with line breaks spans several), skips blank lines, takes the first row as the header,
 * chooses the email column once enough rows are in, and validates every row.
 */
export class RowAssembler {
  private nextLine = 1;
  private header: { columns: string[]; line: number } | null = null;
  private pending: SnapshotRow[] = [];
  private validator: SegmentValidator | null = null;
  private emailColumn: string | null = null;
  private readonly preview: string[][] = [];
  private readonly quoteLines: number[] = [];

  private readonly breakChar: string;

  constructor(
    private readonly emit: (rows: SnapshotRow[]) => void,
    newline: '\r\n' | '\n' | '\r' = '\n',
  ) {
    this.breakChar = newline === '\r' ? '\r' : '\n';
  }

  get headerFound(): boolean {
    return this.header !== null;
  }

  /** The line the next row will start on (where an unclosed quote began, when one swallows the rest). */
  get currentLine(): number {
    return this.nextLine;
  }

  /**
   * Takes the parser's next rows. `singleLine` says no row of them spans several lines (the
   * reader checked their text in one scan), so their cells need no scan for line breaks.
   */
  push(rows: readonly string[][], issues: readonly ParseIssue[] = [], singleLine = false): void {
    const unclosedAt = new Set(
      issues.filter((issue) => issue.code === 'MissingQuotes').map((i) => i.row),
    );
    const out: SnapshotRow[] = [];
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index] ?? [];
      const line = this.nextLine;
      this.nextLine += singleLine ? 1 : 1 + lineBreaksIn(cells, this.breakChar);
      if (unclosedAt.size > 0 && unclosedAt.has(index)) this.quoteLines.push(line);
      if (isBlankRow(cells)) continue;
      if (this.validator !== null) {
        this.validator.check(line, cells);
        out.push({ line, cells });
      } else if (this.header === null) {
        this.header = { columns: normalizeColumns(cells), line };
      } else {
        this.buffer({ line, cells }, out);
      }
    }
    if (out.length > 0) this.emit(out);
  }

  /** Holds the first rows back until there are enough to choose the email column from. */
  private buffer(row: SnapshotRow, out: SnapshotRow[]): void {
    this.pending.push(row);
    if (this.pending.length >= emailSampleRows) out.push(...this.startValidating());
  }

  private startValidating(): SnapshotRow[] {
    const columns = this.header?.columns ?? [];
    this.emailColumn = detectEmailColumn(
      columns,
      this.pending.map((row) => row.cells),
    );
    const emailIndex = this.emailColumn === null ? null : columns.indexOf(this.emailColumn);
    const validator = new SegmentValidator(columns.length, emailIndex);
    this.validator = validator;
    const rows = this.pending;
    this.pending = [];
    for (const row of rows) {
      if (this.preview.length < previewRowLimit) this.preview.push([...row.cells]);
      validator.check(row.line, row.cells);
    }
    return rows;
  }

  /** Call once the parser is done; null when the file held no header at all. */
  finish(): AssembledSegment | null {
    if (this.header === null) return null;
    const rest = this.validator === null ? this.startValidating() : [];
    if (rest.length > 0) this.emit(rest);
    const validator = this.validator ?? new SegmentValidator(0, null);
    for (const line of this.quoteLines) validator.note({ kind: 'unclosed-quote', line }, true);
    const { counts, problems, problemCount } = validator.result();
    return {
      columns: this.header.columns,
      emailColumn: this.emailColumn,
      headerLine: this.header.line,
      report: {
        counts,
        problems: problems.sort((a, b) => a.line - b.line),
        problemCount,
        preview: this.preview,
      },
    };
  }
}

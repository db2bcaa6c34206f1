import { detectEmailColumn } from '../../shared/matching/email-column';
import { previewRowLimit, type ImportReport } from '../../shared/segments/import-report';
import type { SnapshotRow } from '../segments/snapshot-format';
import type { Newline } from './delimiter-detection';
import {
  isBlankRow,
  isEmptyLine,
  looksLikeDataRow,
  namedColumns,
  normalizeColumns,
  type HeaderChoice,
} from './header-rules';
import { holdsOtherRows, overlongValue } from './row-structure';
import { SegmentValidator } from './segment-validator';
import { swallowedRows, unclosedQuote, valueTooLong } from './structure-errors';

/** Rows read before the email column is chosen from the header and the values together. */
const emailSampleRows = 50;

export interface ParseIssue {
  /** Index of the row in the batch the parser returned. */
  readonly row: number;
  readonly code: string;
}

export interface AssembledSegment {
  readonly columns: string[];
  /** False when the first row was already data and the columns are "Column 1", "Column 2"... */
  readonly hasHeader: boolean;
  readonly emailColumn: string | null;
  readonly report: ImportReport;
}

interface AssemblerOptions {
  readonly fileName: string;
  readonly newline: Newline;
  readonly delimiter: string;
  readonly header?: HeaderChoice;
  /** Lines before the table that are not part of it (Excel's `sep=` hint). */
  readonly skipRows?: number;
  /** The person's names for a headerless table's columns (FormatOverrides.columnNames). */
  readonly columnNames?: readonly string[];
}

/**
 * How many line breaks a row's quoted values hold, so the next row's line number is right. The
 * parser splits rows on LF (CRLF files too, so a row ending in LF alone never merges with the
 * next) or on CR for old Mac files.
 */
export function lineBreaksIn(cells: readonly string[], breakChar: string): number {
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

/** The CR of a CRLF line ending, which the parser (splitting on LF) leaves on the last value. */
export function stripLineEndCr(cells: string[]): void {
  const last = cells.length - 1;
  const cell = cells[last] as string;
  if (cell.charCodeAt(cell.length - 1) === 13) cells[last] = cell.slice(0, -1);
}

/**
 * Turns the parser's rows into snapshot rows: numbers each by the line it starts on (a quoted
 * value with line breaks spans several), skips blank lines, takes the first row as the header
 * (or as data, when it holds an address), chooses the email column once enough rows are in, and
 * validates every row. A broken structure (a quote that never closes, a value that swallowed
 * other rows) stops the read with an ImportError naming the line.
 */
export class RowAssembler {
  private nextLine = 1;
  private header: { columns: string[]; present: boolean } | null = null;
  private pending: SnapshotRow[] = [];
  private validator: SegmentValidator | null = null;
  private emailColumn: string | null = null;
  private readonly preview: string[][] = [];
  private readonly breakChar: string;
  private readonly stripCr: boolean;
  private skipRows: number;
  private expectedRows = 0;
  private kept = 0;

  /**
   * `emit` receives the rows kept, batch by batch; without it they are only counted (the import's
   * read pass copies the text itself, so a million rows need no object each).
   */
  constructor(
    private readonly emit: ((rows: SnapshotRow[]) => void) | null,
    private readonly options: AssemblerOptions,
  ) {
    this.breakChar = options.newline === '\r' ? '\r' : '\n';
    this.stripCr = options.newline !== '\r';
    this.skipRows = options.skipRows ?? 0;
  }

  /** The line the next row will start on (where an unclosed quote began, when one swallows the rest). */
  get currentLine(): number {
    return this.nextLine;
  }

  /** The rows kept so far (checked, and with the header's number of values). */
  get keptRows(): number {
    return this.kept;
  }

  /** An estimate of the rows to come, so the duplicate check can make room once. */
  expectRows(rows: number): void {
    this.expectedRows = rows;
    this.validator?.expectRows(rows);
  }

  /**
   * Takes the parser's next rows. `singleLine` says no row of them spans several lines (the
   * reader checked their text in one scan), so their cells need no scan for line breaks.
   */
  push(rows: readonly string[][], issues: readonly ParseIssue[] = [], singleLine = false): void {
    const unclosed = issues.find((issue) => issue.code === 'MissingQuotes')?.row ?? -1;
    const out: SnapshotRow[] | null = this.emit ? [] : null;
    for (let index = 0; index < rows.length; index += 1) {
      const cells = rows[index] ?? [''];
      const line = this.nextLine;
      const span = singleLine ? 1 : 1 + lineBreaksIn(cells, this.breakChar);
      this.nextLine += span;
      if (index === unclosed) throw unclosedQuote(this.options.fileName, line);
      if (this.stripCr) stripLineEndCr(cells);
      if (this.skipRows > 0) {
        this.skipRows -= 1;
        continue;
      }
      this.checkStructure(line, span, cells);
      this.take(line, cells, out);
    }
    if (out && out.length > 0) this.emit?.(out);
  }

  private checkStructure(line: number, span: number, cells: readonly string[]): void {
    const overlong = overlongValue(cells);
    if (overlong > 0) throw valueTooLong(this.options.fileName, line, overlong);
    if (span === 1 || this.header === null) return;
    const fieldCount = this.header.columns.length;
    if (cells.length !== fieldCount || holdsOtherRows(cells, this.options.delimiter, fieldCount)) {
      throw swallowedRows(this.options.fileName, line, line + span - 1);
    }
  }

  private take(line: number, cells: string[], out: SnapshotRow[] | null): void {
    if (this.header === null) {
      if (!isEmptyLine(cells)) this.startTable(line, cells, out);
      return;
    }
    if (isBlankRow(cells)) return;
    if (this.validator === null) this.buffer({ line, cells }, out);
    else if (this.validator.admit(line, cells)) this.keep(out, { line, cells });
  }

  private keep(out: SnapshotRow[] | null, row: SnapshotRow): void {
    this.kept += 1;
    out?.push(row);
  }

  private startTable(line: number, cells: string[], out: SnapshotRow[] | null): void {
    const headerless =
      this.options.header === 'absent' ||
      (this.options.header !== 'present' && looksLikeDataRow(cells));
    if (!headerless) {
      this.header = { columns: normalizeColumns(cells), present: true };
      return;
    }
    this.header = { columns: namedColumns(cells.length, this.options.columnNames), present: false };
    this.buffer({ line, cells }, out);
  }

  /** Holds the first rows back until there are enough to choose the email column from. */
  private buffer(row: SnapshotRow, out: SnapshotRow[] | null): void {
    this.pending.push(row);
    if (this.pending.length < emailSampleRows) return;
    for (const kept of this.startValidating()) this.keep(out, kept);
  }

  private startValidating(): SnapshotRow[] {
    const columns = this.header?.columns ?? [];
    const fitting = this.pending.filter((row) => row.cells.length === columns.length);
    this.emailColumn = detectEmailColumn(
      columns,
      fitting.map((row) => row.cells),
    );
    const emailIndex = this.emailColumn === null ? null : columns.indexOf(this.emailColumn);
    const validator = new SegmentValidator(columns.length, emailIndex);
    if (this.expectedRows > 0) validator.expectRows(this.expectedRows);
    this.validator = validator;
    const rows = this.pending.filter((row) => validator.admit(row.line, row.cells));
    this.pending = [];
    for (const row of rows) {
      if (this.preview.length < previewRowLimit) this.preview.push([...row.cells]);
    }
    return rows;
  }

  /** Call once the parser is done; null when the file held no header at all. */
  finish(): AssembledSegment | null {
    if (this.header === null) return null;
    const rest = this.validator === null ? this.startValidating() : [];
    this.kept += rest.length;
    if (rest.length > 0) this.emit?.(rest);
    const validator = this.validator ?? new SegmentValidator(0, null);
    const { counts, problems, problemCount } = validator.result();
    return {
      columns: this.header.columns,
      hasHeader: this.header.present,
      emailColumn: this.emailColumn,
      report: {
        counts,
        problems: problems.sort((a, b) => a.line - b.line),
        problemCount,
        preview: this.preview,
      },
    };
  }
}

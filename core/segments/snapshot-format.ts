import type { SegmentShape } from '../../shared/segments/segment-shape';

/**
 * The on-disk form of an imported segment (issue 4 writes it, the upload engine reads it).
 *
 *   <dataFolder>/segments/<segmentId>/manifest.json   SnapshotManifest, replaced atomically
 *   <dataFolder>/segments/<segmentId>/table.txt       format 2: the text the import read, byte
 *                                                     for byte (the file, or its unpacked or
 *                                                     rewritten table), re-read as it was read
 *   <dataFolder>/segments/<segmentId>/rows.jsonl      format 1 (older imports): one SnapshotRow
 *                                                     per line, in file order
 *
 * A snapshot is immutable once its manifest exists: exports resume from it even when the original
 * file has moved or changed. Either form gives the same rows: the decoded cells of every data row
 * of the file that has the header's number of values, valid or not; which column is the email is
 * decided by field matching, so validation happens on reading (shared/segments/email.ts).
 *
 * Format 2 exists for speed (issue 14): an import copies the bytes it reads instead of writing
 * every cell again as JSON (which took as long as the parse), and reading it back parses the text
 * with the importer's own parser, about twice as fast as one JSON.parse per row.
 */
export interface SnapshotManifest {
  readonly formatVersion: 1 | 2;
  readonly id: string;
  /** Editable display name; starts as the file name without extension. */
  readonly name: string;
  readonly importedAt: string;
  readonly source: {
    readonly path: string;
    readonly fileName: string;
    readonly size: number;
    readonly sha256: string;
    readonly modifiedAt: string;
  };
  readonly format: {
    readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
    readonly delimiter: ',' | ';' | '\t' | '|';
    readonly hasBom: boolean;
    /** The file had no header row: its columns are "Column N" or the names the person gave. */
    readonly headerless?: true;
  };
  /** Header cells, BOM and surrounding spaces removed. */
  readonly columns: readonly string[];
  /** Data rows in the file (header excluded, blank lines skipped). */
  readonly rowCount: number;
  /** The column that looks like the email, if any (auto-detected on import). */
  readonly emailColumn: string | null;
  /** What was read (issue 14): a workbook's sheet, an export folder's table; plain text if absent. */
  readonly shape?: SegmentShape;
  /** Format 2: how the table copy is read again. */
  readonly table?: SnapshotTable;
}

/**
 * What reading `table.txt` again needs beyond `format` (encoding, delimiter) and `columns`: the
 * same parse, numbering and skipping as the import (core/import/table-replay.ts).
 */
export interface SnapshotTable {
  /** The copy's size: a shorter file is a snapshot cut short. */
  readonly bytes: number;
  readonly newline: '\r\n' | '\n' | '\r';
  /** Lines before the table that are not part of it (Excel's `sep=` hint). */
  readonly skipRows: number;
  /** Whether the table's first row is its header (false: the first row is already data). */
  readonly header: boolean;
}

export interface SnapshotRow {
  /** 1-based line number in the source file where the row starts (the header is line 1). */
  readonly line: number;
  /** Decoded cells; may be fewer or more than the columns when the file is broken there. */
  readonly cells: readonly string[];
}

export const snapshotFiles = {
  manifest: 'manifest.json',
  rows: 'rows.jsonl',
  table: 'table.txt',
} as const;

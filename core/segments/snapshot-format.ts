import type { SegmentShape } from '../../shared/segments/segment-shape';

/**
 * The on-disk form of an imported segment (issue 4 writes it, the upload engine reads it).
 *
 *   <dataFolder>/segments/<segmentId>/manifest.json   SnapshotManifest, replaced atomically
 *   <dataFolder>/segments/<segmentId>/rows.jsonl      one SnapshotRow per line, in file order
 *
 * A snapshot is immutable once its manifest exists: exports resume from it even when the original
 * file has moved or changed. Rows hold the decoded cells of every data row of the file, valid or
 * not; which column is the email is decided by field matching, so validation happens on reading
 * (shared/segments/email.ts).
 */
export interface SnapshotManifest {
  readonly formatVersion: 1;
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
} as const;

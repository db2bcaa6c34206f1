/**
 * What reading a segment takes and gives: the options, the sink the rows go to, and the result.
 * Its own file so that the reader's passes (read-pass.ts, encoding-checks.ts) and its entry point
 * (read-segment-file.ts) share these types without importing one another in a circle.
 */
import type { ImportReport } from '../../shared/segments/import-report';
import type { SegmentShape, ShapeChoice } from '../../shared/segments/segment-shape';
import type { SnapshotManifest, SnapshotTable } from '../segments/snapshot-format';
import type { FormatOverrides } from './format-sniffing';
import type { ArchiveLimits } from './sources/zip-archive';

/**
 * Where the text read goes: the snapshot copies it (format 2 in core/segments/snapshot-format.ts),
 * `inspect` drops it.
 */
export interface RowSink {
  /** The next bytes of the text, in order; false when the sink is behind and the reader should wait for `drained()`. */
  copy(bytes: Buffer): boolean;
  drained(): Promise<void>;
  /** Forget the text so far: the file is read again in another encoding. */
  reset(): Promise<void>;
}

export const discardingSink: RowSink = {
  copy: () => true,
  drained: () => Promise.resolve(),
  reset: () => Promise.resolve(),
};

interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export interface ReadSegmentOptions {
  readonly sourcePath: string;
  /** The name people know the file by (a transferred file's own name), else the path's base. */
  readonly fileName?: string;
  readonly overrides?: FormatOverrides;
  readonly onProgress?: (progress: ReadProgress) => void;
  /** The sheet of a workbook or the table of an export folder to read (issue 14). */
  readonly choice?: ShapeChoice;
  /** Where packed and rewritten sources are unpacked while they are read. */
  readonly workFolder?: string;
  readonly archiveLimits?: ArchiveLimits;
}

export interface ReadSegment {
  readonly source: SnapshotManifest['source'];
  readonly format: SnapshotManifest['format'];
  readonly columns: string[];
  /**
   * False when the first row was data: the columns are then "Column 1", "Column 2"... (Shapes
   * whose columns come from elsewhere, such as a schema, may leave it out.)
   */
  readonly hasHeader?: boolean;
  /** How the text read is read again from a snapshot's copy of it (its size, line ends, header). */
  readonly table: SnapshotTable;
  readonly emailColumn: string | null;
  readonly report: ImportReport;
  readonly shape: SegmentShape;
}

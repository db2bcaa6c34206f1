import type { ImportReport } from '../../shared/segments/import-report';
import { plainTextShape } from '../../shared/segments/segment-shape';
import type { ImportFailure, SegmentSummary } from '../../shared/segments/segment-summary';
import { ImportError } from '../import/import-error';
import type { SnapshotManifest } from './snapshot-format';
import { SnapshotError } from './snapshot-paths';

const noReport: ImportReport = {
  counts: { rows: 0, valid: 0, invalid: 0, blank: 0, duplicates: 0, wrongFieldCount: 0 },
  problems: [],
  problemCount: 0,
  preview: [],
};

/** A snapshot as the Segments screen shows it. */
export function toSummary(manifest: SnapshotManifest, report: ImportReport | null): SegmentSummary {
  const found = report ?? { ...noReport, counts: { ...noReport.counts, rows: manifest.rowCount } };
  return {
    id: manifest.id,
    name: manifest.name,
    fileName: manifest.source.fileName,
    size: manifest.source.size,
    importedAt: manifest.importedAt,
    encoding: manifest.format.encoding,
    delimiter: manifest.format.delimiter,
    hasBom: manifest.format.hasBom,
    columns: [...manifest.columns],
    ...(manifest.format.headerless ? { headerless: true } : {}),
    emailColumn: manifest.emailColumn,
    counts: found.counts,
    problems: found.problems,
    problemCount: found.problemCount,
    preview: found.preview,
    shape: manifest.shape ?? plainTextShape,
  };
}

/** Any failure as a code, its details and English words; unexpected ones say little on purpose. */
export function toFailure(error: unknown, fileName: string): ImportFailure {
  if (error instanceof ImportError) {
    return { code: error.code, message: error.message, params: { fileName, ...error.params } };
  }
  if (error instanceof SnapshotError) {
    return { code: error.code, message: error.message, params: { fileName } };
  }
  return {
    code: 'import-failed',
    message: `Something went wrong while importing “${fileName}”. Please try again.`,
    params: { fileName },
  };
}

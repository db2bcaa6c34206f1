import path from 'node:path';
import type { ImportReport } from '../../shared/segments/import-report';
import type { SnapshotManifest } from '../segments/snapshot-format';
import { createSnapshotWriter } from '../segments/snapshot-writer';
import { ImportError } from './import-error';
import { readSegmentFile } from './read-segment-file';
import type { ReadSegment, ReadSegmentOptions } from './read-types';
import { isSchemaFileName } from './sources/cdm/read-cdm';

interface ImportSegmentOptions extends ReadSegmentOptions {
  readonly dataFolder: string;
  readonly segmentId: string;
  /** Display name; the file name without its extension otherwise. */
  readonly name?: string;
  readonly now: () => Date;
}

export interface ImportedSegment {
  readonly manifest: SnapshotManifest;
  readonly report: ImportReport;
}

function nameFromFileName(fileName: string): string {
  const base = path.basename(fileName, path.extname(fileName)).trim();
  return base || fileName || 'Segment';
}

/** An export's schema file dropped alone is named after its export folder, not "model". */
function segmentName(read: ReadSegment): string {
  const schemaAlone = read.shape.source === 'cdm' && isSchemaFileName(read.source.fileName);
  return schemaAlone
    ? nameFromFileName(path.basename(path.dirname(read.source.path)))
    : nameFromFileName(read.source.fileName);
}

/**
 * Imports a file into a new snapshot in the data folder (core/segments/snapshot-format.ts). The
 * snapshot appears only once complete; on any failure nothing is left behind.
 */
export async function importSegment(options: ImportSegmentOptions): Promise<ImportedSegment> {
  const writer = await createSnapshotWriter(options.dataFolder, options.segmentId);
  try {
    const read = await readSegmentFile(options, writer);
    const manifest: SnapshotManifest = {
      formatVersion: 2,
      id: options.segmentId,
      name: options.name ?? segmentName(read),
      importedAt: options.now().toISOString(),
      source: read.source,
      format: read.hasHeader === false ? { ...read.format, headerless: true } : read.format,
      columns: read.columns,
      rowCount: read.report.counts.rows,
      emailColumn: read.emailColumn,
      shape: read.shape,
      table: read.table,
    };
    await writer.commit(manifest, read.report);
    return { manifest, report: read.report };
  } catch (error) {
    await writer.discard();
    throw (error as NodeJS.ErrnoException).code === 'ENOSPC' ? diskFull(options) : error;
  }
}

function diskFull(options: ImportSegmentOptions): ImportError {
  const fileName = options.fileName ?? path.basename(options.sourcePath);
  return new ImportError(
    'disk-full',
    `The disk filled up while “${fileName}” was being imported, so it was not kept. Free some space and try again.`,
    { fileName },
  );
}

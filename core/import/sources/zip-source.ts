import path from 'node:path';
import { isSchemaFileName } from './cdm/read-cdm';
import { archiveNoSegment, archiveSeveralSegments } from './source-errors';
import type { ZipArchive, ZipEntry } from './zip-archive';

/**
 * What a zip attachment holds: a Customer Insights export folder (its schema and the files
 * below it), or one segment file. System clutter (macOS resource forks, hidden files, Windows
 * thumbnails) is not content.
 */
type ZipContent =
  | { readonly kind: 'cdm'; readonly folder: string; readonly entries: readonly ZipEntry[] }
  | { readonly kind: 'file'; readonly entry: ZipEntry };

const segmentExtensions = /\.(csv|tsv|txt|tab|dat|gz|xlsx|xlsm)$/i;

function isClutter(name: string): boolean {
  const parts = name.split('/');
  const base = parts[parts.length - 1] ?? '';
  return (
    parts[0] === '__MACOSX' || base.startsWith('.') || /^(thumbs\.db|desktop\.ini)$/i.test(base)
  );
}

export function zipContent(archive: ZipArchive): ZipContent {
  const files = archive.entries.filter((entry) => !entry.isDirectory && !isClutter(entry.name));
  const schemas = files
    .filter((entry) => isSchemaFileName(path.posix.basename(entry.name)))
    .sort((a, b) => a.name.split('/').length - b.name.split('/').length);
  const schema = schemas[0];
  if (schema) {
    const folder = path.posix.dirname(schema.name);
    const prefix = folder === '.' ? '' : `${folder}/`;
    return {
      kind: 'cdm',
      folder,
      entries: files.filter((entry) => entry.name.startsWith(prefix)),
    };
  }
  const only = files.length === 1 ? files[0] : undefined;
  if (only) return { kind: 'file', entry: only };
  const segments = files.filter((entry) => segmentExtensions.test(entry.name));
  const [first, ...rest] = segments;
  if (!first) throw archiveNoSegment(archive.fileName);
  if (rest.length > 0) {
    throw archiveSeveralSegments(
      archive.fileName,
      segments.map((entry) => entry.name),
    );
  }
  return { kind: 'file', entry: first };
}

/**
 * One look at a watched folder: which exports are in it and what each one's files look like now.
 * `export-arrival.ts` compares two looks to decide that an export is complete.
 *
 * An export is either a plain file (csv, tsv, txt, gz, zip, xlsx) or a Customer Insights export
 * folder: a folder holding `model.json` or `*.manifest.cdm.json`, whose files all belong to it.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSchemaFileName, matchLocation, partLabel, readSchemaParts } from './export-schema-parts';

const plainExportExtensions = ['.csv', '.tsv', '.txt', '.gz', '.zip', '.xlsx'] as const;

/** Deep enough for {Export}/{Table}/{yyyy}/{MM}/{dd}/{HHmm}/part.csv two folders down. */
const maxDepth = 10;

interface FileLook {
  /** '/'-separated, relative to the watched folder. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ExportLook {
  readonly kind: 'file' | 'cdm-folder';
  /** The file, or the export folder, relative to the watched folder ('' for the folder itself). */
  readonly path: string;
  /** For a CDM folder, the schema file relative to the watched folder. */
  readonly schemaFile?: string;
  /** Every file that must be stable, in a fixed order: the file, or schema plus named parts. */
  readonly files: readonly FileLook[];
  /** Why it cannot be complete yet (a part missing, the schema half-written); else undefined. */
  readonly waitingFor?: string;
  /** The schema's text, for the export's identity. */
  readonly schemaText?: string;
}

/** Names a copying tool uses for a file not yet finished, and hidden or lock files. */
function isIgnoredName(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    /\.(tmp|part|partial|crdownload|download|filepart)$/i.test(name)
  );
}

/**
 * A Customer Insights run's parts sit in {Table}/{yyyy}/{MM}/{dd}/{HHmm}/: such a file is part of
 * an export folder whose schema file has not arrived yet, not an export of its own.
 */
const exportRunFolder = /(^|\/)\d{4}\/\d{2}\/\d{2}\/\d{4}\//;

function isPlainExport(name: string): boolean {
  const lower = name.toLowerCase();
  return plainExportExtensions.some((extension) => lower.endsWith(extension));
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    // A folder removed or renamed while we looked is simply not there this time.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return [];
    throw error;
  }
}

async function lookAtFile(root: string, relative: string): Promise<FileLook | undefined> {
  try {
    const info = await stat(path.join(root, relative));
    return info.isFile() ? { path: relative, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** Every file below `folder` (skipping ignored names), '/'-separated and relative to it. */
export async function filesBelow(folder: string, depth = 0): Promise<string[]> {
  if (depth > maxDepth) return [];
  const found: string[] = [];
  for (const entry of await entriesOf(folder)) {
    if (isIgnoredName(entry.name)) continue;
    if (entry.isDirectory()) {
      const inner = await filesBelow(path.join(folder, entry.name), depth + 1);
      found.push(...inner.map((file) => `${entry.name}/${file}`));
    } else if (entry.isFile()) found.push(entry.name);
  }
  return found.sort();
}

function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

async function lookAtCdmFolder(root: string, folder: string, schema: string): Promise<ExportLook> {
  const schemaFile = joinRelative(folder, schema);
  const base = { kind: 'cdm-folder' as const, path: folder, schemaFile };
  const schemaLook = await lookAtFile(root, schemaFile);
  const schemaText = await readFile(path.join(root, schemaFile), 'utf8').catch(() => undefined);
  if (schemaLook === undefined || schemaText === undefined) {
    return { ...base, files: [], waitingFor: `${schema} is not there yet.` };
  }
  const read = readSchemaParts(schema, schemaText);
  if (!read.ok) return { ...base, files: [schemaLook], waitingFor: read.reason };
  if (read.parts.partitions.length === 0) {
    return { ...base, files: [schemaLook], waitingFor: `${schema} names no data files yet.` };
  }
  const below = new Set(await filesBelow(path.join(root, folder)));
  const files: FileLook[] = [schemaLook];
  for (const location of [...read.parts.documents, ...read.parts.partitions]) {
    const match = matchLocation(location, below);
    const look =
      match === undefined ? undefined : await lookAtFile(root, joinRelative(folder, match));
    if (look === undefined) {
      return { ...base, files, waitingFor: `${partLabel(location)} is not there yet.` };
    }
    files.push(look);
  }
  return { ...base, files, schemaText };
}

/** The schema file a folder's entries hold: a CDM manifest first (the newer form), then model.json. */
function schemaIn(entries: readonly Dirent[]): string | undefined {
  const names = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  const schemas = names.filter(isSchemaFileName).sort();
  return schemas.find((name) => name !== 'model.json') ?? schemas[0];
}

async function scanFolder(root: string, folder: string, depth: number): Promise<ExportLook[]> {
  const entries = await entriesOf(path.join(root, folder));
  const schema = schemaIn(entries);
  if (schema !== undefined) return [await lookAtCdmFolder(root, folder, schema)];
  const looks: ExportLook[] = [];
  for (const entry of entries) {
    if (isIgnoredName(entry.name)) continue;
    const relative = joinRelative(folder, entry.name);
    if (entry.isDirectory() && depth < maxDepth) {
      looks.push(...(await scanFolder(root, relative, depth + 1)));
    } else if (entry.isFile() && isPlainExport(entry.name)) {
      const look = await lookAtFile(root, relative);
      if (look === undefined) continue;
      const waitingFor = exportRunFolder.test(relative)
        ? 'It belongs to a Customer Insights export whose schema file is not there yet.'
        : undefined;
      looks.push({
        kind: 'file',
        path: relative,
        files: [look],
        ...(waitingFor && { waitingFor }),
      });
    }
  }
  return looks;
}

/** Every export in the watched folder as it is right now, sorted by path. */
export async function scanWatchedFolder(watchedFolder: string): Promise<ExportLook[]> {
  const looks = await scanFolder(watchedFolder, '', 0);
  return looks.sort((a, b) => a.path.localeCompare(b.path));
}

import { mkdtemp, rm, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SegmentShape, ShapeChoice } from '../../../shared/segments/segment-shape';
import { ImportError } from '../import-error';
import { readCdmFolder, schemaFileIn, isSchemaFileName } from './cdm/read-cdm';
import {
  hasGzipName,
  hasWorkbookName,
  isEncryptedPackage,
  packedKind,
  readStart,
} from './detect-source';
import { gunzipTo } from './gzip-source';
import * as errors from './source-errors';
import { TableFileWriter } from './table-file-writer';
import { readWorkbook } from './xlsx/read-workbook';
import { workbookDamaged } from './xlsx/workbook-parts';
import { defaultArchiveLimits, ZipArchive, type ArchiveLimits } from './zip-archive';
import { zipContent } from './zip-source';

/**
 * Turns whatever was dropped (a text file, an export folder or its schema, a workbook, a .gz,
 * a .zip) into one text file the CSV pass reads. Plain files are read where they are; the other
 * shapes are unpacked or rewritten as plain UTF-8 CSV in a private folder that `dispose` removes.
 */
export interface PrepareOptions {
  readonly sourcePath: string;
  readonly fileName: string;
  readonly choice?: ShapeChoice;
  readonly limits?: ArchiveLimits;
  /** Where unpacked copies go while the file is read; the system's temporary folder otherwise. */
  readonly workFolder?: string;
}

export interface PreparedSource {
  readonly textPath: string;
  readonly shape: SegmentShape;
  /** Bytes of what the person gave (a folder: its schema and the parts read). */
  readonly size: number;
  readonly modifiedAt: Date;
  /** True when textPath is a rewritten table (UTF-8, comma-separated, with a header). */
  readonly rewritten: boolean;
  dispose(): Promise<void>;
}

async function statOrExplain(sourcePath: string, fileName: string): Promise<Stats> {
  try {
    return await stat(sourcePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw errors.fileNotFound(fileName);
    if (code === 'EACCES' || code === 'EPERM') throw errors.unreadable(fileName);
    throw error;
  }
}

function kindOfSpecial(info: Stats): string {
  if (info.isFIFO()) return 'a pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

class WorkFolder {
  private folder: string | null = null;
  constructor(private readonly parent: string) {}

  async file(name: string): Promise<string> {
    this.folder ??= await mkdtemp(path.join(this.parent, 'courier-read-'));
    return path.join(this.folder, name);
  }

  async remove(): Promise<void> {
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
  }
}

export async function prepareSource(options: PrepareOptions): Promise<PreparedSource> {
  const work = new WorkFolder(options.workFolder ?? os.tmpdir());
  try {
    return await prepareIn(options, work, 0);
  } catch (error) {
    await work.remove();
    throw error;
  }
}

async function prepareIn(
  options: PrepareOptions,
  work: WorkFolder,
  depth: number,
): Promise<PreparedSource> {
  const { sourcePath, fileName } = options;
  const info = await statOrExplain(sourcePath, fileName);
  if (info.isDirectory()) {
    const schema = await schemaFileIn(sourcePath);
    if (schema === null) throw errors.folderWithoutSchema(fileName);
    return rewriteCdm(options, schema, info, work);
  }
  if (!info.isFile()) throw errors.notRegularFile(fileName, kindOfSpecial(info));
  if (isSchemaFileName(path.basename(sourcePath)))
    return rewriteCdm(options, sourcePath, info, work);
  const head = await readStart(sourcePath, 8).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EACCES' || error.code === 'EPERM' ? errors.unreadable(fileName) : error;
  });
  const plain = asIs(sourcePath, { source: 'csv' }, info, work);
  switch (packedKind(head)) {
    case 'gzip':
      return gunzip(options, info, work);
    case 'zip':
      return depth > 0 && !hasWorkbookName(fileName) ? plain : openZip(options, info, work, depth);
    case 'compound':
      throw (await isEncryptedPackage(sourcePath))
        ? errors.workbookProtected(fileName)
        : errors.workbookOldFormat(fileName);
    default:
      if (hasGzipName(fileName)) throw errors.notGzip(fileName);
      return plain;
  }
}

function asIs(
  textPath: string,
  shape: SegmentShape,
  info: Stats,
  work: WorkFolder,
): PreparedSource {
  return {
    textPath,
    shape,
    size: info.size,
    modifiedAt: info.mtime,
    rewritten: false,
    dispose: () => work.remove(),
  };
}

async function gunzip(
  options: PrepareOptions,
  info: Stats,
  work: WorkFolder,
): Promise<PreparedSource> {
  const inner = path.basename(options.fileName).replace(/\.(gz|gzip)$/i, '') || 'segment.csv';
  const textPath = await work.file(inner);
  const limits = options.limits ?? defaultArchiveLimits;
  await gunzipTo(options.sourcePath, options.fileName, info.size, textPath, limits);
  return asIs(textPath, { source: 'gzip' }, info, work);
}

async function rewriteCdm(
  options: PrepareOptions,
  schemaFile: string,
  info: Stats,
  work: WorkFolder,
) {
  const writer = new TableFileWriter(await work.file('export.csv'));
  try {
    const read = await readCdmFolder(schemaFile, options.choice ?? {}, writer);
    await writer.close();
    return { ...asIs(writer.filePath, read.shape, info, work), size: read.size, rewritten: true };
  } catch (error) {
    await writer.abandon();
    throw error;
  }
}

async function openZip(
  options: PrepareOptions,
  info: Stats,
  work: WorkFolder,
  depth: number,
): Promise<PreparedSource> {
  const archive = await ZipArchive.open(options.sourcePath, options.fileName, options.limits).catch(
    (error: unknown) => {
      const damagedWorkbook = error instanceof ImportError && error.code === 'archive-damaged';
      throw damagedWorkbook && hasWorkbookName(options.fileName)
        ? workbookDamaged(options.fileName)
        : error;
    },
  );
  try {
    if (archive.has('xl/workbook.xml')) return await rewriteWorkbook(options, archive, info, work);
    if (depth > 0) throw errors.archiveNoSegment(options.fileName);
    return await unpackZip(options, archive, info, work);
  } finally {
    archive.close();
  }
}

async function rewriteWorkbook(
  options: PrepareOptions,
  archive: ZipArchive,
  info: Stats,
  work: WorkFolder,
): Promise<PreparedSource> {
  const writer = new TableFileWriter(await work.file('workbook.csv'));
  try {
    const shape = await readWorkbook(archive, options.choice ?? {}, writer);
    await writer.close();
    return { ...asIs(writer.filePath, shape, info, work), rewritten: true };
  } catch (error) {
    await writer.abandon();
    throw error instanceof ImportError ? error : workbookDamaged(options.fileName);
  }
}

async function unpackZip(
  options: PrepareOptions,
  archive: ZipArchive,
  info: Stats,
  work: WorkFolder,
): Promise<PreparedSource> {
  const content = zipContent(archive);
  if (content.kind === 'cdm') {
    const root = await work.file('unpacked');
    for (const entry of content.entries)
      await archive.extract(entry.name, path.join(root, entry.name));
    const schemaFile = (await schemaFileIn(path.join(root, content.folder))) ?? '';
    const cdm = await rewriteCdm(options, schemaFile, info, work);
    return { ...cdm, shape: { ...cdm.shape, source: 'zip', inner: 'cdm' }, size: info.size };
  }
  const innerName = path.posix.basename(content.entry.name);
  const innerPath = await work.file(`packed-${innerName}`);
  await archive.extract(content.entry.name, innerPath);
  const inner = await prepareIn(
    { ...options, sourcePath: innerPath, fileName: innerName },
    work,
    1,
  );
  const innerShape =
    inner.shape.source === 'csv' ? {} : { ...inner.shape, inner: inner.shape.source };
  return {
    ...inner,
    shape: { ...innerShape, source: 'zip' },
    size: info.size,
    modifiedAt: info.mtime,
  };
}

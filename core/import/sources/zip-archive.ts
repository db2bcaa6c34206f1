import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { formatBytes, ImportError } from '../import-error';

/**
 * Limits that keep a zip bomb from filling the disk or the memory: how many entries, how many
 * bytes they expand to in all, and how much one large entry may shrink when packed (text packs
 * about 10:1, a workbook's XML about 20:1; a bomb packs a thousand to one or more).
 */
export interface ArchiveLimits {
  readonly maxEntries: number;
  readonly maxExpandedBytes: number;
  readonly maxRatio: number;
  /** Entries smaller than this are not checked for their ratio (tiny files pack oddly). */
  readonly ratioFloorBytes: number;
}

export const defaultArchiveLimits: ArchiveLimits = {
  maxEntries: 10_000,
  maxExpandedBytes: 2 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
};

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  readonly isDirectory: boolean;
}

function damaged(fileName: string): ImportError {
  return new ImportError(
    'archive-damaged',
    `“${fileName}” is a damaged or unsupported zip file (it may be password-protected), so nothing was imported. Pack the export again, or unpack it and drop what it holds.`,
    { fileName },
  );
}

function tooLarge(fileName: string, why: string): ImportError {
  return new ImportError(
    'archive-too-large',
    `“${fileName}” would unpack to ${why}, far more than a segment needs, so it was not opened. It may be a damaged or malicious zip file; nothing was imported.`,
    { fileName },
  );
}

function openZip(filePath: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      filePath,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/** A zip file's table of contents, checked against the limits before any entry is unpacked. */
export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly byName: ReadonlyMap<string, yauzl.Entry>,
    readonly fileName: string,
  ) {}

  static async open(
    filePath: string,
    fileName: string,
    limits: ArchiveLimits = defaultArchiveLimits,
  ): Promise<ZipArchive> {
    const zip = await openZip(filePath).catch(() => {
      throw damaged(fileName);
    });
    try {
      if (zip.entryCount > limits.maxEntries) {
        throw tooLarge(fileName, `${zip.entryCount.toLocaleString('en-US')} files`);
      }
      const entries = await readEntries(zip).catch(() => {
        throw damaged(fileName);
      });
      checkSizes(entries, fileName, limits);
      if (entries.some((entry) => entry.isEncrypted())) throw damaged(fileName);
      return new ZipArchive(
        zip,
        new Map(entries.map((entry) => [entry.fileName, entry])),
        fileName,
      );
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  get entries(): ZipEntry[] {
    return [...this.byName.values()].map((entry) => ({
      name: entry.fileName,
      size: entry.uncompressedSize,
      isDirectory: entry.fileName.endsWith('/'),
    }));
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The entry's bytes as they unpack; yauzl stops with an error past its declared size. */
  openEntry(name: string): Promise<Readable> {
    const entry = this.byName.get(name);
    if (!entry) return Promise.reject(damaged(this.fileName));
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) =>
        error ? reject(damaged(this.fileName)) : resolve(stream),
      );
    });
  }

  async readText(name: string): Promise<string> {
    const stream = await this.openEntry(name);
    stream.setEncoding('utf8');
    let text = '';
    for await (const chunk of stream) text += chunk as string;
    return text;
  }

  /** Unpacks one entry to a file; the caller has checked that `destination` is its own folder. */
  async extract(name: string, destination: string): Promise<void> {
    await mkdir(path.dirname(destination), { recursive: true });
    await pipeline(await this.openEntry(name), createWriteStream(destination)).catch(
      (error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'ENOSPC' ? error : damaged(this.fileName);
      },
    );
  }

  close(): void {
    this.zip.close();
  }
}

function checkSizes(entries: readonly yauzl.Entry[], fileName: string, limits: ArchiveLimits) {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw tooLarge(fileName, `${formatBytes(entry.uncompressedSize)} from one small file`);
    }
  }
  if (total > limits.maxExpandedBytes) throw tooLarge(fileName, formatBytes(total));
}

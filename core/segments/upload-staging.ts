import { randomBytes } from 'node:crypto';
import { readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { makePrivateFolder, openPrivateFile } from '../files/private-files';
import { ImportError } from '../import/import-error';

/**
 * Files the renderer streams to main in slices (a dropped file, whose path the page may not know).
 * Each lands in `<dataFolder>/segment-uploads/<uploadId>/<file name>`, and stays there as the
 * segment's source, so the person can re-read it with another encoding or delimiter.
 */
export function uploadsFolder(dataFolder: string): string {
  return path.join(dataFolder, 'segment-uploads');
}

interface Upload {
  readonly fileName: string;
  readonly size: number;
  readonly filePath: string;
  readonly handle: FileHandle;
  received: number;
}

/** Keeps only a plain file name: no folders, no characters file systems refuse. */
function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f<>:"|?*]/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(0, 200) || 'segment.csv';
}

function uploadError(message: string): ImportError {
  return new ImportError('unreadable', message, {});
}

export class UploadStaging {
  private readonly uploads = new Map<string, Upload>();
  /** Uploads still arriving or being imported: their copies are never swept. */
  private readonly busy = new Set<string>();

  constructor(private readonly dataFolder: string) {}

  async begin(fileName: string, size: number): Promise<string> {
    const uploadId = randomBytes(16).toString('hex');
    const folder = path.join(uploadsFolder(this.dataFolder), uploadId);
    // The copy holds contacts: 0700 folders, a 0600 file (core/files/private-files.ts).
    await makePrivateFolder(uploadsFolder(this.dataFolder));
    await makePrivateFolder(folder);
    const filePath = path.join(folder, safeFileName(fileName));
    const handle = await openPrivateFile(filePath, 'w');
    this.uploads.set(uploadId, { fileName, size, filePath, handle, received: 0 });
    this.busy.add(uploadId);
    return uploadId;
  }

  /** Appends one slice; slices must come in order, so a lost one is noticed, not skipped. */
  async append(uploadId: string, offset: number, base64: string): Promise<number> {
    const upload = this.get(uploadId);
    if (offset !== upload.received) {
      throw uploadError(`Part of “${upload.fileName}” went missing on its way. Drop it again.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (upload.received + bytes.length > upload.size) {
      throw uploadError(`“${upload.fileName}” changed while it was being read. Drop it again.`);
    }
    await upload.handle.write(bytes, 0, bytes.length, offset);
    upload.received += bytes.length;
    return upload.received;
  }

  /** Closes the staged copy and hands back where it is; throws when bytes are missing. */
  async finish(uploadId: string): Promise<{ filePath: string; fileName: string }> {
    const upload = this.get(uploadId);
    this.uploads.delete(uploadId);
    await upload.handle.close();
    if (upload.received !== upload.size) {
      await this.discard(uploadId);
      this.release(uploadId);
      throw uploadError(`Only part of “${upload.fileName}” arrived. Drop it again.`);
    }
    return { filePath: upload.filePath, fileName: upload.fileName };
  }

  /** The upload's import is over: from now on its copy lives or goes with its segment. */
  release(uploadId: string): void {
    this.busy.delete(uploadId);
  }

  /** Deletes an upload's copy (its import failed). */
  async discard(uploadId: string): Promise<void> {
    await rm(path.join(uploadsFolder(this.dataFolder), uploadId), { recursive: true, force: true });
  }

  async cancel(uploadId: string): Promise<void> {
    const upload = this.uploads.get(uploadId);
    if (!upload) return;
    this.uploads.delete(uploadId);
    await upload.handle.close().catch(() => undefined);
    await this.discard(uploadId);
    this.release(uploadId);
  }

  /** Whether a path is one of our staged copies (so removing its segment may remove it). */
  owns(filePath: string): boolean {
    const relative = path.relative(uploadsFolder(this.dataFolder), filePath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /**
   * Deletes staged copies no segment uses any more (left by a kill during an upload or its
   * import, or an abandoned upload); returns the upload ids it removed.
   */
  async removeUnused(usedPaths: ReadonlySet<string>): Promise<string[]> {
    const folders = await readdir(uploadsFolder(this.dataFolder)).catch(() => []);
    const removed: string[] = [];
    for (const folder of folders) {
      if (this.isActive(folder)) continue;
      const full = path.join(uploadsFolder(this.dataFolder), folder);
      const files = await readdir(full).catch(() => []);
      if (!files.some((file) => usedPaths.has(path.join(full, file)))) {
        await rm(full, { recursive: true, force: true });
        removed.push(folder);
      }
    }
    return removed;
  }

  async dispose(): Promise<void> {
    for (const uploadId of [...this.uploads.keys()]) await this.cancel(uploadId);
  }

  private isActive(uploadId: string): boolean {
    return this.busy.has(uploadId);
  }

  private get(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) {
      throw uploadError('This file transfer was interrupted. Drop the file again.');
    }
    return upload;
  }
}

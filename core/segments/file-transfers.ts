import { randomBytes } from 'node:crypto';
import { readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { makePrivateFolder, openPrivateFile } from '../files/private-files';
import { ImportError } from '../import/import-error';

/**
 * File transfers: files the renderer streams to main in slices (a dropped file, whose path the
 * page may not know). Each lands in `<dataFolder>/segment-uploads/<transferId>/<file name>`, and
 * stays there as the segment's source, so the person can re-read it with another encoding or
 * delimiter. The folder keeps its first name: existing segments point at files in it.
 */
export function transfersFolder(dataFolder: string): string {
  return path.join(dataFolder, 'segment-uploads');
}

interface Transfer {
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

function transferError(message: string): ImportError {
  return new ImportError('unreadable', message, {});
}

/** The transfers under way, and the copies they left in the transfers folder. */
export class FileTransfers {
  private readonly transfers = new Map<string, Transfer>();
  /** Transfers still arriving or being imported: their copies are never swept. */
  private readonly busy = new Set<string>();

  constructor(private readonly dataFolder: string) {}

  async begin(fileName: string, size: number): Promise<string> {
    const transferId = randomBytes(16).toString('hex');
    const folder = path.join(transfersFolder(this.dataFolder), transferId);
    // The copy holds contacts: 0700 folders, a 0600 file (core/files/private-files.ts).
    await makePrivateFolder(transfersFolder(this.dataFolder));
    await makePrivateFolder(folder);
    const filePath = path.join(folder, safeFileName(fileName));
    const handle = await openPrivateFile(filePath, 'w');
    this.transfers.set(transferId, { fileName, size, filePath, handle, received: 0 });
    this.busy.add(transferId);
    return transferId;
  }

  /** Appends one slice; slices must come in order, so a lost one is noticed, not skipped. */
  async append(transferId: string, offset: number, base64: string): Promise<number> {
    const transfer = this.get(transferId);
    if (offset !== transfer.received) {
      throw transferError(`Part of “${transfer.fileName}” went missing on its way. Drop it again.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    if (transfer.received + bytes.length > transfer.size) {
      throw transferError(`“${transfer.fileName}” changed while it was being read. Drop it again.`);
    }
    await transfer.handle.write(bytes, 0, bytes.length, offset);
    transfer.received += bytes.length;
    return transfer.received;
  }

  /** Closes the transfer's copy and hands back where it is; throws when bytes are missing. */
  async finish(transferId: string): Promise<{ filePath: string; fileName: string }> {
    const transfer = this.get(transferId);
    this.transfers.delete(transferId);
    await transfer.handle.close();
    if (transfer.received !== transfer.size) {
      await this.discard(transferId);
      this.release(transferId);
      throw transferError(`Only part of “${transfer.fileName}” arrived. Drop it again.`);
    }
    return { filePath: transfer.filePath, fileName: transfer.fileName };
  }

  /** The transfer's import is over: from now on its copy lives or goes with its segment. */
  release(transferId: string): void {
    this.busy.delete(transferId);
  }

  /** Deletes a transfer's copy (its import failed). */
  async discard(transferId: string): Promise<void> {
    await rm(path.join(transfersFolder(this.dataFolder), transferId), {
      recursive: true,
      force: true,
    });
  }

  async cancel(transferId: string): Promise<void> {
    const transfer = this.transfers.get(transferId);
    if (!transfer) return;
    this.transfers.delete(transferId);
    await transfer.handle.close().catch(() => undefined);
    await this.discard(transferId);
    this.release(transferId);
  }

  /** Whether a path is one of the transfers' copies (so removing its segment may remove it). */
  owns(filePath: string): boolean {
    const relative = path.relative(transfersFolder(this.dataFolder), filePath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /**
   * Deletes transferred copies no segment uses any more (left by a kill during a transfer or its
   * import, or an abandoned transfer); returns the transfer ids it removed.
   */
  async removeUnused(usedPaths: ReadonlySet<string>): Promise<string[]> {
    const folders = await readdir(transfersFolder(this.dataFolder)).catch(() => []);
    const removed: string[] = [];
    for (const folder of folders) {
      if (this.isActive(folder)) continue;
      const full = path.join(transfersFolder(this.dataFolder), folder);
      const files = await readdir(full).catch(() => []);
      if (!files.some((file) => usedPaths.has(path.join(full, file)))) {
        await rm(full, { recursive: true, force: true });
        removed.push(folder);
      }
    }
    return removed;
  }

  async dispose(): Promise<void> {
    for (const transferId of [...this.transfers.keys()]) await this.cancel(transferId);
  }

  private isActive(transferId: string): boolean {
    return this.busy.has(transferId);
  }

  private get(transferId: string): Transfer {
    const transfer = this.transfers.get(transferId);
    if (!transfer) {
      throw transferError('This file transfer was interrupted. Drop the file again.');
    }
    return transfer;
  }
}

/**
 * The append-only journal: one JSON line per event, fsynced before a batch counts as done. Records
 * written together share one write and one fsync (group commit), so pipelined batches do not queue
 * behind each other's disk flushes. A kill can tear only the last line: reading skips it, and
 * opening for append cuts it off so the next record starts on a clean line.
 */
import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { openPrivateFile } from '../files/private-files';
import { journalRecordSchema, type JournalRecord } from './journal-records';

interface PendingGroup {
  readonly lines: string[];
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function newGroup(): PendingGroup {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  // A failed flush is reported to every append in the group; keep Node from calling it unhandled
  // when a caller has already stopped listening.
  promise.catch(() => undefined);
  return { lines: [], promise, resolve, reject };
}

/** Cuts a torn last line (no newline at the end) left by a kill in the middle of a write. */
async function cutTornTail(file: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    return;
  }
  if (size === 0) return;
  const handle = await open(file, 'r');
  try {
    let end = size;
    const chunk = Buffer.alloc(64 * 1024);
    while (end > 0) {
      const start = Math.max(0, end - chunk.length);
      const { bytesRead } = await handle.read(chunk, 0, end - start, start);
      const newline = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep !== size) await truncate(file, keep);
        return;
      }
      end = start;
    }
    await truncate(file, 0);
  } finally {
    await handle.close();
  }
}

/**
 * The journal could not be written (issue 12, item 12): said in words, since this sentence is what
 * the stopped job shows. The batches recorded before it are safe, so the job resumes once the
 * disk has room again.
 */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
  readonly code: string | undefined;
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk holding the data folder is full'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'the data folder can no longer be written to'
          : 'the disk refused the write';
    super(
      `Stopped: the export's progress could not be saved because ${why}. Every batch sent before this is recorded; fix that, then resume to send the rest.`,
      { cause },
    );
    this.code = code;
  }
}

export class JournalWriter {
  readonly #handle: FileHandle;
  #next: PendingGroup | null = null;
  #pumping = false;
  #drained: Promise<void> = Promise.resolve();
  #closed = false;

  private constructor(handle: FileHandle) {
    this.#handle = handle;
  }

  static async open(file: string): Promise<JournalWriter> {
    await cutTornTail(file);
    return new JournalWriter(await openPrivateFile(file, 'a'));
  }

  /** Resolves once the record is on disk (written and fsynced). */
  append(record: JournalRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The job journal is closed.'));
    this.#next ??= newGroup();
    this.#next.lines.push(`${JSON.stringify(record)}\n`);
    const { promise } = this.#next;
    if (!this.#pumping) this.#drained = this.#pump();
    return promise;
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    while (this.#next) {
      const group = this.#next;
      this.#next = null;
      try {
        await this.#handle.appendFile(group.lines.join(''), 'utf8');
        await this.#handle.datasync();
        group.resolve();
      } catch (error) {
        group.reject(new JournalWriteError(error));
      }
    }
    this.#pumping = false;
  }

  /** Waits for pending records, then closes the file. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#drained;
    await this.#handle.close();
  }
}

/** Streams the journal's records in order; missing file = no records; broken lines are skipped. */
export async function* readJournal(file: string): AsyncGenerator<JournalRecord> {
  let stream;
  try {
    await stat(file);
    stream = createReadStream(file, { encoding: 'utf8' });
  } catch {
    return;
  }
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // A torn last line from a kill mid-write: that batch was not done.
    }
    const record = journalRecordSchema.safeParse(parsed);
    if (record.success) yield record.data;
  }
}

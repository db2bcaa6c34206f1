import { Worker } from 'node:worker_threads';
import type { SnapshotRow } from './snapshot-format';
import {
  encodeBatch,
  jsonRowsRoom,
  writeAllAt,
  writeJsonRows,
  type EncodedBatch,
} from './snapshot-json-rows';

/**
 * A large snapshot's rows are written by a thread of their own, so the two cores overlap: the
 * import's thread reads, parses and validates while this one escapes and writes them.
 *
 * A batch crosses as snapshot-json-rows.ts encodes it, its three buffers transferred, not copied:
 * handing over strings or row objects costs the import's thread about as much as serializing them
 * itself (the structured clone copies them one by one).
 *
 * The thread runs from the source text of `rowsThreadMain` and of the functions it is given
 * (`eval`), so it is part of whatever bundle holds this file (the built Electron main, the command
 * line) and needs no file of its own beside it. It writes to the rows file the import opened (a
 * descriptor is shared by the process's threads), at positions it keeps, so starting over is a
 * truncation.
 */

/** Bytes of cells handed over and not yet written before the import waits. */
const inFlightLimit = 8 * 1024 * 1024;

type ThreadCommand =
  | (EncodedBatch & { readonly kind: 'rows'; readonly cost: number })
  | { readonly kind: 'reset' }
  | { readonly kind: 'end' };

type ThreadReply =
  | { readonly kind: 'written'; readonly cost: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'ended'; readonly rows: number }
  | { readonly kind: 'failed'; readonly message: string; readonly code?: string };

/**
 * The thread's whole program. It runs from its source text, so it uses nothing from outside its
 * body but what it is given, and names no inner function (a bundler keeping names would wrap
 * those in a helper the thread does not have).
 */
function rowsThreadMain(
  writeRows: typeof writeJsonRows,
  room: typeof jsonRowsRoom,
  writeAt: typeof writeAllAt,
): void {
  const fs = process.getBuiltinModule('node:fs');
  const threads = process.getBuiltinModule('node:worker_threads');
  const port = threads.parentPort;
  if (!port) return;
  const start = threads.workerData as { fd: number; position: number };
  const fd = start.fd;
  let out = Buffer.allocUnsafe(1 << 20);
  let position = start.position;
  let rows = 0;
  let failed = false;
  port.on('message', (command: ThreadCommand) => {
    if (failed) return;
    try {
      if (command.kind === 'reset') {
        fs.ftruncateSync(fd, 0);
        position = 0;
        rows = 0;
        port.postMessage({ kind: 'reset' } satisfies ThreadReply);
        return;
      }
      if (command.kind === 'end') {
        port.postMessage({ kind: 'ended', rows } satisfies ThreadReply);
        return;
      }
      if (out.length < room(command)) out = Buffer.allocUnsafe(room(command));
      position = writeAt(fd, out, writeRows(command, out), position);
      rows += command.lines.length;
      port.postMessage({ kind: 'written', cost: command.cost } satisfies ThreadReply);
    } catch (error) {
      failed = true;
      const { message, code } = error as NodeJS.ErrnoException;
      port.postMessage({ kind: 'failed', message: String(message), code } satisfies ThreadReply);
    }
  });
}

/** The thread's source; `__name` stands in for the naming helper a bundler may leave in it. */
const threadSource = [
  'const __name = (target) => target;',
  `(${rowsThreadMain.toString()})(${writeJsonRows.toString()}, ${jsonRowsRoom.toString()}, ${writeAllAt.toString()});`,
].join('\n');

function failureOf(reply: Extract<ThreadReply, { kind: 'failed' }>): Error {
  return Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
}

/** The rows thread of one snapshot being written: batches in, a count of rows written out. */
export class SnapshotRowsThread {
  private readonly worker: Worker;
  private inFlight = 0;
  private asked = 0;
  private answered = 0;
  private rowsWritten = 0;
  private failure: Error | null = null;
  private stopping = false;
  private readonly waiters = new Set<() => void>();

  /** Writes to `fd` from `position` on (the rows written before the thread started end there). */
  constructor(fd: number, position: number) {
    this.worker = new Worker(threadSource, { eval: true, workerData: { fd, position } });
    this.worker.on('message', (reply: ThreadReply) => this.receive(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.stopping) {
        this.fail(new Error(`The thread writing the snapshot stopped (exit code ${code}).`));
      }
    });
  }

  /** Hands rows over; false when the thread is behind and the caller should await `drained()`. */
  write(rows: readonly SnapshotRow[]): boolean {
    this.check();
    // One message per batch the reader hands on: gathering more rows first keeps them alive
    // longer, and the collector's extra work outweighs the wake-ups saved (same-run A/B).
    const batch = encodeBatch(rows);
    const command = { kind: 'rows' as const, ...batch, cost: batch.cells.byteLength + rows.length };
    this.inFlight += command.cost;
    this.worker.postMessage(command, [command.lines.buffer, command.widths.buffer, command.cells]);
    return this.inFlight < inFlightLimit;
  }

  drained(): Promise<void> {
    return this.until(() => this.inFlight < inFlightLimit);
  }

  /** Empties the rows file (the file is read again in another encoding). */
  async reset(): Promise<void> {
    await this.ask({ kind: 'reset' });
    this.rowsWritten = 0;
  }

  /** Waits for every row to be written; answers how many were. */
  async finish(): Promise<number> {
    await this.ask({ kind: 'end' });
    return this.rowsWritten;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }

  private ask(command: ThreadCommand): Promise<void> {
    this.check();
    this.asked += 1;
    const asked = this.asked;
    this.worker.postMessage(command);
    return this.until(() => this.answered >= asked);
  }

  private receive(reply: ThreadReply): void {
    if (reply.kind === 'failed') {
      this.fail(failureOf(reply));
      return;
    }
    if (reply.kind === 'written') this.inFlight -= reply.cost;
    else this.answered += 1;
    if (reply.kind === 'ended') this.rowsWritten = reply.rows;
    this.notify();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Resolves once `done` holds; rejects as soon as the thread fails. */
  private until(done: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter = () => {
        if (this.failure) {
          this.waiters.delete(waiter);
          reject(this.failure);
        } else if (done()) {
          this.waiters.delete(waiter);
          resolve();
        }
      };
      this.waiters.add(waiter);
      waiter();
    });
  }
}

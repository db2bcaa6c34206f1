import type { SnapshotRow } from './snapshot-format';

/**
 * Snapshot rows as rows.jsonl holds them, written from bytes: a batch is its line numbers, its
 * rows' widths and its cells in UTF-8 joined by NUL bytes (`encodeBatch`), and `writeJsonRows`
 * writes `{"line":N,"cells":[...]}` lines from that, escaping as JSON.stringify does. The text the
 * reader decodes is well formed, so it has no lone surrogate for JSON.stringify to escape; the
 * reader refuses text holding NUL (read-pass.ts), so no cell holds one, and a batch whose cells do
 * not add up is refused, never written wrong.
 *
 * Measured against one JSON.stringify per batch and a UTF-8 encoding of its text: the import's
 * thread does less (one join and one encoding of the cells alone), and the bytes can be handed
 * to another thread without a copy (snapshot-rows-thread.ts).
 */
export interface EncodedBatch {
  readonly lines: Int32Array<ArrayBuffer>;
  readonly widths: Int32Array<ArrayBuffer>;
  /** The cells in UTF-8, separated by a NUL byte. */
  readonly cells: ArrayBuffer;
}

export function encodeBatch(rows: readonly SnapshotRow[]): EncodedBatch {
  const lines = new Int32Array(rows.length);
  const widths = new Int32Array(rows.length);
  const cells: string[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] as SnapshotRow;
    lines[index] = row.line;
    widths[index] = row.cells.length;
    for (const cell of row.cells) cells.push(cell);
  }
  const bytes = Buffer.from(cells.join('\u0000'), 'utf8');
  // A large string gets a buffer of its own, used as is; a small one shares a pool.
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return {
    lines,
    widths,
    cells: whole ? (bytes.buffer as ArrayBuffer) : new Uint8Array(bytes).buffer,
  };
}

/** The most bytes a batch's lines can take: every byte escaped as \u00XX, and each row's frame. */
export function jsonRowsRoom(batch: EncodedBatch): number {
  return batch.cells.byteLength * 6 + batch.lines.length * 40 + 64;
}

/**
 * Writes the batch's JSON lines into `out` (at least `jsonRowsRoom` long); answers their length.
 * It also runs in the rows thread from its source text: it uses nothing from outside its body.
 */
export function writeJsonRows(batch: EncodedBatch, out: Buffer): number {
  const { lines, widths } = batch;
  const cells = new Uint8Array(batch.cells);
  const end = cells.length;
  // JSON.stringify's short escapes for \b \t \n \f \r (0 where it writes \u00XX).
  const shortEscapes = [0, 0, 0, 0, 0, 0, 0, 0, 98, 116, 110, 0, 102, 114];
  const hex = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
  let at = 0;
  let o = 0;
  let first = true;
  for (let row = 0; row < lines.length; row += 1) {
    o += out.write(`{"line":${lines[row] ?? 0},"cells":[`, o, 'latin1');
    const width = widths[row] ?? 0;
    for (let cell = 0; cell < width; cell += 1) {
      if (!first) {
        if (cells[at] !== 0) throw new Error('The snapshot rows were handed over damaged.');
        at += 1;
      }
      first = false;
      if (cell > 0) out[o++] = 44;
      out[o++] = 34;
      for (; at < end; at += 1) {
        const byte = cells[at] as number;
        if (byte >= 0x20 && byte !== 34 && byte !== 92) {
          out[o++] = byte;
          continue;
        }
        if (byte === 0) break;
        out[o++] = 92;
        const short = shortEscapes[byte] ?? 0;
        if (byte === 34 || byte === 92) out[o++] = byte;
        else if (short !== 0) out[o++] = short;
        else {
          out[o++] = 117;
          out[o++] = 48;
          out[o++] = 48;
          out[o++] = hex[byte >> 4] as number;
          out[o++] = hex[byte & 15] as number;
        }
      }
      out[o++] = 34;
    }
    out[o++] = 93;
    out[o++] = 125;
    out[o++] = 10;
  }
  // A NUL inside a value shows as one separator too many.
  if (at !== end) throw new Error('A value of the snapshot holds a NUL character.');
  return o;
}

/** Writes all of `length` bytes of `out` to `fd` at `position`; answers the position after. */
export function writeAllAt(fd: number, out: Buffer, length: number, position: number): number {
  const { writeSync } = process.getBuiltinModule('node:fs');
  let at = position;
  for (let offset = 0; offset < length;) {
    const written = writeSync(fd, out, offset, length - offset, at);
    offset += written;
    at += written;
  }
  return at;
}

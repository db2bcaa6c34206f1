/**
 * The delivery ledger of one list, read into memory for counting an export: for each email this
 * app delivered there (and did not take off since), the fingerprint of the fields it sent. Kept
 * as two sorted typed arrays (16 bytes per email), so a million emails cost 16 MB and a lookup is
 * a binary search. The log is compacted here (rewritten with one line per email) once it holds
 * more than twice the lines it needs; batches only ever append.
 */
import { replaceFileAtomic } from '../files/private-files';
import { GrowableFloat64, indexOfSorted } from './growable';
import { readEntries, formatEntry } from './ledger-log';

export class LedgerIndex {
  readonly #keys: Float64Array;
  readonly #fingerprints: Float64Array;
  /** Lines in the log, and lines that still say something (one per email on the list). */
  readonly lines: number;

  /** Line numbers of the lines that still count, ascending (what a compaction keeps). */
  readonly liveLines: Float64Array;

  constructor(
    keys: Float64Array,
    fingerprints: Float64Array,
    lines: number,
    liveLines: Float64Array,
  ) {
    this.#keys = keys;
    this.#fingerprints = fingerprints;
    this.lines = lines;
    this.liveLines = liveLines;
  }

  static empty(): LedgerIndex {
    const none = new Float64Array(0);
    return new LedgerIndex(none, none, 0, none);
  }

  /** Emails on the list as far as this app knows (delivered, not taken off). */
  get size(): number {
    return this.#keys.length;
  }

  /** The fingerprint last delivered for this email key, or undefined when never (or removed). */
  fingerprint(key: number): number | undefined {
    const at = indexOfSorted(this.#keys, key);
    return at < 0 ? undefined : this.#fingerprints[at];
  }

  /** Every member key, ascending. */
  keys(): Float64Array {
    return this.#keys;
  }
}

/**
 * Reads the log: the last line per email wins. Each line costs three numbers while reading (its
 * key, fingerprint and line number, in typed arrays), then the winners are kept.
 */
export async function loadLedgerIndex(file: string): Promise<LedgerIndex> {
  const keys = new GrowableFloat64();
  const fingerprints = new GrowableFloat64();
  const lineNumbers = new GrowableFloat64();
  for await (const { line, entry } of readEntries(file)) {
    keys.push(entry.key);
    fingerprints.push(entry.kind === 'delivered' ? entry.fingerprint : Number.NaN);
    lineNumbers.push(line);
  }
  // Positions sorted by key, and by file order within a key, so the last of each run wins.
  const order = new Uint32Array(keys.length);
  for (let index = 0; index < order.length; index += 1) order[index] = index;
  order.sort((a, b) => keys.at(a) - keys.at(b) || a - b);
  const winners: number[] = [];
  for (let at = 0; at < order.length; at += 1) {
    const position = order[at] as number;
    const next = order[at + 1];
    if (next !== undefined && keys.at(next) === keys.at(position)) continue;
    if (!Number.isNaN(fingerprints.at(position))) winners.push(position);
  }
  const sortedKeys = new Float64Array(winners.length);
  const sortedFingerprints = new Float64Array(winners.length);
  const liveLines = new Float64Array(winners.length);
  winners.forEach((position, index) => {
    sortedKeys[index] = keys.at(position);
    sortedFingerprints[index] = fingerprints.at(position);
    liveLines[index] = lineNumbers.at(position);
  });
  liveLines.sort();
  return new LedgerIndex(sortedKeys, sortedFingerprints, keys.length, liveLines);
}

/** Whether the log holds more than twice the lines it needs (and enough to be worth it). */
export function needsCompaction(index: LedgerIndex): boolean {
  return index.lines > 1_000 && index.lines > 2 * index.size;
}

/** About this much of the rewritten log is gathered before each write. */
const compactionChunkChars = 1 << 20;

/**
 * Rewrites the log with the one delivered line per member, atomically (core/files'
 * replaceFileAtomic: a private temporary file, fsync, rename, the folder flushed). Appends from a
 * run in another process in the same instant could be lost; that costs a re-send of those
 * contacts, never a false claim.
 */
export async function compactLedger(file: string, index: LedgerIndex): Promise<void> {
  await replaceFileAtomic(file, async (handle) => {
    let next = 0;
    let chunk = '';
    for await (const { line, entry } of readEntries(file)) {
      if (index.liveLines[next] !== line) continue;
      next += 1;
      chunk += formatEntry(entry);
      if (chunk.length < compactionChunkChars) continue;
      await handle.write(chunk);
      chunk = '';
    }
    if (chunk) await handle.write(chunk);
  });
}

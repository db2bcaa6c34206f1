import { emailKey } from '../../shared/segments/email';

/**
 * The addresses seen so far, compared as emailKey compares them (case-insensitively), with the
 * line each first appeared on: exact duplicate detection in bounded memory. A `Map<string, number>`
 * of a million addresses costs about 100 MB of JavaScript heap and slows every garbage collection;
 * here keys live as UTF-8 bytes in one buffer and the hash table in typed arrays (about 45 MB for a
 * million, outside the scanned heap), and a plain-ASCII address is lower-cased, hashed and copied in
 * one pass, without a new string.
 */
const emptySlot = 0;

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1a over UTF-16 code units: cheap, and well spread for short strings. */
function hashKey(key: string): number {
  let hash = fnvOffset;
  for (let index = 0; index < key.length; index += 1) {
    hash = Math.imul(hash ^ key.charCodeAt(index), fnvPrime);
  }
  return hash | 0;
}

function grown(array: Int32Array<ArrayBuffer>, minimum: number): Int32Array<ArrayBuffer> {
  if (array.length >= minimum) return array;
  const larger = new Int32Array(Math.max(minimum, array.length * 2));
  larger.set(array);
  return larger;
}

export class EmailIndex {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private bytesUsed = 0;
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  /** Open addressing, linear probing: entry index + 1, or 0 when free. Kept under half full. */
  private slots = new Int32Array(2048);

  get size(): number {
    return this.count;
  }

  /**
   * Makes room for about `entries` addresses at once, so a big file is not rehashed a dozen times
   * on the way (each rehash touches every entry again: a tenth of a million-row import).
   */
  reserve(entries: number): void {
    if (entries <= this.count) return;
    this.starts = grown(this.starts, entries);
    this.ends = grown(this.ends, entries);
    this.hashes = grown(this.hashes, entries);
    this.lines = grown(this.lines, entries);
    let size = this.slots.length;
    while (size < entries * 2) size *= 2;
    if (size > this.slots.length) this.rehashInto(size);
  }

  /** The line `email` first appeared on; or, when new, records it on `line` and answers 0. */
  firstLineOrAdd(email: string, line: number): number {
    this.makeRoom(email.length * 3);
    let { hash, length } = this.stageAscii(email);
    if (length < 0) {
      const key = emailKey(email);
      hash = hashKey(key);
      length = this.bytes.write(key, this.bytesUsed, 'utf8');
    }
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot] ?? emptySlot;
      if (entry === emptySlot) break;
      if (this.hashes[entry - 1] === hash && this.sameBytes(entry - 1, length)) {
        return this.lines[entry - 1] ?? 0;
      }
      slot = (slot + 1) & mask;
    }
    this.insert(slot, hash, length, line);
    return 0;
  }

  private makeRoom(room: number): void {
    if (this.bytesUsed + room <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.bytesUsed + room));
    this.bytes.copy(larger, 0, 0, this.bytesUsed);
    this.bytes = larger;
  }

  /**
   * Lower-cases, hashes and copies a plain-ASCII address after the used part of the buffer (not
   * yet kept), as emailKey plus hashKey would; length -1 when the address is not plain ASCII.
   */
  private stageAscii(email: string): { hash: number; length: number } {
    const bytes = this.bytes;
    let position = this.bytesUsed;
    let hash = fnvOffset;
    for (let index = 0; index < email.length; index += 1) {
      let code = email.charCodeAt(index);
      if (code > 0x7f) return { hash, length: -1 };
      if (code >= 0x41 && code <= 0x5a) code |= 0x20;
      hash = Math.imul(hash ^ code, fnvPrime);
      bytes[position] = code;
      position += 1;
    }
    return { hash: hash | 0, length: email.length };
  }

  private sameBytes(entry: number, length: number): boolean {
    const start = this.starts[entry] ?? 0;
    const end = this.ends[entry] ?? 0;
    if (end - start !== length) return false;
    return (
      this.bytes.compare(this.bytes, start, end, this.bytesUsed, this.bytesUsed + length) === 0
    );
  }

  private insert(slot: number, hash: number, length: number, line: number): void {
    const entry = this.count;
    this.starts = grown(this.starts, entry + 1);
    this.ends = grown(this.ends, entry + 1);
    this.hashes = grown(this.hashes, entry + 1);
    this.lines = grown(this.lines, entry + 1);
    this.starts[entry] = this.bytesUsed;
    this.ends[entry] = this.bytesUsed + length;
    this.hashes[entry] = hash;
    this.lines[entry] = line;
    this.bytesUsed += length;
    this.slots[slot] = entry + 1;
    this.count += 1;
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.rehashInto(this.slots.length * 2);
  }

  private rehashInto(size: number): void {
    const slots = new Int32Array(size);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry += 1) {
      let slot = (this.hashes[entry] ?? 0) & mask;
      while (slots[slot] !== emptySlot) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

import { emailKey } from '../../shared/segments/email';

/**
 * The addresses seen so far, compared as emailKey compares them (case-insensitively), with the
 * line each first appeared on: exact duplicate detection in bounded memory. A `Map<string, number>`
 * of a million addresses costs about 100 MB of JavaScript heap and slows every garbage collection;
 * here keys live as UTF-8 bytes in one buffer and the hash table in typed arrays (about 50 MB for a
 * million, outside the scanned heap), and a plain-ASCII address is checked, lower-cased, hashed and
 * copied in one pass, without a new string.
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

/**
 * Character classes for the plain-ASCII address scan: the fast pattern of isValidEmail
 * (shared/segments/email.ts), rule for rule. `local`: allowed before the @; `alnum`: a letter or a
 * digit, allowed anywhere in a domain label; `digit`: 0-9.
 */
const local = 1;
const alnum = 2;
const digit = 4;
const dot = 0x2e;
const hyphen = 0x2d;
const at = 0x40;
const longestAddress = 254;
const longestLocalPart = 64;
const longestLabel = 63;

function asciiClasses(): Uint8Array {
  const classes = new Uint8Array(128);
  const localRanges = [
    [0x21, 0x21],
    [0x23, 0x27],
    [0x2a, 0x2b],
    [0x2d, 0x39],
    [0x3d, 0x3d],
    [0x3f, 0x3f],
    [0x41, 0x5a],
    [0x5e, 0x7e],
  ] as const;
  for (const [from, to] of localRanges) {
    for (let code = from; code <= to; code += 1) classes[code] = local;
  }
  for (let code = 0x30; code <= 0x39; code += 1) classes[code] = local | alnum | digit;
  for (let code = 0x41; code <= 0x5a; code += 1) classes[code] = local | alnum;
  for (let code = 0x61; code <= 0x7a; code += 1) classes[code] = local | alnum;
  return classes;
}

const classes = asciiClasses();

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
  private lines = new Int32Array(1024);
  private count = 0;
  private stagedHash = 0;
  /**
   * Open addressing, linear probing, kept under half full. Each slot is two numbers: the entry
   * index + 1 (0 when free) and the key's hash beside it, so a probe that meets another key is
   * told apart without a second random read (the slot array is the one cache miss per lookup).
   */
  private slots = new Int32Array(2 * 2048);

  private get slotCount(): number {
    return this.slots.length >> 1;
  }

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
    this.lines = grown(this.lines, entries);
    let size = this.slotCount;
    while (size < entries * 2) size *= 2;
    if (size > this.slotCount) this.rehashInto(size);
  }

  /**
   * The line `email` first appeared on; or, when new, records it on `line` and answers 0. The
   * general path, for what the checked scan below does not take (accented or unusual addresses):
   * for a plain-ASCII key it stages the same bytes and hash, so either lookup finds the other's.
   */
  firstLineOrAdd(email: string, line: number): number {
    this.makeRoom(email.length * 3);
    const key = emailKey(email);
    const length = this.bytes.write(key, this.bytesUsed, 'utf8');
    return this.lookUp(hashKey(key), length, line);
  }

  /**
   * firstLineOrAdd for an address still to be checked, checked in the same pass over its
   * characters: a plain-ASCII address that isValidEmail's fast pattern accepts is looked up and
   * answered as firstLineOrAdd answers. Any other address (invalid, or not plain ASCII) answers -1
   * and is not recorded: the caller judges it with isValidEmail itself. One scan instead of a
   * pattern match and then a scan: about a tenth of a million-row import.
   */
  firstLineOrAddIfPlainValid(email: string, line: number): number {
    if (email.length > longestAddress) return -1;
    this.makeRoom(email.length);
    const length = this.stageCheckedAscii(email);
    return length < 0 ? -1 : this.lookUp(this.stagedHash, length, line);
  }

  /** The entry of the staged key, or a new one on `line` (answering 0). */
  private lookUp(hash: number, length: number, line: number): number {
    const slots = this.slots;
    const mask = this.slotCount - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot] ?? emptySlot;
      if (entry === emptySlot) break;
      if (slots[2 * slot + 1] === hash && this.sameBytes(entry - 1, length)) {
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
   * yet kept), as emailKey plus hashKey would, leaving the hash in `stagedHash` (no object per
   * address for the collector), and checks on the way that isValidEmail's fast pattern accepts it:
   * a local part of 1 to 64 allowed characters, neither starting nor ending with a dot nor holding
   * two in a row; one @; then dot-separated labels of letters, digits and inner hyphens, at most 63
   * long, at least two of them, the last at least 2 long and not all digits. Answers -1 otherwise.
   */
  private stageCheckedAscii(email: string): number {
    const bytes = this.bytes;
    let position = this.bytesUsed;
    let hash = fnvOffset;
    let atIndex = -1;
    let previous = dot; // a dot "before" the first character: no leading dot
    let labels = 0;
    let labelLength = 0;
    let labelDigitsOnly = true;
    for (let index = 0; index < email.length; index += 1) {
      let code = email.charCodeAt(index);
      if (code > 0x7f) return -1;
      const kind = classes[code] ?? 0;
      if (atIndex < 0) {
        if (code === at) {
          if (index === 0 || index > longestLocalPart || previous === dot) return -1;
          atIndex = index;
        } else if ((kind & local) === 0 || (code === dot && previous === dot)) {
          return -1;
        }
      } else if ((kind & alnum) !== 0) {
        labelLength += 1;
        if ((kind & digit) === 0) labelDigitsOnly = false;
      } else if (code === hyphen) {
        if (labelLength === 0) return -1;
        labelLength += 1;
        labelDigitsOnly = false;
      } else if (code === dot) {
        if (labelLength === 0 || previous === hyphen || labelLength > longestLabel) return -1;
        labels += 1;
        labelLength = 0;
        labelDigitsOnly = true;
      } else {
        return -1;
      }
      previous = code;
      if (code >= 0x41 && code <= 0x5a) code |= 0x20;
      hash = Math.imul(hash ^ code, fnvPrime);
      bytes[position] = code;
      position += 1;
    }
    if (atIndex < 0 || labels === 0 || previous === hyphen) return -1;
    if (labelLength < 2 || labelLength > longestLabel || labelDigitsOnly) return -1;
    this.stagedHash = hash | 0;
    return email.length;
  }

  /** Byte by byte: for keys this short a loop beats the call into Buffer.compare. */
  private sameBytes(entry: number, length: number): boolean {
    const start = this.starts[entry] ?? 0;
    if ((this.ends[entry] ?? 0) - start !== length) return false;
    const bytes = this.bytes;
    const staged = this.bytesUsed;
    for (let index = 0; index < length; index += 1) {
      if (bytes[start + index] !== bytes[staged + index]) return false;
    }
    return true;
  }

  private insert(slot: number, hash: number, length: number, line: number): void {
    const entry = this.count;
    this.starts = grown(this.starts, entry + 1);
    this.ends = grown(this.ends, entry + 1);
    this.lines = grown(this.lines, entry + 1);
    this.starts[entry] = this.bytesUsed;
    this.ends[entry] = this.bytesUsed + length;
    this.lines[entry] = line;
    this.bytesUsed += length;
    this.slots[2 * slot] = entry + 1;
    this.slots[2 * slot + 1] = hash;
    this.count += 1;
    if (this.count * 2 > this.slotCount) this.rehashInto(this.slotCount * 2);
  }

  private rehashInto(size: number): void {
    const old = this.slots;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from] ?? emptySlot;
      if (entry === emptySlot) continue;
      const hash = old[from + 1] ?? 0;
      let slot = hash & mask;
      while (slots[2 * slot] !== emptySlot) slot = (slot + 1) & mask;
      slots[2 * slot] = entry;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }
}

/**
 * Remembers every email key of a segment and the line it first appeared on, so each address is
 * sent once. A plain Map of a million strings costs ~130 MB; this keeps the keys as UTF-8 bytes in
 * one buffer with an open-addressing hash table of typed arrays (~45 MB for a million, sized up
 * front from the row count when known), and compares the bytes on every hash match, so two
 * addresses are never confused.
 */
function fnv1a(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) {
    hash ^= bytes[index] as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function grown<T extends Int32Array | Uint32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}

function powerOfTwoAbove(value: number): number {
  let size = 1024;
  while (size < value) size *= 2;
  return size;
}

export class FirstSeenEmails {
  #bytes: Buffer;
  #used = 0;
  /** Entry e's bytes are #bytes[#starts[e] .. #starts[e + 1]) (the last one ends at #used). */
  #starts: Uint32Array;
  #lines: Int32Array;
  #count = 0;
  /** Slot → entry number + 1 (0 = empty). A power of two, kept at most half full. */
  #slots: Int32Array;

  /** `expectedKeys`: the segment's row count, so nothing has to grow (and be copied) on the way. */
  constructor(expectedKeys = 16_384) {
    const entries = Math.max(1024, expectedKeys + 1);
    this.#bytes = Buffer.alloc(Math.max(64 * 1024, entries * 32));
    this.#starts = new Uint32Array(entries);
    this.#lines = new Int32Array(entries);
    this.#slots = new Int32Array(powerOfTwoAbove(entries * 2));
  }

  get size(): number {
    return this.#count;
  }

  /**
   * Records `key` on `line` if it is new and returns undefined; if seen before, returns the line
   * it was first seen on.
   */
  firstLine(key: string, line: number): number | undefined {
    const start = this.#used;
    this.#reserve(key.length * 3);
    const end = start + this.#bytes.write(key, start, 'utf8');
    const hash = fnv1a(this.#bytes, start, end);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.#slots[slot] as number) - 1;
      if (entry < 0) {
        this.#add(slot, end, line);
        return undefined;
      }
      if (this.#sameBytes(entry, start, end)) return this.#lines[entry];
    }
  }

  #end(entry: number): number {
    return entry + 1 < this.#count ? (this.#starts[entry + 1] as number) : this.#used;
  }

  #sameBytes(entry: number, start: number, end: number): boolean {
    const other = this.#starts[entry] as number;
    const otherEnd = this.#end(entry);
    if (otherEnd - other !== end - start) return false;
    return this.#bytes.compare(this.#bytes, start, end, other, otherEnd) === 0;
  }

  #add(slot: number, end: number, line: number): void {
    if (this.#count + 1 >= this.#starts.length) {
      const size = Math.ceil(this.#starts.length * 1.5);
      this.#starts = grown(this.#starts, size);
      this.#lines = grown(this.#lines, size);
    }
    const entry = this.#count;
    this.#starts[entry] = this.#used;
    this.#lines[entry] = line;
    this.#slots[slot] = entry + 1;
    this.#count += 1;
    this.#used = end;
    if (this.#count * 2 > this.#slots.length) this.#rehash();
  }

  #reserve(extra: number): void {
    if (this.#used + extra <= this.#bytes.length) return;
    const bigger = Buffer.alloc(Math.max(Math.ceil(this.#bytes.length * 1.5), this.#used + extra));
    this.#bytes.copy(bigger, 0, 0, this.#used);
    this.#bytes = bigger;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.#count; entry += 1) {
      let slot = fnv1a(this.#bytes, this.#starts[entry] as number, this.#end(entry)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}

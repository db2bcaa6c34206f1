/**
 * A set of row positions, one bit per row in file order, built by appending rows as a count reads
 * them. Kept for the column facts (core/exports/column-facts.ts): 1,000,000 rows cost 125 KB, and
 * two sets are intersected a word (32 rows) at a time, so a recount never walks rows one by one.
 */
import { RowSelection } from '../upload/row-selection';

function bitCount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export class RowBits {
  #words: Uint32Array;
  #rows = 0;

  constructor(expectedRows = 1024, words?: Uint32Array, rows = 0) {
    this.#words = words ?? new Uint32Array(Math.ceil(Math.max(expectedRows, 32) / 32));
    this.#rows = rows;
  }

  get rows(): number {
    return this.#rows;
  }

  has(row: number): boolean {
    return row < this.#rows && (((this.#words[row >>> 5] as number) >>> (row & 31)) & 1) === 1;
  }

  /** Appends the next row, in the set or not. */
  push(member: boolean): void {
    const row = this.#rows;
    if (row >>> 5 >= this.#words.length) {
      const bigger = new Uint32Array(this.#words.length * 2);
      bigger.set(this.#words);
      this.#words = bigger;
    }
    if (member) this.#words[row >>> 5] = (this.#words[row >>> 5] as number) | (1 << (row & 31));
    this.#rows += 1;
  }

  /** Rows in the set. */
  count(): number {
    return this.countWith(this);
  }

  /** Rows in both sets. */
  countWith(other: RowBits): number {
    const words = Math.min(this.#words.length, other.#words.length);
    let total = 0;
    for (let index = 0; index < words; index += 1) {
      total += bitCount((this.#words[index] as number) & (other.#words[index] as number));
    }
    return total;
  }

  /** The first row in both sets, or undefined when they share none. */
  firstWith(other: RowBits): number | undefined {
    const words = Math.min(this.#words.length, other.#words.length);
    for (let index = 0; index < words; index += 1) {
      const common = (this.#words[index] as number) & (other.#words[index] as number);
      if (common !== 0) return index * 32 + (31 - Math.clz32(common & -common));
    }
    return undefined;
  }

  /** The rows of this set that are not in `other`. */
  without(other: RowBits): RowBits {
    const words = this.#words.map((word, index) => word & ~(other.#words[index] ?? 0));
    return new RowBits(0, words, this.#rows);
  }

  /** The same rows as the engine's selection (core/upload/row-selection.ts), stored with a job. */
  toSelection(): RowSelection {
    const bytes = new Uint8Array(Math.ceil(this.#rows / 8));
    for (let index = 0; index < bytes.length; index += 1) {
      bytes[index] = ((this.#words[index >>> 2] as number) >>> ((index & 3) * 8)) & 0xff;
    }
    return new RowSelection(bytes, this.#rows);
  }
}

/**
 * Which rows of a segment become contacts, one bit per row in file order. Decided once, when the
 * export is counted (email usable, values fit, first time the email appears), and stored with the
 * job, so a run never needs to remember a million emails again: 1,000,000 rows cost 125 KB.
 */
export class RowSelection {
  #bits: Uint8Array;
  #rows = 0;
  #selected = 0;

  constructor(bits: Uint8Array = new Uint8Array(1024), rows = 0) {
    this.#bits = bits;
    this.#rows = rows;
    for (let index = 0; index < rows; index += 1) if (this.has(index)) this.#selected += 1;
  }

  /** Rows judged so far. */
  get rows(): number {
    return this.#rows;
  }

  /** Rows selected (the segment's contacts). */
  get selected(): number {
    return this.#selected;
  }

  has(row: number): boolean {
    return row < this.#rows && (((this.#bits[row >> 3] as number) >> (row & 7)) & 1) === 1;
  }

  /** Judges the next row. */
  push(selected: boolean): void {
    const row = this.#rows;
    if (row >> 3 >= this.#bits.length) {
      const bigger = new Uint8Array(this.#bits.length * 2);
      bigger.set(this.#bits);
      this.#bits = bigger;
    }
    if (selected) {
      this.#bits[row >> 3] = (this.#bits[row >> 3] as number) | (1 << (row & 7));
      this.#selected += 1;
    }
    this.#rows += 1;
  }

  /** On disk: a 4-byte little-endian row count, then the bits. */
  toBytes(): Uint8Array {
    const bytes = new Uint8Array(4 + Math.ceil(this.#rows / 8));
    new DataView(bytes.buffer).setUint32(0, this.#rows, true);
    bytes.set(this.#bits.subarray(0, bytes.length - 4), 4);
    return bytes;
  }

  static fromBytes(bytes: Uint8Array): RowSelection {
    if (bytes.length < 4) throw new Error('The row selection is damaged.');
    const rows = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
    if (bytes.length !== 4 + Math.ceil(rows / 8)) throw new Error('The row selection is damaged.');
    return new RowSelection(bytes.slice(4), rows);
  }
}

/**
 * A set of batch sequence numbers kept as sorted, disjoint ranges. Batches finish almost in order,
 * so a 1,000,000-contact job (10,000 batches) collapses to a handful of ranges instead of a set of
 * every number: the done-set stays tiny however big the job is.
 */
export class SequenceSet {
  /** [first, last] inclusive, sorted by first, never touching or overlapping. */
  readonly #ranges: [number, number][] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get rangeCount(): number {
    return this.#ranges.length;
  }

  /** Index of the last range whose start is <= value, or -1. */
  #find(value: number): number {
    let low = 0;
    let high = this.#ranges.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = this.#ranges[middle] as [number, number];
      if (range[0] <= value) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  has(value: number): boolean {
    const index = this.#find(value);
    const range = this.#ranges[index];
    return range !== undefined && value <= range[1];
  }

  add(value: number): void {
    if (this.has(value)) return;
    this.#size += 1;
    const index = this.#find(value);
    const before = this.#ranges[index];
    const after = this.#ranges[index + 1];
    const joinsBefore = before !== undefined && before[1] === value - 1;
    const joinsAfter = after !== undefined && after[0] === value + 1;
    if (joinsBefore && joinsAfter) {
      before[1] = after[1];
      this.#ranges.splice(index + 1, 1);
    } else if (joinsBefore) {
      before[1] = value;
    } else if (joinsAfter) {
      after[0] = value;
    } else {
      this.#ranges.splice(index + 1, 0, [value, value]);
    }
  }
}

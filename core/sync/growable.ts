/** A Float64Array that grows by doubling: the ledger's columns without a JS array per entry. */
export class GrowableFloat64 {
  #values = new Float64Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.#values.length) {
      const bigger = new Float64Array(this.#values.length * 2);
      bigger.set(this.#values);
      this.#values = bigger;
    }
    this.#values[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.#values[index] as number;
  }

  /** The filled part, sorted ascending (a copy). */
  sorted(): Float64Array {
    return this.#values.slice(0, this.length).sort();
  }
}

/** Binary search in an ascending Float64Array. */
export function indexOfSorted(values: Float64Array, value: number, length = values.length): number {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = values[middle] as number;
    if (found === value) return middle;
    if (found < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

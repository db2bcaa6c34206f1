/**
 * A bounded hand-over between the row reader (one producer) and the senders (a few consumers). The
 * bound is what keeps memory flat: the reader waits while the senders are behind.
 */
export class AsyncQueue<T> {
  readonly #capacity: number;
  readonly #items: T[] = [];
  readonly #takers: ((item: T | undefined) => void)[] = [];
  readonly #pushers: (() => void)[] = [];
  #ended = false;
  #closed = false;

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity);
  }

  /** Waits for room; resolves false when the queue was closed (stop taking work). */
  async push(item: T): Promise<boolean> {
    while (!this.#closed && this.#items.length >= this.#capacity) {
      await new Promise<void>((resolve) => this.#pushers.push(resolve));
    }
    if (this.#closed) return false;
    const taker = this.#takers.shift();
    if (taker) taker(item);
    else this.#items.push(item);
    return true;
  }

  /** The next item, or undefined once the queue is ended and empty, or closed. */
  take(): Promise<T | undefined> {
    if (this.#closed) return Promise.resolve(undefined);
    const item = this.#items.shift();
    if (item !== undefined) {
      this.#pushers.shift()?.();
      return Promise.resolve(item);
    }
    if (this.#ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#takers.push(resolve));
  }

  /** No more items will come; consumers drain what is left. */
  end(): void {
    this.#ended = true;
    for (const taker of this.#takers.splice(0)) taker(undefined);
  }

  /** Stop now: pending items are dropped, waiting producers and consumers are released. */
  close(): void {
    this.#closed = true;
    this.#items.length = 0;
    for (const taker of this.#takers.splice(0)) taker(undefined);
    for (const pusher of this.#pushers.splice(0)) pusher();
  }
}

/** Latency and slow-answer waits that close() can cut short, so no timer outlives the emulator. */
export class Delays {
  readonly #pending = new Map<NodeJS.Timeout, () => void>();

  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(timer);
        resolve();
      }, ms);
      this.#pending.set(timer, resolve);
    });
  }

  /** Ends every wait now; callers then find their response destroyed and write nothing. */
  cancelAll(): void {
    this.#pending.forEach((resolve, timer) => {
      clearTimeout(timer);
      resolve();
    });
    this.#pending.clear();
  }
}

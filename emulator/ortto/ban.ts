/**
 * Ortto's penalty box (ortto-api.md, Limits): 15 bad requests, or 15 with bad credentials, within
 * 15 s ban the caller's IP for 15 s. The emulator serves one caller (127.0.0.1), so one watch.
 */

interface BanSettings {
  readonly banThreshold: number;
  readonly banWindowMs: number;
  readonly banDurationMs: number;
}

export class BadRequestWatch {
  /** When the recent bad requests arrived, oldest first, all within the window. */
  #recent: number[] = [];
  #bannedUntil = Number.NEGATIVE_INFINITY;
  #bans = 0;

  get bans(): number {
    return this.#bans;
  }

  /** Milliseconds of ban left at `now`; 0 when the caller is not banned. */
  banLeftMs(now: number): number {
    return Math.max(0, this.#bannedUntil - now);
  }

  /** Notes a bad request; the one that reaches the threshold starts a ban. */
  record(now: number, settings: BanSettings): void {
    this.#recent = this.#recent.filter((at) => now - at < settings.banWindowMs);
    this.#recent.push(now);
    if (this.#recent.length < settings.banThreshold) return;
    this.#recent = [];
    this.#bannedUntil = now + settings.banDurationMs;
    this.#bans += 1;
  }
}

/**
 * Ortto bans a caller for 15 s after 15 bad requests within 15 s (ortto-api.md, Limits); a ban
 * would stall every export from this computer. The guard counts the 400s Ortto answered and,
 * after a few within that window, holds further requests back (without sending them) until the
 * window has passed. The engine reads the hold as a fault, so repeated ones pause the export with
 * the sentence below rather than walking into the ban.
 */
import { DestinationError } from '../destination/destination';

export const badRequestWindowMs = 15_000;
/** Far below Ortto's 15, so even the requests already in flight cannot reach it. */
export const maxBadRequestsPerWindow = 5;

export const heldBackMessage =
  'Ortto refused several requests in a row, so Segment Courier is holding off before Ortto blocks this computer for a while.';

export class BadRequestGuard {
  readonly #now: () => number;
  #times: number[] = [];

  constructor(now: () => number) {
    this.#now = now;
  }

  #recent(): number[] {
    const since = this.#now() - badRequestWindowMs;
    this.#times = this.#times.filter((at) => at > since);
    return this.#times;
  }

  /** Throws a transient DestinationError instead of letting one more request go. */
  check(): void {
    if (this.#recent().length >= maxBadRequestsPerWindow) {
      throw new DestinationError('transient', heldBackMessage);
    }
  }

  /** Ortto answered a request with a 400 (or another refusal of the request as a whole). */
  refused(): void {
    this.#times.push(this.#now());
  }
}

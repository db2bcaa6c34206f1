/**
 * Ortto bans a caller for 15 s after 15 bad requests within 15 s (ortto-api.md, Limits); a ban
 * would stall every export from this computer. The guard counts the 400s Ortto answered and,
 * after a few within that window, holds further requests back (without sending them) until the
 * window has passed. The engine reads the hold as a fault, so repeated ones pause the export with
 * the sentence below rather than walking into the ban.
 */
import { DestinationError } from '../destination-port/destination';

const badRequestWindowMs = 15_000;
/** Bad answers after which requests are held back until the window has passed. */
export const maxBadRequestsPerWindow = 5;
/**
 * Recent bad answers plus requests in flight (each may come back bad) never pass this, so even
 * requests sent at once cannot reach Ortto's 15.
 */
export const maxAtRisk = 12;

export const heldBackMessage =
  'Ortto refused several requests in a row, so Segment Courier is holding off before Ortto blocks this computer for a while.';

export class BadRequestGuard {
  readonly #now: () => number;
  #times: number[] = [];
  #inFlight = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  #recent(): number {
    const since = this.#now() - badRequestWindowMs;
    this.#times = this.#times.filter((at) => at > since);
    return this.#times.length;
  }

  /** Before a request: throws a transient DestinationError instead of letting it go. */
  begin(): void {
    const recent = this.#recent();
    if (recent >= maxBadRequestsPerWindow || recent + this.#inFlight >= maxAtRisk) {
      throw new DestinationError('transient', heldBackMessage);
    }
    this.#inFlight += 1;
  }

  /** After it: `bad` when Ortto refused the request (a 4xx other than 429). */
  end(bad: boolean): void {
    this.#inFlight -= 1;
    if (bad) this.#times.push(this.#now());
  }
}

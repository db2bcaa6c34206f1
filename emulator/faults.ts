/**
 * Which requests fail, and how. A schedule names exact request numbers; otherwise a seeded PRNG
 * decides at `faultRate`, so the same seed and the same request order replay the same faults.
 */
import type { FaultKind } from './options';

/** mulberry32: small, fast, and good enough to spread faults evenly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface FaultSettings {
  readonly faultRate: number;
  readonly faultKinds: readonly FaultKind[];
  readonly faultSchedule: Readonly<Record<number, FaultKind>>;
  readonly faultRoutes: readonly string[];
}

export class FaultPlanner {
  #random: () => number;
  #settings: FaultSettings;

  constructor(settings: FaultSettings, seed: number) {
    this.#settings = settings;
    this.#random = seededRandom(seed);
  }

  update(settings: FaultSettings, seed?: number): void {
    this.#settings = settings;
    if (seed !== undefined) this.#random = seededRandom(seed);
  }

  /** The fault for request number `requestNumber` (1-based) to `route` (`POST /contacts`), if any. */
  pick(requestNumber: number, route: string): FaultKind | undefined {
    const { faultRoutes } = this.#settings;
    if (faultRoutes.length > 0 && !faultRoutes.includes(route)) return undefined;
    const scheduled = this.#settings.faultSchedule[requestNumber];
    if (scheduled) return scheduled;
    const { faultRate, faultKinds } = this.#settings;
    if (faultRate <= 0 || faultKinds.length === 0) return undefined;
    if (this.#random() >= faultRate) return undefined;
    return faultKinds[Math.floor(this.#random() * faultKinds.length)];
  }
}

/**
 * Losing the network pauses sending, and it resumes by itself when the network is back. One prober
 * for all senders: the first sender to see "offline" closes the gate, the gate probes the
 * destination with a cheap authenticated call at growing intervals, and every sender waits on it.
 */
import { DestinationError, type Destination } from '../destination-port/destination';
import type { Clock } from './clock';

function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400;
}

interface NetworkGateOptions {
  readonly destination: Destination;
  readonly clock: Clock;
  /** First probe after this long, then doubling up to `maxProbeIntervalMs`. */
  readonly probeIntervalMs?: number;
  readonly maxProbeIntervalMs?: number;
  /** Called when the gate closes or opens, for the progress state. */
  readonly onChange?: (offline: boolean) => void;
}

export class NetworkGate {
  readonly #options: NetworkGateOptions;
  #probe: Promise<void> | null = null;
  #offlineSince: number | null = null;

  constructor(options: NetworkGateOptions) {
    this.#options = options;
  }

  get offline(): boolean {
    return this.#probe !== null;
  }

  get offlineSince(): number | null {
    return this.#offlineSince;
  }

  /**
   * Closes the gate (if open) and waits until the destination answers again. Rejects with the
   * probe's DestinationError when the answer is not "online" but something to act on (a rejected
   * key), or with the signal's reason on abort.
   */
  waitUntilOnline(signal: AbortSignal): Promise<void> {
    if (!this.#probe) {
      this.#offlineSince = this.#options.clock.now();
      this.#options.onChange?.(true);
      this.#probe = this.#probeUntilOnline(signal).finally(() => {
        this.#probe = null;
        this.#offlineSince = null;
        this.#options.onChange?.(false);
      });
    }
    return this.#probe;
  }

  /** Waits only if the gate is closed. */
  async pass(signal: AbortSignal): Promise<void> {
    if (this.#probe) await this.#probe;
    signal.throwIfAborted();
  }

  async #probeUntilOnline(signal: AbortSignal): Promise<void> {
    const { clock, destination } = this.#options;
    let interval = this.#options.probeIntervalMs ?? 1_000;
    const maxInterval = this.#options.maxProbeIntervalMs ?? 15_000;
    for (;;) {
      await clock.sleep(interval, signal);
      try {
        await destination.checkCredentials(signal);
        return;
      } catch (error) {
        signal.throwIfAborted();
        // A redirect is what a captive portal (hotel or train wifi) answers: still no way through.
        const stillOffline =
          error instanceof DestinationError &&
          (error.kind === 'offline' || error.kind === 'transient' || isRedirect(error.status));
        if (!stillOffline) throw error;
      }
      interval = Math.min(maxInterval, interval * 2);
    }
  }
}

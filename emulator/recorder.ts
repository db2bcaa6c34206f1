/**
 * What the emulator received and how it answered, so tests and benchmarks can assert on traffic
 * and wait for it (an event per finished request) instead of sleeping.
 */
import { EventEmitter } from 'node:events';
import type { FaultKind } from './options';

type RequestOutcome = 'answered' | 'reset' | 'hang';

export interface RecordedRequest {
  /** 1-based arrival order; the number `faultSchedule` refers to. */
  readonly number: number;
  readonly method: string;
  /** Path below the base URL (`/contacts`), decoded. */
  readonly path: string;
  /** HTTP status, or undefined when the connection was reset or left hanging. */
  status: number | undefined;
  outcome: RequestOutcome;
  fault: FaultKind | undefined;
  /** Contacts in an upsert body (POST /contacts or /contact), else 0. */
  contactCount: number;
  /** Contacts the answer says were stored (its ids); 0 for anything but an answered upsert. */
  contactsStored: number;
  /** When it arrived, by the emulator's clock. */
  readonly receivedAt: number;
}

export interface RequestCounters {
  total: number;
  /** By HTTP status (`'200'`, `'429'`) plus `'reset'` and `'hang'`. */
  readonly byStatus: Record<string, number>;
  /** Contacts stored by upserts that were answered 2xx (as many as the answers' ids). */
  contactsAccepted: number;
}

export class RequestRecorder {
  readonly requests: RecordedRequest[] = [];
  readonly counters: RequestCounters = { total: 0, byStatus: {}, contactsAccepted: 0 };
  readonly #events = new EventEmitter();
  #settled = 0;

  start(method: string, path: string, receivedAt: number): RecordedRequest {
    this.counters.total += 1;
    const entry: RecordedRequest = {
      number: this.counters.total,
      method,
      path,
      status: undefined,
      outcome: 'answered',
      fault: undefined,
      contactCount: 0,
      contactsStored: 0,
      receivedAt,
    };
    this.requests.push(entry);
    return entry;
  }

  /** Called once per request when its fate is settled (answered, reset, or left hanging). */
  finish(entry: RecordedRequest): void {
    this.#settled += 1;
    const key = entry.outcome === 'answered' ? String(entry.status) : entry.outcome;
    this.counters.byStatus[key] = (this.counters.byStatus[key] ?? 0) + 1;
    this.counters.contactsAccepted += entry.contactsStored;
    this.#events.emit('request', entry);
  }

  onRequest(listener: (entry: RecordedRequest) => void): () => void {
    this.#events.on('request', listener);
    return () => this.#events.off('request', listener);
  }

  /** Resolves once `count` requests in all (since start) have been settled. */
  waitForRequests(count: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.#settled >= count) return resolve();
      const stop = this.onRequest(() => {
        if (this.#settled < count) return;
        stop();
        resolve();
      });
    });
  }

  /** Forgets the recorded requests (numbering and counters go on, so schedules stay valid). */
  clear(): void {
    this.requests.length = 0;
  }
}

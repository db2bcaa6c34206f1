/**
 * Judges each contact of a segment against the list's delivery ledger while an export is counted:
 * new to the list, changed since this app last delivered it, or unchanged. Unchanged contacts are
 * not sent (unless "send everything again") but always counted. The keys seen are kept (8 bytes a
 * contact) to find who left the segment.
 */
import type { OutgoingContact } from '../destination-port/destination';
import { contactFingerprint, emailHash } from './fingerprints';
import { GrowableFloat64 } from './growable';
import type { LedgerIndex } from './ledger-index';

interface ChangeCounts {
  new: number;
  changed: number;
  unchanged: number;
}

export class ChangeCounter {
  readonly counts: ChangeCounts = { new: 0, changed: 0, unchanged: 0 };
  readonly keys = new GrowableFloat64();
  readonly #index: LedgerIndex;
  readonly #full: boolean;

  constructor(index: LedgerIndex, full: boolean) {
    this.#index = index;
    this.#full = full;
  }

  /** Counts the contact; true when it is to be sent. */
  judge(contact: OutgoingContact): boolean {
    const key = emailHash(contact.email);
    this.keys.push(key);
    const delivered = this.#index.fingerprint(key);
    if (delivered === undefined) this.counts.new += 1;
    else if (delivered !== contactFingerprint(contact)) this.counts.changed += 1;
    else {
      this.counts.unchanged += 1;
      return this.#full;
    }
    return true;
  }
}

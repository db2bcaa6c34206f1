/**
 * Short numeric digests for the delivery ledger: an email's key and a contact's fingerprint (the
 * fields as sent). Numbers rather than strings so a million-entry ledger index fits in typed
 * arrays (16 bytes per email) instead of a Map of strings.
 */
import { createHash } from 'node:crypto';
import type { OutgoingContact } from '../destination-port/destination';

/** The first 52 bits of a SHA-1 as a safe integer (doubles hold 53 bits exactly). */
function digest52(text: string): number {
  const bytes = createHash('sha1').update(text).digest();
  return (bytes.readUInt32BE(0) & 0xfffff) * 0x100000000 + bytes.readUInt32BE(4);
}

/** Case-insensitive, as Autopilot matches emails. */
export function emailHash(email: string): number {
  return digest52(email.trim().toLowerCase());
}

/**
 * The fields a contact carries, in a fixed order. The email is part of it, so two emails that
 * happen to share a key still read as changed: a collision costs a re-send, never a skipped one.
 */
export function contactFingerprint(contact: OutgoingContact): number {
  const standard = Object.keys(contact.standard)
    .sort()
    .map((key) => [key, contact.standard[key]]);
  const custom = [...contact.custom]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((field) => [field.name, field.type, field.value]);
  return digest52(JSON.stringify([contact.email.toLowerCase(), standard, custom]));
}

/** On disk as 13 hex digits. */
export function hex52(value: number): string {
  return value.toString(16).padStart(13, '0');
}

export function parseHex52(text: string): number | undefined {
  if (!/^[0-9a-f]{13}$/.test(text)) return undefined;
  return Number.parseInt(text, 16);
}

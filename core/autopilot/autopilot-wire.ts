/**
 * Autopilot's JSON shapes (../../../shared/docs/autopilot-api.md §2-§3) and tolerant readers for
 * them. Readers accept the documented shape plus the plausible variants the doc leaves open, and
 * throw a transient "couldn't read" error for anything else (a captive portal or proxy page, say).
 */
import { DestinationError } from '../destination-port/destination';
import { autopilotMessages } from './autopilot-errors';

export type AutopilotScalar = string | number | boolean;

/** A contact as sent to POST /contact(s): PascalCase standard keys, control keys, `custom`. */
export interface AutopilotContactInput {
  readonly Email: string;
  readonly _autopilot_list?: string;
  readonly custom?: Readonly<Record<string, AutopilotScalar>>;
  readonly [key: string]: AutopilotScalar | Readonly<Record<string, AutopilotScalar>> | undefined;
}

/** A contact as Autopilot returns it (read shape, §3). Only the keys the app uses are typed. */
export interface AutopilotContactRecord {
  readonly contact_id: string;
  readonly Email?: string;
  readonly lists?: readonly string[];
  readonly custom?: Readonly<Record<string, AutopilotScalar>>;
  readonly [key: string]: unknown;
}

export interface AutopilotList {
  readonly list_id: string;
  readonly title: string;
}

export interface AutopilotCustomField {
  readonly name: string;
  /** Autopilot's type word; the exact strings are unconfirmed (§7), kept as sent. */
  readonly fieldType: string;
}

export interface AutopilotContactsPage {
  readonly contacts: readonly AutopilotContactRecord[];
  readonly totalContacts: number | undefined;
  /** Absent on the last page (§2 paging rule). */
  readonly bookmark: string | undefined;
}

export function unreadableAnswer(): DestinationError {
  return new DestinationError('transient', autopilotMessages.unreadable);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw unreadableAnswer();
  }
  return value as Record<string, unknown>;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function readLists(body: unknown): AutopilotList[] {
  const lists = asRecord(body).lists;
  if (!Array.isArray(lists)) throw unreadableAnswer();
  return lists.map((item) => {
    const record = asRecord(item);
    const listId = optionalString(record.list_id);
    if (!listId) throw unreadableAnswer();
    return { list_id: listId, title: typeof record.title === 'string' ? record.title : '' };
  });
}

/**
 * POST /list's answer is unconfirmed (§7: "probably {list_id}"). Accept `{list_id}`, `{list:
 * {list_id}}` or a bare id string; undefined tells the caller to look the new list up by name.
 */
export function readCreatedListId(body: unknown): string | undefined {
  if (typeof body === 'string') return optionalString(body);
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const direct = optionalString(record.list_id);
  if (direct) return direct;
  const nested = record.list;
  if (typeof nested === 'object' && nested !== null) {
    return optionalString((nested as Record<string, unknown>).list_id);
  }
  return undefined;
}

/**
 * GET /contacts/custom_fields is a bare array of `{name, fieldType}` (§2, N8N and WPF). A wrapped
 * `{custom_fields: [...]}` and `field_type`/`type` spellings are accepted too; entries without a
 * name are skipped rather than failing the whole field list.
 */
export function readCustomFields(body: unknown): AutopilotCustomField[] {
  const items = Array.isArray(body) ? body : asRecord(body).custom_fields;
  if (!Array.isArray(items)) throw unreadableAnswer();
  const fields: AutopilotCustomField[] = [];
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const record = item as Record<string, unknown>;
    const name = optionalString(record.name);
    if (!name) continue;
    const fieldType =
      optionalString(record.fieldType) ??
      optionalString(record.field_type) ??
      optionalString(record.type) ??
      'string';
    fields.push({ name, fieldType });
  }
  return fields;
}

/** The string ids of `{contact_ids: [...]}` (BLOG-BULK), whatever else the body holds. */
export function readContactIds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null) return [];
  const ids = (body as Record<string, unknown>).contact_ids;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * A bulk upsert is delivered only when the answer names one contact id per contact sent (BLOG-BULK:
 * 3 inputs, 3 ids). An empty body, `{}`, or fewer (or more) ids than contacts is a fault to retry
 * (issue 12, item 5): a 200 alone does not say the contacts were stored. Resending is safe, since
 * the bulk add is an upsert by email (§3).
 */
export function readConfirmedContactIds(body: unknown, sent: number): string[] {
  const ids = readContactIds(body).filter((id) => id !== '');
  if (ids.length !== sent) {
    throw new DestinationError('transient', autopilotMessages.unconfirmed(ids.length, sent));
  }
  return ids;
}

export function readContactId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return optionalString((body as Record<string, unknown>).contact_id);
}

export function readContact(body: unknown): AutopilotContactRecord {
  const record = asRecord(body);
  if (!optionalString(record.contact_id)) throw unreadableAnswer();
  return record as AutopilotContactRecord;
}

export function readContactsPage(body: unknown): AutopilotContactsPage {
  const record = asRecord(body);
  if (!Array.isArray(record.contacts)) throw unreadableAnswer();
  return {
    contacts: record.contacts.map(readContact),
    totalContacts: typeof record.total_contacts === 'number' ? record.total_contacts : undefined,
    bookmark: optionalString(record.bookmark),
  };
}

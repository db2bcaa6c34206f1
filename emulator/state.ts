/**
 * The emulator's account: contacts (keyed by lowercase email, as Autopilot dedupes), lists and list
 * memberships, and the custom fields it has seen. Upsert semantics follow BLOG-EMAIL: a known email
 * overwrites the keys sent and keeps every other key, so leaving a field out never blanks it.
 */
import { randomUUID } from 'node:crypto';
import type { Scalar, ValidRow } from './contact-rules';

export interface StoredContact {
  readonly contact_id: string;
  Email: string;
  /** Standard and other top-level keys, as last sent. */
  readonly fields: Record<string, Scalar>;
  /** `type--Field--Name` keys, as last sent. */
  readonly custom: Record<string, Scalar>;
  readonly created_at: number;
  updated_at: number;
}

export interface StoredList {
  readonly list_id: string;
  readonly title: string;
}

interface CustomFieldInfo {
  readonly name: string;
  readonly fieldType: string;
}

export const pageSize = 100;

const newId = (prefix: string) => `${prefix}_${randomUUID().toUpperCase()}`;

export class EmulatorState {
  readonly contacts = new Map<string, StoredContact>();
  readonly lists = new Map<string, StoredList>();
  /** List id → contact ids, in the order they joined (the paging order). */
  readonly memberships = new Map<string, Set<string>>();
  /** Lowercase custom key → field, learnt from upserts or seeded by options. */
  readonly customFields = new Map<string, CustomFieldInfo>();
  readonly #emailById = new Map<string, string>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** Applies one checked row; returns the contact id. */
  upsert(row: ValidRow, listOnCreateOnly: boolean): string {
    const now = this.#now();
    const existing = this.contacts.get(row.email.toLowerCase());
    const contact = existing ?? this.#create(row.email, now);
    Object.assign(contact.fields, row.fields);
    Object.assign(contact.custom, row.custom);
    for (const key of Object.keys(row.custom)) this.learnCustomField(key);
    contact.updated_at = now;
    if (existing && row.newEmail && row.newEmail.toLowerCase() !== existing.Email.toLowerCase()) {
      this.#changeEmail(existing, row.newEmail);
    }
    if (row.listId && (!existing || !listOnCreateOnly))
      this.addMember(row.listId, contact.contact_id);
    return contact.contact_id;
  }

  #create(email: string, now: number): StoredContact {
    const contact: StoredContact = {
      contact_id: newId('person'),
      Email: email,
      fields: {},
      custom: {},
      created_at: now,
      updated_at: now,
    };
    this.contacts.set(email.toLowerCase(), contact);
    this.#emailById.set(contact.contact_id, email.toLowerCase());
    return contact;
  }

  /** `_NewEmail`; when another contact already owns the new address, that one is replaced. */
  #changeEmail(contact: StoredContact, newEmail: string): void {
    const other = this.contacts.get(newEmail.toLowerCase());
    if (other) this.deleteContact(other.contact_id);
    this.contacts.delete(contact.Email.toLowerCase());
    contact.Email = newEmail;
    this.contacts.set(newEmail.toLowerCase(), contact);
    this.#emailById.set(contact.contact_id, newEmail.toLowerCase());
  }

  /** By contact id or email (any case), as every `{contact_id or email}` path segment allows. */
  findContact(reference: string): StoredContact | undefined {
    const email = this.#emailById.get(reference) ?? reference.toLowerCase();
    return this.contacts.get(email);
  }

  deleteContact(reference: string): boolean {
    const contact = this.findContact(reference);
    if (!contact) return false;
    this.contacts.delete(contact.Email.toLowerCase());
    this.#emailById.delete(contact.contact_id);
    this.memberships.forEach((members) => members.delete(contact.contact_id));
    return true;
  }

  createList(title: string): StoredList {
    const list = { list_id: newId('contactlist'), title };
    this.lists.set(list.list_id, list);
    this.memberships.set(list.list_id, new Set());
    return list;
  }

  addMember(listId: string, contactId: string): void {
    this.memberships.get(listId)?.add(contactId);
  }

  listsOf(contactId: string): string[] {
    return [...this.memberships].filter(([, ids]) => ids.has(contactId)).map(([listId]) => listId);
  }

  /** Records `integer--Visit--Count` as `{name: 'Visit Count', fieldType: 'integer'}`. */
  learnCustomField(key: string): void {
    const separator = key.indexOf('--');
    const name = key.slice(separator + 2).replace(/--/g, ' ');
    this.addCustomField({ name, fieldType: key.slice(0, separator) });
  }

  addCustomField(field: CustomFieldInfo): void {
    const key = `${field.fieldType}--${field.name.replace(/\s/g, '--')}`.toLowerCase();
    if (!this.customFields.has(key)) this.customFields.set(key, field);
  }

  /** The read shape of a contact (autopilot-api.md §3, BLOG-BMK sample). */
  toRecord(contact: StoredContact): Record<string, unknown> {
    const { FirstName, LastName } = contact.fields;
    const name = [FirstName, LastName].filter((part) => typeof part === 'string' && part).join(' ');
    return {
      contact_id: contact.contact_id,
      Email: contact.Email,
      ...contact.fields,
      ...(name ? { Name: name } : {}),
      custom: { ...contact.custom },
      lists: this.listsOf(contact.contact_id),
      created_at: new Date(contact.created_at).toUTCString(),
      updated_at: new Date(contact.updated_at).toUTCString(),
    };
  }

  /**
   * One page of contacts. The bookmark is the id of the first contact of the next page (BLOG-BMK
   * shows `"bookmark":"person_…"`); the last page has none. An unknown bookmark gives undefined.
   */
  page(
    contactIds: readonly string[],
    bookmark: string | undefined,
  ): { contacts: Record<string, unknown>[]; bookmark?: string } | undefined {
    const start = bookmark === undefined ? 0 : contactIds.indexOf(bookmark);
    if (start < 0) return undefined;
    const ids = contactIds.slice(start, start + pageSize);
    const next = contactIds[start + pageSize];
    const contacts = ids.flatMap((id) => {
      const contact = this.findContact(id);
      return contact ? [this.toRecord(contact)] : [];
    });
    return next === undefined ? { contacts } : { contacts, bookmark: next };
  }
}

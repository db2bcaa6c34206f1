/**
 * The emulator's Ortto account: people (fields by field id, tags), tags with their members, and
 * custom fields. People are found by `str::person_id` or by email (case-insensitive, indexed);
 * other `merge_by` fields are looked up by a scan, fine at test sizes.
 */
import { customFieldId, hasValue, kebabName } from './fields';

export interface StoredPerson {
  readonly person_id: string;
  /** Field id → value, as last merged (a null under overwrite removes the field). */
  readonly fields: Map<string, unknown>;
  readonly tags: Set<string>;
  readonly created_at: number;
  updated_at: number;
}

export interface StoredTag {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  /** Person ids carrying the tag. */
  readonly members: Set<string>;
}

export interface StoredCustomField {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly trackChanges: boolean;
  readonly values: readonly string[];
}

const emailKey = (email: unknown) => (typeof email === 'string' ? email.trim().toLowerCase() : '');

export class OrttoState {
  readonly people = new Map<string, StoredPerson>();
  readonly tags = new Map<string, StoredTag>();
  /** Field id → field. */
  readonly customFields = new Map<string, StoredCustomField>();
  readonly #byEmail = new Map<string, string>();
  readonly #now: () => number;
  #serial = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** 24 hex characters, the shape of Ortto's person ids; counted, so runs are repeatable. */
  #nextId(): string {
    this.#serial += 1;
    return `0065a1a7e${this.#serial.toString(16).padStart(15, '0')}`;
  }

  find(fieldId: string, value: unknown): StoredPerson | undefined {
    if (!hasValue(value)) return undefined;
    if (fieldId === 'str::person_id') return this.people.get(String(value));
    if (fieldId === 'str::email') {
      const id = this.#byEmail.get(emailKey(value));
      return id === undefined ? undefined : this.people.get(id);
    }
    return [...this.people.values()].find((person) => person.fields.get(fieldId) === value);
  }

  create(fields: Record<string, unknown>): StoredPerson {
    const now = this.#now();
    const person: StoredPerson = {
      person_id: this.#nextId(),
      fields: new Map(),
      tags: new Set(),
      created_at: now,
      updated_at: now,
    };
    this.people.set(person.person_id, person);
    this.setFields(person, fields, 'overwrite');
    return person;
  }

  /** `append` fills only empty fields (merge strategy 1); `overwrite` replaces, null clears. */
  setFields(
    person: StoredPerson,
    fields: Record<string, unknown>,
    mode: 'append' | 'overwrite',
  ): void {
    for (const [id, value] of Object.entries(fields)) {
      if (mode === 'append' && hasValue(person.fields.get(id))) continue;
      if (id === 'str::email') this.#reindexEmail(person, value);
      if (value === null) person.fields.delete(id);
      else person.fields.set(id, value);
    }
    person.updated_at = this.#now();
  }

  #reindexEmail(person: StoredPerson, email: unknown): void {
    const old = emailKey(person.fields.get('str::email'));
    if (this.#byEmail.get(old) === person.person_id) this.#byEmail.delete(old);
    if (emailKey(email) !== '') this.#byEmail.set(emailKey(email), person.person_id);
  }

  /** Adds `add`, then removes `remove`: naming one tag in both is undefined on Ortto. */
  retag(person: StoredPerson, add: readonly string[], remove: readonly string[]): void {
    for (const name of add) {
      this.ensureTag(name).members.add(person.person_id);
      person.tags.add(name);
    }
    for (const name of remove) {
      this.tags.get(name)?.members.delete(person.person_id);
      person.tags.delete(name);
    }
  }

  /** Tags are matched by their exact name (Ortto's case rules are not documented). */
  ensureTag(name: string): StoredTag {
    const existing = this.tags.get(name);
    if (existing) return existing;
    const tag: StoredTag = {
      id: String(this.tags.size + 1),
      name,
      source: 'api',
      members: new Set(),
    };
    this.tags.set(name, tag);
    return tag;
  }

  findCustomFieldByName(name: string): StoredCustomField | undefined {
    const wanted = kebabName(name);
    return [...this.customFields.values()].find((field) => kebabName(field.name) === wanted);
  }

  /** The new field, or undefined when the type is unknown. Duplicates are the caller's check. */
  addCustomField(
    field: Omit<StoredCustomField, 'id' | 'trackChanges' | 'values'> & Partial<StoredCustomField>,
  ): StoredCustomField | undefined {
    const id = customFieldId(field.type, field.name);
    if (id === undefined) return undefined;
    const stored = { trackChanges: false, values: [], ...field, id };
    this.customFields.set(id, stored);
    return stored;
  }
}

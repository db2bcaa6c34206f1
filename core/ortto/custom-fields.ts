/**
 * The account's custom fields (person/custom-field/get), read once per destination, and the ones
 * a batch needs but the account lacks created once (person/custom-field/create) with their type,
 * before the first merge that carries them. Ortto refuses a duplicate name, so a field two
 * senders need at once is created by one request that both wait for.
 */
import {
  DestinationError,
  type CustomFieldType,
  type FieldDescription,
  type RequestCall,
} from '../destination-port/destination';
import { customFieldTypeOf, orttoTypeFor } from './ortto-fields';
import type { OrttoHttp } from './ortto-http';
import type { CustomFieldIds } from './ortto-wire';

interface AccountField {
  readonly id: string;
  readonly name: string;
  readonly type: CustomFieldType;
}

function readFields(body: unknown): AccountField[] {
  const list = (body as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const field = (entry as { field?: Record<string, unknown> } | null)?.field;
    if (!field || typeof field.id !== 'string' || typeof field.name !== 'string') return [];
    const displayType = typeof field.display_type === 'string' ? field.display_type : 'text';
    return [{ id: field.id, name: field.name, type: customFieldTypeOf(displayType) }];
  });
}

export class CustomFields {
  readonly #http: OrttoHttp;
  /** Lower-case name → field id, once read. */
  #ids: Map<string, string> | undefined;
  readonly #creating = new Map<string, Promise<string>>();

  constructor(http: OrttoHttp) {
    this.#http = http;
  }

  /** The account's custom fields as the matching screen shows them (read afresh). */
  async describe(signal?: AbortSignal): Promise<FieldDescription[]> {
    const fields = readFields(await this.#http.post('person/custom-field/get', {}, signal));
    // Filled in place: a batch holding the map keeps seeing what others learn or create.
    this.#ids ??= new Map();
    for (const field of fields) this.#ids.set(field.name.toLowerCase(), field.id);
    return fields.map((field) => ({
      key: field.name,
      label: field.name,
      kind: 'custom',
      type: field.type,
      required: false,
    }));
  }

  /** The ids of every custom field these contacts carry, creating the missing ones. */
  async idsFor(
    wanted: readonly { readonly name: string; readonly type: CustomFieldType }[],
    call: RequestCall,
  ): Promise<CustomFieldIds> {
    if (wanted.length === 0) return this.#ids ?? new Map();
    if (!this.#ids) {
      await call.pace();
      await this.describe(call.signal);
    }
    const ids = this.#ids ?? new Map<string, string>();
    for (const field of wanted) {
      const key = field.name.toLowerCase();
      if (ids.has(key)) continue;
      ids.set(key, await this.#create(key, field, call));
    }
    return ids;
  }

  #create(
    key: string,
    field: { readonly name: string; readonly type: CustomFieldType },
    call: RequestCall,
  ): Promise<string> {
    const pending = this.#creating.get(key);
    if (pending) return pending;
    const creating = (async () => {
      await call.pace();
      const body = (await this.#http
        .post(
          'person/custom-field/create',
          { type: orttoTypeFor(field.type), name: field.name.trim() },
          call.signal,
        )
        .catch((error: unknown) => this.#madeMeanwhile(key, error, call))) as
        { field_id?: unknown } | undefined;
      if (typeof body?.field_id !== 'string') {
        throw new Error(`Ortto did not say which id the new field "${field.name}" has.`);
      }
      return body.field_id;
    })();
    this.#creating.set(key, creating);
    // A failed creation is tried again by the next batch that needs the field.
    creating.catch(() => this.#creating.delete(key));
    return creating;
  }

  /**
   * A refused creation because someone made the field meanwhile (Ortto refuses duplicate names):
   * read the fields again and use it. Any other failure stands.
   */
  async #madeMeanwhile(key: string, error: unknown, call: RequestCall) {
    if (!(error instanceof DestinationError) || error.kind !== 'invalid-request') throw error;
    await call.pace();
    await this.describe(call.signal);
    const id = this.#ids?.get(key);
    if (id === undefined) throw error;
    return { field_id: id };
  }
}

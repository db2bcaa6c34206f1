/**
 * Ortto's fields (ortto-api.md, Field ids): the built-in ones a segment's columns can feed, with
 * plain labels and the value shape each takes on the wire, and the account's custom fields
 * (`{type}:cm:{kebab-name}`), whose Ortto types map to the engine's CustomFieldType.
 */
import type {
  ContactValue,
  CustomFieldType,
  FieldDescription,
} from '../destination-port/destination';

export const orttoEmailField = 'str::email';
/** Email permission: true = subscribed. Ortto sets true when it is not sent, hence always sent. */
export const orttoPermissionField = 'bol::p';

type BuiltInShape = 'text' | 'phone' | 'place';

interface BuiltInField {
  /**
   * The key a field mapping uses: the shared standard key (the matcher's, Autopilot's) when the
   * field is one of those, so auto-matching, remembered matchings, saved setups and `--map` work
   * for Ortto unchanged; Ortto's own id for fields only Ortto has.
   */
  readonly key: string;
  /** Ortto's field id on the wire. */
  readonly id: string;
  readonly label: string;
  readonly shape: BuiltInShape;
}

const builtInFields: readonly BuiltInField[] = [
  { key: 'FirstName', id: 'str::first', label: 'First name', shape: 'text' },
  { key: 'LastName', id: 'str::last', label: 'Last name', shape: 'text' },
  { key: 'Phone', id: 'phn::phone', label: 'Phone', shape: 'phone' },
  { key: 'MailingCity', id: 'geo::city', label: 'City', shape: 'place' },
  { key: 'MailingState', id: 'geo::region', label: 'Region or state', shape: 'place' },
  { key: 'MailingCountry', id: 'geo::country', label: 'Country', shape: 'place' },
  { key: 'MailingPostalCode', id: 'str::postal', label: 'Postcode', shape: 'text' },
  { key: 'str::ei', id: 'str::ei', label: 'External id', shape: 'text' },
  { key: 'str::language', id: 'str::language', label: 'Language', shape: 'text' },
];

/** A built-in field by its mapping key or by its Ortto id (`--map str::first=Nom` works too). */
const builtInByKey = new Map(
  builtInFields.flatMap((field) => [
    [field.key, field],
    [field.id, field],
  ]),
);

export const orttoStandardDescriptions: readonly FieldDescription[] = [
  { key: 'Email', label: 'Email', kind: 'standard', type: 'string', required: true },
  ...builtInFields.map((field): FieldDescription => ({
    key: field.key,
    label: field.label,
    kind: 'standard',
    type: 'string',
    required: false,
  })),
];

/**
 * The Ortto id a mapping's standard key is sent as; undefined for a key Ortto has no built-in
 * for. Steering fields (`bol::p`, the email) are not among them.
 */
export function builtInFieldId(key: string): string | undefined {
  return builtInByKey.get(key)?.id;
}

/** A built-in field's value as Ortto takes it: phones parsed by Ortto, places by name. */
export function builtInValue(key: string, value: ContactValue): unknown {
  const text = String(value);
  const shape = builtInByKey.get(key)?.shape;
  if (shape === 'phone') return { phone: text, parse_with_country_code: true };
  if (shape === 'place') return { name: text };
  return text;
}

/** Ortto's custom field types (custom-field/get `display_type`) read as the engine's types. */
export function customFieldTypeOf(displayType: string): CustomFieldType {
  switch (displayType) {
    case 'integer':
      return 'integer';
    case 'decimal':
    case 'currency':
    case 'price':
      return 'float';
    case 'bool':
      return 'boolean';
    case 'date':
    case 'time':
      return 'date';
    default:
      return 'string';
  }
}

/** The Ortto type a missing custom field is created with (person/custom-field/create). */
export function orttoTypeFor(type: CustomFieldType): string {
  const types: Record<CustomFieldType, string> = {
    string: 'text',
    integer: 'integer',
    float: 'decimal',
    boolean: 'bool',
    date: 'date',
  };
  return types[type];
}

function isoDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/**
 * A custom field's value in Ortto's shape: decimals are stored as the value x 1000 (ortto-api.md,
 * Field ids), dates as `{year, month, day, timezone}`; text Ortto cannot read as the type is sent
 * as is, so Ortto's own answer for that person says why.
 */
export function customValue(type: CustomFieldType, value: ContactValue): unknown {
  const text = String(value).trim();
  if (type === 'integer' && /^[-+]?\d+$/.test(text)) return Number(text);
  if (type === 'float' && text !== '' && Number.isFinite(Number(text))) {
    return Math.round(Number(text) * 1000);
  }
  if (type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (type === 'date') {
    const date = isoDate(text);
    if (date) return { ...date, timezone: 'UTC' };
  }
  return value;
}

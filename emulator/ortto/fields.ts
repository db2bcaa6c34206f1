/**
 * Ortto's person field ids (ortto-api.md, Field ids): the built-in ones, custom ones named
 * `{prefix}:cm:{kebab-name}`, and the value each prefix accepts.
 */

export const builtInFieldIds: ReadonlySet<string> = new Set([
  'str::person_id',
  'str::first',
  'str::last',
  'str::email',
  'str::ei',
  'phn::phone',
  'geo::city',
  'geo::country',
  'geo::region',
  'str::postal',
  'dtz::b',
  'bol::gdpr',
  'str::language',
  'bol::p',
  'bol::sp',
  'str::s-ctx',
  'str::u-ctx',
]);

/** What a new person gets unless told otherwise: subscribed to email (Ortto's default, the trap). */
export const creationDefaults: Readonly<Record<string, boolean>> = {
  'bol::p': true,
  'bol::sp': false,
};

/**
 * Custom field type → id prefix. The doc confirms str, int, bol and dtz; the others are the
 * emulator's reading (a three-letter code per type), so a client must take the id from
 * `custom-field/create` or `custom-field/get` and never build it.
 */
export const customFieldPrefixes: Readonly<Record<string, string>> = {
  text: 'str',
  large_text: 'txt',
  integer: 'int',
  decimal: 'dcm',
  currency: 'cur',
  price: 'prc',
  date: 'dtz',
  time: 'tme',
  bool: 'bol',
  phone: 'phn',
  single_select: 'sst',
  multi_select: 'mst',
  link: 'lnk',
  object: 'obj',
};

/** `Job Title!` → `job-title`. */
export function kebabName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function customFieldId(type: string, name: string): string | undefined {
  const prefix = customFieldPrefixes[type];
  return prefix === undefined ? undefined : `${prefix}:cm:${kebabName(name)}`;
}

const maxText = { str: 255, txt: 4000, lnk: 255 } as const;

/**
 * Why `value` does not fit field `id`, or undefined when it does. `null` always fits: it clears
 * the field under overwrite. Only the prefixes a segment push sends are checked closely.
 */
export function fieldValueProblem(id: string, value: unknown): string | undefined {
  if (value === null) return undefined;
  const prefix = id.slice(0, id.indexOf(':'));
  if (prefix in maxText) {
    const limit = maxText[prefix as keyof typeof maxText];
    if (typeof value !== 'string') return `${id} takes text`;
    return value.length > limit ? `${id} is longer than ${limit} characters` : undefined;
  }
  if (prefix === 'bol') return typeof value === 'boolean' ? undefined : `${id} takes true or false`;
  if (prefix === 'int' || prefix === 'dcm' || prefix === 'cur' || prefix === 'prc') {
    // Integers are int64 and decimals are sent as the value x 1000: whole numbers either way.
    return Number.isSafeInteger(value) ? undefined : `${id} takes a whole number`;
  }
  return undefined;
}

/** Ortto validates the address itself; the emulator's reading is "something@something". */
export function looksLikeEmail(value: unknown): value is string {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+$/.test(value.trim());
}

/** Ortto treats a missing, null or empty value alike: the field has nothing in it. */
export function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

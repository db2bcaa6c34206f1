/**
 * Turns a cell's text into the typed value a custom field expects (Autopilot's `type--Field--Name`
 * keys, ../../../shared/docs/autopilot-api.md §3). Files come from European Excel exports, so
 * decimal commas and grouping dots are normal, and yes/no may be written in the marketer's language.
 * Pure code with no Node imports, so the export-setup screen can reuse it to count misfits.
 */
import type { ContactValue, CustomFieldType } from '../destination-port/destination';

type Conversion =
  | { readonly ok: true; readonly value: ContactValue }
  | { readonly ok: false; readonly reason: string };

const groupingSpaces = /[\s\u00a0\u202f']/g;

/**
 * Reads a number written with either decimal mark. When both marks appear the last one is the
 * decimal mark ("1.234,5", "1,234.5"); a mark repeated is grouping ("1.234.567"). A single mark
 * followed by exactly three digits is ambiguous ("1.000"): it is read as grouping for whole numbers
 * (European exports write thousands that way) and as a decimal for floats.
 */
function parseLocaleNumber(text: string, wantWhole: boolean): number | undefined {
  let compact = text.replace(groupingSpaces, '');
  if (!/^[+-]?[\d.,]+(?:[eE][+-]?\d+)?$/.test(compact) || !/\d/.test(compact)) return undefined;
  const lastDot = compact.lastIndexOf('.');
  const lastComma = compact.lastIndexOf(',');
  const dots = compact.split('.').length - 1;
  const commas = compact.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimalMark = lastDot > lastComma ? '.' : ',';
    const grouping = decimalMark === '.' ? ',' : '.';
    if (compact.split(decimalMark).length - 1 > 1) return undefined;
    compact = compact.split(grouping).join('').replace(decimalMark, '.');
  } else if (dots + commas > 1) {
    // One mark repeated: grouping, but only in groups of three ("1.234.567").
    if (!/^[+-]?\d{1,3}(?:[.,]\d{3})+$/.test(compact)) return undefined;
    compact = compact.replace(/[.,]/g, '');
  } else if (dots + commas === 1) {
    const threeAfter = /^[+-]?\d{1,3}[.,]\d{3}$/.test(compact);
    compact = wantWhole && threeAfter ? compact.replace(/[.,]/, '') : compact.replace(',', '.');
  }
  const value = Number(compact);
  return Number.isFinite(value) ? value : undefined;
}

function toInteger(text: string): Conversion {
  const value = parseLocaleNumber(text, true);
  if (value === undefined || !Number.isInteger(value) || !Number.isSafeInteger(value)) {
    return { ok: false, reason: `"${text}" is not a whole number` };
  }
  return { ok: true, value };
}

function toFloat(text: string): Conversion {
  const value = parseLocaleNumber(text, false);
  return value === undefined
    ? { ok: false, reason: `"${text}" is not a number` }
    : { ok: true, value };
}

// Yes and no in the languages the app ships and the ones its users' exports come in.
const truthy = new Set([
  'true',
  'yes',
  'y',
  '1',
  'si',
  'sí',
  'oui',
  'ja',
  'vrai',
  'verdadero',
  'cert',
  'wahr',
  'x',
  'on',
]);
const falsy = new Set(['false', 'no', 'n', '0', 'non', 'nein', 'faux', 'falso', 'fals', 'off']);

function toBoolean(text: string): Conversion {
  const word = text.trim().toLowerCase();
  if (truthy.has(word)) return { ok: true, value: true };
  if (falsy.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `"${text}" is not yes or no` };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999)
    return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const isoDateTime =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Dates become ISO 8601: `YYYY-MM-DD`, or a full UTC timestamp when the cell has a time. Day-first
 * is assumed for `01/02/2024` (the European reading), unless the numbers only fit month-first.
 */
function toDate(text: string): Conversion {
  const trimmed = text.trim();
  const failure: Conversion = { ok: false, reason: `"${text}" is not a date` };
  if (isoDateTime.test(trimmed)) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`;
    const time = Date.parse(withZone.replace(' ', 'T'));
    return Number.isNaN(time) ? failure : { ok: true, value: new Date(time).toISOString() };
  }
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  if (yearFirst) {
    const iso = calendarDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
    return iso ? { ok: true, value: iso } : failure;
  }
  const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (yearLast) {
    const first = Number(yearLast[1]);
    const second = Number(yearLast[2]);
    const year = Number(yearLast[3]);
    const monthFirst = first <= 12 && second > 12;
    const iso = monthFirst ? calendarDate(year, first, second) : calendarDate(year, second, first);
    return iso ? { ok: true, value: iso } : failure;
  }
  return failure;
}

type ConsentAnswer = 'yes' | 'no';

// Consent columns also say it in words of their own ("opted out", "unsubscribed", "baixa").
const consentYes = new Set([
  ...truthy,
  'opt-in',
  'opted in',
  'opted-in',
  'subscribed',
  'agreed',
  'accepted',
  'accepta',
  'acepta',
  'accepte',
  'alta',
  'abonniert',
]);
const consentNo = new Set([
  ...falsy,
  'opt-out',
  'opted out',
  'opted-out',
  'unsubscribed',
  'declined',
  'refused',
  'baixa',
  'baja',
  'désabonné',
  'desinscrit',
  'abgemeldet',
]);

/**
 * Reads a cell of the column matched to "Agreed to receive email": yes or no in the matcher's
 * five languages, a boolean, or a date (the day the person agreed, so yes). Undefined when it
 * cannot be read; the caller then changes nobody's permission (product.md, Guarantees).
 */
export function readConsent(text: string): ConsentAnswer | undefined {
  return readConsentWord(text) ?? (toDate(text).ok ? 'yes' : undefined);
}

/**
 * The words of a consent column, without its dates. They include every yes/no a boolean field
 * reads, so a cell that is none of them is no boolean either (core/exports/column-facts.ts).
 */
export function readConsentWord(text: string): ConsentAnswer | undefined {
  const word = text.trim().toLowerCase();
  if (consentYes.has(word)) return 'yes';
  if (consentNo.has(word)) return 'no';
  return undefined;
}

/** Converts a non-empty cell to the field's type, or says in plain words why it cannot. */
export function convertValue(text: string, type: CustomFieldType): Conversion {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'integer':
      return toInteger(text);
    case 'float':
      return toFloat(text);
    case 'boolean':
      return toBoolean(text);
    case 'date':
      return toDate(text);
  }
}

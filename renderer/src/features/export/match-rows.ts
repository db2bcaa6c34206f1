/**
 * The matching table's model: one row per Autopilot field with the column feeding it ('' = not
 * sent). Email, First name and Last name are always there; other standard fields and custom
 * fields are rows the person (or auto-matching) added. Converts to and from the FieldMapping the
 * engine uses.
 */
import { hasMappingProblems, mappingProblems } from '../../../../shared/model/exports';
import { autoMatch, matchableFieldKeys } from '../../../../shared/matching/auto-match';
import { detectEmailColumn, type SampleRows } from '../../../../shared/matching/email-column';
import { detectConsentColumn } from '../../../../shared/matching/consent-column';
import { compactHeader } from '../../../../shared/matching/header-words';
import type {
  CustomFieldTypeName,
  FieldMapping,
  OptedOutChoice,
} from '../../../../shared/matching/field-mapping';

export type MatchTarget =
  | { readonly kind: 'email' }
  | { readonly kind: 'standard'; readonly key: string }
  | { readonly kind: 'custom'; readonly name: string; readonly type: CustomFieldTypeName }
  /** "Agreed to receive email" and what to do with the rows that say no (issue 17, item 4). */
  | { readonly kind: 'consent'; readonly optedOut: OptedOutChoice };

export interface MatchRow {
  readonly id: string;
  readonly target: MatchTarget;
  readonly column: string;
}

/** Autopilot's standard fields the screen offers, Email first (autopilot-api.md §3). */
export const standardFieldKeys: readonly string[] = [
  ...matchableFieldKeys,
  ...(matchableFieldKeys.includes('owner_name') ? [] : ['owner_name']),
];

const defaultStandardKeys = ['FirstName', 'LastName'];

export function rowIdOf(target: MatchTarget): string {
  if (target.kind === 'email') return 'email';
  if (target.kind === 'standard') return `standard:${target.key}`;
  if (target.kind === 'consent') return 'consent';
  return `custom:${target.name.trim().toLowerCase()}`;
}

function row(target: MatchTarget, column: string): MatchRow {
  return { id: rowIdOf(target), target, column };
}

export function rowsFromMapping(mapping: FieldMapping): MatchRow[] {
  const rows = [row({ kind: 'email' }, mapping.email)];
  for (const key of defaultStandardKeys) {
    rows.push(row({ kind: 'standard', key }, mapping.standard[key] ?? ''));
  }
  for (const [key, column] of Object.entries(mapping.standard)) {
    if (!defaultStandardKeys.includes(key)) rows.push(row({ kind: 'standard', key }, column));
  }
  for (const field of mapping.custom) {
    rows.push(row({ kind: 'custom', name: field.name, type: field.type }, field.column));
  }
  if (mapping.emailConsent) {
    const { column, optedOut } = mapping.emailConsent;
    rows.push(row({ kind: 'consent', optedOut }, column));
  }
  return rows;
}

export function mappingFromRows(rows: readonly MatchRow[]): FieldMapping {
  const mapping: FieldMapping = { email: '', standard: {}, custom: [] };
  for (const { target, column } of rows) {
    if (target.kind === 'email') mapping.email = column;
    else if (column === '') continue;
    else if (target.kind === 'standard') mapping.standard[target.key] = column;
    else if (target.kind === 'consent')
      mapping.emailConsent = { column, optedOut: target.optedOut };
    else mapping.custom.push({ name: target.name, type: target.type, column });
  }
  return mapping;
}

/** Whether every column the mapping names is one of these columns. */
export function mappingFits(mapping: FieldMapping, columns: readonly string[]): boolean {
  const used = [
    mapping.email,
    ...Object.values(mapping.standard),
    ...mapping.custom.map((field) => field.column),
    mapping.emailConsent?.column ?? '',
  ];
  return used.every((column) => column === '' || columns.includes(column));
}

/** What the table flags: the email unmatched, columns feeding two fields. */
export function matchingChecks(rows: readonly MatchRow[]) {
  const problems = mappingProblems(mappingFromRows(rows));
  return { ...problems, blocking: hasMappingProblems(problems) };
}

/**
 * The first matching for a file of a new shape: auto-matched from its header and sample rows. The
 * email stays unmatched when no column looks like one, so the person is asked rather than guessed
 * for (autoMatch would fall back to the first column).
 */
export function initialMapping(columns: readonly string[], samples: SampleRows): FieldMapping {
  const mapping = autoMatch(columns, samples);
  return detectEmailColumn(columns, samples) === null ? { ...mapping, email: '' } : mapping;
}

/**
 * The column a newly added field starts with, found the way auto-matching finds it (issue 17,
 * item 3): a standard field by its names, a custom field by a header spelt like it, the consent
 * by its names. Columns already feeding a field are not offered again; '' when none fits.
 */
export function suggestColumn(
  target: MatchTarget,
  columns: readonly string[],
  rows: readonly MatchRow[],
): string {
  const taken = new Set(rows.map((row) => row.column).filter((column) => column !== ''));
  const free = columns.filter((column) => !taken.has(column));
  if (target.kind === 'standard') {
    return autoMatch(free).standard[target.key] ?? '';
  }
  if (target.kind === 'consent') return detectConsentColumn(free) ?? '';
  if (target.kind === 'custom') {
    const wanted = compactHeader(target.name);
    return free.find((column) => compactHeader(column) === wanted) ?? '';
  }
  return '';
}

/** A few non-empty values of a column from the first rows, for the "Sample values" cell. */
export function sampleValues(
  columns: readonly string[],
  preview: readonly (readonly string[])[],
  column: string,
  limit = 3,
): string[] {
  const index = columns.indexOf(column);
  if (index < 0) return [];
  const values: string[] = [];
  for (const cells of preview) {
    const value = (cells[index] ?? '').trim();
    if (value !== '' && !values.includes(value)) values.push(value);
    if (values.length >= limit) break;
  }
  return values;
}

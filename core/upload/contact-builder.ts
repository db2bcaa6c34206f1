/**
 * Builds the contact a row becomes, from a field mapping (shared/matching/field-mapping.ts). Empty
 * cells are left out so they never blank existing data in Autopilot; a value that does not fit its
 * field's type leaves that field out of the contact, never the contact out of the export
 * (product.md, Guarantees; issue 17 item 1): the value and its reason travel with the row so the
 * plan counts it and the report lists it.
 */
import type {
  ContactValue,
  CustomFieldType,
  OutgoingContact,
} from '../destination-port/destination';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { emailKey, judgeEmail } from '../../shared/segments/email';
import { emailConsentField } from '../../shared/matching/field-mapping';
import { convertValue, readConsent } from './value-conversion';

/** Standard fields that are not text (autopilot-api.md §3: NumberOfEmployees is a number). */
const standardFieldTypes: Readonly<Record<string, CustomFieldType>> = {
  NumberOfEmployees: 'integer',
};

/** A value left out of its contact because it does not fit its field. */
export interface MisfitValue {
  /** Standard: the destination's key; custom: the field's name. */
  readonly field: string;
  readonly column: string;
  readonly type: CustomFieldType;
  /** The cell as written in the file (trimmed). */
  readonly value: string;
  readonly reason: string;
}

const noMisfits: readonly MisfitValue[] = Object.freeze([]);

type BuiltRow =
  | {
      readonly kind: 'contact';
      readonly key: string;
      readonly contact: OutgoingContact;
      /** Values left out of this contact; empty (and shared) for nearly every row. */
      readonly misfits: readonly MisfitValue[];
    }
  | { readonly kind: 'invalid'; readonly email: string; readonly reason: string }
  /** The consent column says no and the marketer chose to leave such rows out. */
  | { readonly kind: 'opted-out'; readonly email: string; readonly key: string };

type ContactBuilder = (cells: readonly string[]) => BuiltRow;

/** A mapping that names a column the segment does not have. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
}

/** Where a mapped column is in the segment: exactly as named, else ignoring case and spaces. */
export function columnIndex(columns: readonly string[], column: string): number {
  const exact = columns.indexOf(column);
  if (exact >= 0) return exact;
  const wanted = column.trim().toLowerCase();
  const loose = columns.findIndex((candidate) => candidate.trim().toLowerCase() === wanted);
  if (loose < 0) {
    throw new MappingError(
      `The file has no column named "${column}". Its columns are: ${columns.join(', ')}.`,
    );
  }
  return loose;
}

interface FieldSlot {
  readonly kind: 'standard' | 'custom';
  /** Standard: the destination's key; custom: the field's name. */
  readonly name: string;
  /** The file column feeding it, as the mapping names it. */
  readonly column: string;
  readonly index: number;
  readonly type: CustomFieldType;
}

/** A cell as the engine reads it: spaces around it (Excel's non-breaking ones too) removed. */
export function cellText(cells: readonly string[], index: number): string {
  return (cells[index] ?? '').replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, '');
}

/** Each mapped field with its column's position and value type, as the engine converts it. */
export function compileFieldSlots(columns: readonly string[], mapping: FieldMapping): FieldSlot[] {
  return [
    ...Object.entries(mapping.standard).map(([key, column]) => ({
      kind: 'standard' as const,
      name: key,
      column,
      index: columnIndex(columns, column),
      type: standardFieldTypes[key] ?? ('string' as const),
    })),
    ...mapping.custom.map((field) => ({
      kind: 'custom' as const,
      name: field.name,
      column: field.column,
      index: columnIndex(columns, field.column),
      type: field.type,
    })),
  ];
}

function slotNames(slot: FieldSlot): Pick<MisfitValue, 'field' | 'column' | 'type'> {
  return { field: slot.name, column: slot.column, type: slot.type };
}

interface ConsentReading {
  readonly verdict: 'yes' | 'no' | 'unknown';
  readonly misfit?: MisfitValue;
}

const unknownConsent: ConsentReading = { verdict: 'unknown' };

/**
 * The consent column, read per row. Only a clear "no" changes anything; an empty or unreadable
 * cell sends the contact without touching its email permission (an unreadable one is a misfit).
 */
function compileConsent(columns: readonly string[], mapping: FieldMapping) {
  if (!mapping.emailConsent) return undefined;
  const index = columnIndex(columns, mapping.emailConsent.column);
  const column = mapping.emailConsent.column;
  return {
    optedOut: mapping.emailConsent.optedOut,
    read(cells: readonly string[]): ConsentReading {
      const text = cellText(cells, index);
      if (text === '') return unknownConsent;
      const answer = readConsent(text);
      if (answer) return { verdict: answer };
      const reason = `"${text}" is not yes or no`;
      const misfit = { field: emailConsentField, column, type: 'boolean' as const, value: text };
      return { verdict: 'unknown', misfit: { ...misfit, reason } };
    },
  };
}

/**
 * The consent column's answer on the contact: a "no" that reached here is sent unsubscribed; a
 * "yes" is the person's email permission (Ortto sets it on new people; Autopilot ignores it).
 */
function withConsent(
  contact: OutgoingContact,
  verdict: ConsentReading['verdict'] | undefined,
): OutgoingContact {
  if (verdict === 'no') return { ...contact, unsubscribe: true, emailPermission: false };
  if (verdict === 'yes') return { ...contact, emailPermission: true };
  return contact;
}

/** Compiles the mapping against a segment's columns once, so each row costs only lookups. */
export function compileContactBuilder(
  columns: readonly string[],
  mapping: FieldMapping,
): ContactBuilder {
  const emailIndex = columnIndex(columns, mapping.email);
  const slots = compileFieldSlots(columns, mapping);
  const consent = compileConsent(columns, mapping);

  return (cells) => {
    const verdict = judgeEmail(cells[emailIndex]);
    if (verdict.verdict === 'blank') {
      return { kind: 'invalid', email: '', reason: 'The email address is empty.' };
    }
    if (verdict.verdict === 'invalid') {
      return { kind: 'invalid', email: verdict.email, reason: 'The email address is not valid.' };
    }
    const standard: Record<string, ContactValue> = {};
    const custom: { name: string; type: CustomFieldType; value: ContactValue }[] = [];
    const answer = consent?.read(cells);
    if (answer?.verdict === 'no' && consent?.optedOut === 'leave-out') {
      return { kind: 'opted-out', email: verdict.email, key: emailKey(verdict.email) };
    }
    let misfits = answer?.misfit ? [answer.misfit] : noMisfits;
    for (const slot of slots) {
      const text = cellText(cells, slot.index);
      if (text === '') continue;
      const converted = convertValue(text, slot.type);
      if (!converted.ok) {
        const misfit = { ...slotNames(slot), value: text, reason: converted.reason };
        misfits = misfits === noMisfits ? [misfit] : [...misfits, misfit];
        continue;
      }
      if (slot.kind === 'standard') standard[slot.name] = converted.value;
      else custom.push({ name: slot.name, type: slot.type, value: converted.value });
    }
    return {
      kind: 'contact',
      key: emailKey(verdict.email),
      contact: withConsent({ email: verdict.email, standard, custom }, answer?.verdict),
      misfits,
    };
  };
}

/**
 * A count answered from the column facts of an earlier count under the same email column
 * (core/exports/column-facts.ts), without reading the snapshot: the contacts are the first rows
 * of each email less those whose consent says no (when the marketer leaves them out), and each
 * typed field's misfits are its column's set for its type within them. The figures are exactly
 * those a full count gives, or there is no answer and the caller counts in full.
 */
import type { Misfit } from '../../shared/model/misfit';
import { emailConsentField, type FieldMapping } from '../../shared/matching/field-mapping';
import { columnIndex, compileFieldSlots } from '../upload/contact-builder';
import type { PlannedSegment } from '../upload/export-plan';
import type { ColumnFacts, FactKind, RowFact } from './column-facts';
import { repeatLimit } from './column-facts';
import { addExample, hasEnoughExamples, misfitFigures, type CountedSegment } from './count-misfits';
import type { RowBits } from './row-bits';

/** The facts, the segment's columns, and the count that recorded them. */
export interface KeptFacts {
  readonly columns: readonly string[];
  readonly facts: ColumnFacts;
  readonly counted: PlannedSegment;
}

interface CountedField {
  readonly field: string;
  readonly column: string;
  readonly type: Misfit['type'];
  readonly fact: RowFact;
}

/**
 * The examples a full count picks: the first values among the contacts' misfitting rows, each
 * once. Undefined when the rows kept with the facts cannot tell: a row was not kept (its value
 * had `repeatLimit` rows already, or the rows stopped at their limit) and could have been picked.
 */
function pickExamples(fact: RowFact, contacts: RowBits): string[] | undefined {
  const examples: string[] = [];
  const picked = new Set<string>();
  const kept = new Map<string, number>();
  let unsure = false;
  for (const { row, value } of fact.examples) {
    const rows = (kept.get(value) ?? 0) + 1;
    kept.set(value, rows);
    if (contacts.has(row)) {
      addExample(examples, value);
      picked.add(value);
    }
    if (hasEnoughExamples(examples)) return unsure ? undefined : examples;
    // Later rows of this value were not kept: one of them would be picked if it is a contact's
    // and the value is not picked yet (or is over 200 characters, so never matches one picked).
    if (rows === repeatLimit && (!picked.has(value) || value.length > 200)) unsure = true;
  }
  return unsure || fact.capped ? undefined : examples;
}

/** The consent column first (the engine reads it first in each row), then the mapped fields. */
function countedFields(kept: KeptFacts, mapping: FieldMapping): CountedField[] {
  const factsOf = (index: number) => kept.facts.columns[index] as Record<FactKind, RowFact>;
  const consent = mapping.emailConsent;
  const consentField = consent && {
    field: emailConsentField,
    column: consent.column,
    type: 'boolean' as const,
    fact: factsOf(columnIndex(kept.columns, consent.column))['consent-unreadable'],
  };
  const typed = compileFieldSlots(kept.columns, mapping).flatMap((slot) =>
    slot.type === 'string'
      ? []
      : [
          {
            field: slot.name,
            column: slot.column,
            type: slot.type,
            fact: factsOf(slot.index)[slot.type],
          },
        ],
  );
  return consentField ? [consentField, ...typed] : typed;
}

/** Each field's misfits in the order a full count first meets them; undefined if it cannot tell. */
function countMisfits(
  fields: readonly CountedField[],
  contacts: RowBits,
  valid: number,
): Misfit[] | undefined {
  // A full count tallies by field name: two fields of one name would share a tally.
  if (new Set(fields.map((field) => field.field)).size !== fields.length) return undefined;
  const found: { first: number; misfit: Misfit }[] = [];
  for (const { field, column, type, fact } of fields) {
    const first = fact.rows.firstWith(contacts);
    if (first === undefined) continue;
    const examples = pickExamples(fact, contacts);
    if (!examples) return undefined;
    const count = fact.rows.countWith(contacts);
    found.push({ first, misfit: misfitFigures({ field, column, type, count, examples }, valid) });
  }
  // Stable: fields first met on the same row keep the engine's order within a row.
  return found.sort((a, b) => a.first - b.first).map(({ misfit }) => misfit);
}

/** The count of `mapping` (same email column as the facts), or undefined to count in full. */
export function recountFromFacts(
  kept: KeptFacts,
  mapping: FieldMapping,
  listName: string,
): CountedSegment | undefined {
  const { firstRows, columns } = kept.facts;
  const consent = mapping.emailConsent;
  const saysNo = consent && columns[columnIndex(kept.columns, consent.column)]?.['consent-no'].rows;
  const leaveOut = consent?.optedOut === 'leave-out';
  const contacts = saysNo && leaveOut ? firstRows.without(saysNo) : firstRows;
  const noAnswers = saysNo?.countWith(firstRows) ?? 0;
  const valid = contacts.count();
  const misfits = countMisfits(countedFields(kept, mapping), contacts, valid);
  if (!misfits) return undefined;
  const planned: PlannedSegment = {
    ...kept.counted,
    mapping,
    listName,
    valid,
    optedOut: leaveOut ? noAnswers : 0,
    unsubscribed: leaveOut ? 0 : noAnswers,
    selection: contacts.toSelection(),
  };
  return { planned, misfits };
}

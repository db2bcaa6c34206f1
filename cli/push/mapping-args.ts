/**
 * The field mapping of `push`: auto-matched from the header exactly as in the app, then each
 * `--map <Field>=<column>` overrides it (`--map Email=PrimaryEmail`, `--map FirstName=Nom`,
 * `--map custom:integer--Loyalty--Points=Punts`).
 */
import { standardFields } from '../../core/destination-port/standard-fields';
import { customFieldTypes, type CustomFieldType } from '../../core/destination-port/destination';
import { autoMatch } from '../../shared/matching/auto-match';
import { type SampleRows } from '../../shared/matching/email-column';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { UsageError } from '../command';

interface Override {
  readonly field: string;
  readonly column: string;
}

function parseOverride(text: string): Override {
  const equals = text.indexOf('=');
  const field = text.slice(0, Math.max(0, equals)).trim();
  const column = text.slice(equals + 1).trim();
  if (equals <= 0 || !field || !column) {
    throw new UsageError(
      `--map needs <Field>=<column>, like --map Email=PrimaryEmail (got "${text}").`,
    );
  }
  return { field, column };
}

/** `custom:string--Loyalty--Tier` → the custom field "Loyalty Tier" holding text. */
function parseCustomField(field: string): { name: string; type: CustomFieldType } {
  const match = /^custom:([a-z]+)--(.+)$/.exec(field);
  const type = match?.[1] as CustomFieldType | undefined;
  if (!match || !type || !customFieldTypes.includes(type)) {
    throw new UsageError(
      `A custom field is written custom:<type>--<Name>, with type one of ${customFieldTypes.join(', ')}; for example custom:string--Loyalty--Tier (got "${field}").`,
    );
  }
  const name = (match[2] ?? '').split('--').join(' ').trim();
  if (!name) throw new UsageError(`The custom field "${field}" has no name.`);
  return { name, type };
}

/** A standard field by its key, any case (`firstname` → `FirstName`). */
function standardKey(field: string): string {
  const found = standardFields.find(
    (candidate) => candidate.key.toLowerCase() === field.toLowerCase(),
  );
  if (!found) {
    const keys = standardFields.map((candidate) => candidate.key).join(', ');
    throw new UsageError(
      `"${field}" is not an Autopilot field. Standard fields: ${keys}. For a custom field write custom:<type>--<Name>, like custom:string--Loyalty--Tier.`,
    );
  }
  return found.key;
}

function checkColumn(columns: readonly string[], override: Override): string {
  const exact = columns.find((column) => column === override.column);
  const loose = columns.find(
    (column) => column.trim().toLowerCase() === override.column.toLowerCase(),
  );
  const found = exact ?? loose;
  if (!found) {
    throw new UsageError(
      `--map ${override.field}=${override.column}: the file has no column "${override.column}". Its columns are: ${columns.join(', ')}.`,
    );
  }
  return found;
}

export function buildMapping(
  columns: readonly string[],
  sampleRows: SampleRows,
  overrides: readonly string[],
): FieldMapping {
  const auto = autoMatch(columns, sampleRows);
  let email = auto.email;
  const standard = new Map(Object.entries(auto.standard));
  let custom: FieldMapping['custom'] = [];
  for (const override of overrides.map(parseOverride)) {
    const column = checkColumn(columns, override);
    // The column now feeds this field only: a column never feeds two fields.
    for (const [key, value] of standard) if (value === column) standard.delete(key);
    custom = custom.filter((entry) => entry.column !== column);
    if (override.field.toLowerCase() === 'email') {
      email = column;
    } else if (override.field.startsWith('custom:')) {
      const field = parseCustomField(override.field);
      custom = [
        ...custom.filter((entry) => entry.name.toLowerCase() !== field.name.toLowerCase()),
        { ...field, column },
      ];
    } else {
      standard.set(standardKey(override.field), column);
    }
  }
  if ([...standard.values(), ...custom.map((entry) => entry.column)].includes(email)) {
    throw new UsageError(
      `The column "${email}" holds the email; it cannot feed another field too.`,
    );
  }
  return { email, standard: Object.fromEntries(standard), custom };
}

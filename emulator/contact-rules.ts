/**
 * Checks one upsert body row the way the emulator's Autopilot does, before anything is stored.
 *
 * Choices where autopilot-api.md §7 is silent, made to help the app find its own bugs:
 * - `Email` is required. Autopilot made it optional in 2015 (BLOG-EMAIL), but the app always sends
 *   one and an emailless row could only be a bug (it would create duplicates).
 * - An Email that is not syntactically an address (or is listed in `invalidEmails`) fails the whole
 *   bulk request with a 400 naming it. The upload engine splits a refused batch to isolate the row.
 * - Values must be scalars (SDK rejects objects); custom keys need a known `type--` prefix.
 * - An unknown `_autopilot_list` is a 404, like any other reference to a missing list.
 */
const customTypes = new Set(['string', 'integer', 'float', 'boolean', 'date']);

/** Looser than the app's own check (shared/segments/email.ts): a backstop, not the gatekeeper. */
const emailShape = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)*\.[^\s@.]{2,}$/;

export type Scalar = string | number | boolean | null;

export interface ValidRow {
  readonly email: string;
  readonly newEmail: string | undefined;
  readonly listId: string | undefined;
  readonly fields: Readonly<Record<string, Scalar>>;
  readonly custom: Readonly<Record<string, Scalar>>;
}

export interface RowProblem {
  readonly status: 400 | 404;
  readonly message: string;
}

interface RowContext {
  readonly listExists: (listId: string) => boolean;
  readonly invalidEmails: ReadonlySet<string>;
}

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function isAcceptableEmail(email: string, context: RowContext): boolean {
  return emailShape.test(email) && !context.invalidEmails.has(email.toLowerCase());
}

function checkCustom(value: unknown): Record<string, Scalar> | string {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return '"custom" must be an object.';
  }
  for (const [key, entry] of Object.entries(value)) {
    const prefix = key.slice(0, key.indexOf('--'));
    if (!customTypes.has(prefix) || key.length <= prefix.length + 2) {
      return `Custom field key "${key}" must look like "string--Field--Name".`;
    }
    if (!isScalar(entry)) return `Custom field "${key}" must hold a single value.`;
  }
  return value as Record<string, Scalar>;
}

function splitFields(row: Record<string, unknown>): Record<string, Scalar> | string {
  const fields: Record<string, Scalar> = {};
  for (const [key, value] of Object.entries(row)) {
    if (['Email', 'custom', '_autopilot_list', '_NewEmail', 'notify', 'contact_id'].includes(key)) {
      continue;
    }
    if (!isScalar(value)) return `Field "${key}" must hold a single value.`;
    fields[key] = value;
  }
  return fields;
}

/** `position` is 1-based, for messages. */
export function checkRow(
  raw: unknown,
  position: number,
  context: RowContext,
): ValidRow | RowProblem {
  const where = `contact ${position}`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { status: 400, message: `Invalid ${where}: it must be an object.` };
  }
  const row = raw as Record<string, unknown>;
  const email = typeof row.Email === 'string' ? row.Email.trim() : '';
  if (email === '') return { status: 400, message: `Invalid ${where}: Email is missing.` };
  if (!isAcceptableEmail(email, context)) {
    return { status: 400, message: `Invalid Email "${email}" (${where}).` };
  }
  const newEmail = typeof row._NewEmail === 'string' ? row._NewEmail.trim() : undefined;
  if (newEmail !== undefined && !isAcceptableEmail(newEmail, context)) {
    return { status: 400, message: `Invalid _NewEmail "${newEmail}" (${where}).` };
  }
  const listId = row._autopilot_list;
  if (listId !== undefined && (typeof listId !== 'string' || !context.listExists(listId))) {
    return { status: 404, message: `List ${String(listId)} could not be found (${where}).` };
  }
  const custom = checkCustom(row.custom);
  if (typeof custom === 'string') return { status: 400, message: `Invalid ${where}: ${custom}` };
  const fields = splitFields(row);
  if (typeof fields === 'string') return { status: 400, message: `Invalid ${where}: ${fields}` };
  return { email, newEmail, listId, fields, custom };
}

export function isProblem(value: ValidRow | RowProblem): value is RowProblem {
  return 'status' in value;
}

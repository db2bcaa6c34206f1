/**
 * Reading a `person/merge` body (ortto-api.md): what makes the whole request a 400, and each
 * person's own problems, decided before anything is stored so a refused request changes nothing.
 */
import { builtInFieldIds, fieldValueProblem, hasValue, looksLikeEmail } from './fields';
import type { PersonProblem } from './replies';

type MergeStrategy = 1 | 2 | 3;

export interface PersonInput {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  readonly unsetTags: readonly string[];
}

export interface MergeRequest {
  readonly people: readonly PersonInput[];
  readonly mergeBy: readonly string[];
  readonly strategy: MergeStrategy;
  readonly skipNonExisting: boolean;
}

export interface MergeLimits {
  readonly maxPeople: number;
  readonly invalidEmails: readonly string[];
  readonly suppressedEmails: readonly string[];
}

/** A request-wide refusal: Ortto's `code` and `error`. */
interface RequestProblem {
  readonly code: string;
  readonly error: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const badRequest = (error: string): RequestProblem => ({ code: 'bad-request', error });

function readMergeBy(value: unknown): readonly string[] | RequestProblem {
  if (value === undefined) return ['str::email'];
  if (!isTextList(value) || value.length < 1 || value.length > 3) {
    return badRequest('merge_by takes one to three field ids.');
  }
  if (value.includes('str::person_id') && value.length > 1) {
    return badRequest('str::person_id must be the only merge_by field.');
  }
  return value;
}

function readPerson(value: unknown, index: number): PersonInput | RequestProblem {
  const tags = isRecord(value) ? (value.tags ?? []) : undefined;
  const unsetTags = isRecord(value) ? (value.unset_tags ?? []) : undefined;
  if (!isRecord(value) || !isRecord(value.fields) || !isTextList(tags) || !isTextList(unsetTags)) {
    return badRequest(
      `people[${index}] needs an object of fields, and tags and unset_tags as lists of names.`,
    );
  }
  return { fields: value.fields, tags, unsetTags };
}

/** The parsed request, or why the whole of it is refused. */
export function readMergeRequest(
  body: unknown,
  limits: MergeLimits,
  customFieldIds: ReadonlySet<string>,
): MergeRequest | RequestProblem {
  if (!isRecord(body) || !Array.isArray(body.people)) return badRequest('people is required.');
  if (body.people.length < 1 || body.people.length > limits.maxPeople) {
    return badRequest(`people takes 1 to ${limits.maxPeople} people per request.`);
  }
  const mergeBy = readMergeBy(body.merge_by);
  if ('error' in mergeBy) return mergeBy;
  const strategy = body.merge_strategy ?? 2;
  if (strategy !== 1 && strategy !== 2 && strategy !== 3) {
    return badRequest('merge_strategy is 1 (append only), 2 (overwrite) or 3 (ignore).');
  }
  const people: PersonInput[] = [];
  for (const [index, raw] of body.people.entries()) {
    const person = readPerson(raw, index);
    if ('error' in person) return person;
    const unknown = Object.keys(person.fields).find(
      (id) => !builtInFieldIds.has(id) && !customFieldIds.has(id),
    );
    if (unknown !== undefined) {
      return {
        code: 'invalid-field',
        error: `failed to validate field ${unknown}: Object not found`,
      };
    }
    people.push(person);
  }
  return { people, mergeBy, strategy, skipNonExisting: body.skip_non_existing === true };
}

const listed = (list: readonly string[], email: string) =>
  list.some((item) => item.trim().toLowerCase() === email.trim().toLowerCase());

/** Why this one person cannot be merged, or undefined. */
export function personProblem(
  person: PersonInput,
  mergeBy: readonly string[],
  limits: MergeLimits,
): PersonProblem | undefined {
  const email = person.fields['str::email'];
  if (email !== undefined && email !== null) {
    if (!looksLikeEmail(email) || listed(limits.invalidEmails, email)) {
      return { status: 'invalid', error: `invalid email address: ${String(email)}` };
    }
    if (listed(limits.suppressedEmails, email)) {
      return { status: 'suppressed', error: `${email} is on the suppression list` };
    }
  }
  for (const [id, value] of Object.entries(person.fields)) {
    const problem = fieldValueProblem(id, value);
    if (problem) return { status: 'invalid', error: problem };
  }
  const present = mergeBy.some((id) => hasValue(person.fields[id]));
  return present ? undefined : { status: 'invalid', error: `no value for ${mergeBy.join(', ')}` };
}

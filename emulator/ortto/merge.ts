/**
 * `POST /v1/person/merge` (ortto-api.md): find each person by `merge_by`, then create, update or
 * leave them as the strategy says, and answer one entry per person in the order sent.
 *
 * The emulator's readings where Ortto's answer is not documented:
 * - strategy 3 (ignore) leaves an existing person wholly alone, tags included, with the status
 *   `merged` (the `ignoredStatus` option); a client must treat any status but `created` there as
 *   "exists".
 * - `skip_non_existing` with nobody found: the status `skipped`, nothing created.
 * - a person who cannot be merged (`invalid`, `suppressed`) or was `skipped` has no `person_id`
 *   in the answer, only the status and an `error`.
 * - `find_strategy`, `async`, `location` and `clear_fields` are not modelled: people are found by
 *   the first `merge_by` field that matches, and every merge is answered as if synchronous.
 */
import type { Reply } from '../router';
import { creationDefaults } from './fields';
import {
  personProblem,
  readMergeRequest,
  type MergeLimits,
  type MergeRequest,
  type PersonInput,
} from './merge-request';
import { orttoError } from './replies';
import type { OrttoState } from './state';

interface MergeOutcome {
  readonly person_id?: string;
  /** `created`, `merged`, `skipped`, `invalid`, `suppressed`, or the `ignoredStatus` option. */
  readonly status: string;
  readonly error?: string;
}

interface Merged {
  readonly outcome: MergeOutcome;
  /** Whether anything was written: strategy 3 answers `merged` for a person it left alone. */
  readonly wrote: boolean;
}

interface MergeSettings extends MergeLimits {
  readonly ignoredStatus: string;
}

function mergeOne(
  state: OrttoState,
  person: PersonInput,
  request: MergeRequest,
  ignoredStatus: string,
): Merged {
  const found = request.mergeBy
    .map((id) => state.find(id, person.fields[id]))
    .find((match) => match !== undefined);
  if (!found) {
    if (request.skipNonExisting) {
      return { outcome: { status: 'skipped', error: 'person not found' }, wrote: false };
    }
    const created = state.create({ ...creationDefaults, ...person.fields });
    state.retag(created, person.tags, person.unsetTags);
    return { outcome: { person_id: created.person_id, status: 'created' }, wrote: true };
  }
  if (request.strategy === 3) {
    return { outcome: { person_id: found.person_id, status: ignoredStatus }, wrote: false };
  }
  state.setFields(found, person.fields, request.strategy === 1 ? 'append' : 'overwrite');
  state.retag(found, person.tags, person.unsetTags);
  return { outcome: { person_id: found.person_id, status: 'merged' }, wrote: true };
}

export function mergePeople(state: OrttoState, body: unknown, limits: MergeSettings): Reply {
  const request = readMergeRequest(body, limits, new Set(state.customFields.keys()));
  if ('error' in request) return orttoError(400, request.code, request.error);
  const problems = request.people.map((person) => personProblem(person, request.mergeBy, limits));
  const refused = problems.filter((problem) => problem !== undefined);
  if (refused.length === request.people.length) {
    return orttoError(
      400,
      'invalid-contacts',
      `No valid contacts provided (${refused.length} refused)`,
      refused,
    );
  }
  let stored = 0;
  const people = request.people.map((person, index): MergeOutcome => {
    const problem = problems[index];
    if (problem) return problem;
    const { outcome, wrote } = mergeOne(state, person, request, limits.ignoredStatus);
    stored += wrote ? 1 : 0;
    return outcome;
  });
  return { status: 200, body: { people }, stored };
}

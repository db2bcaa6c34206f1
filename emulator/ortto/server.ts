/**
 * The emulator's Ortto mode: a local Ortto person API (ortto-api.md) on 127.0.0.1 with the same
 * throttle, faults, latency and request log as the Autopilot mode (../runtime.ts), plus Ortto's
 * ban, limits and merge rules.
 */
import { mergeOptions } from '../options';
import type { RequestCounters } from '../recorder';
import { createParts, startRuntime, type RunningEmulatorBase } from '../runtime';
import { BadRequestWatch } from './ban';
import { creationDefaults } from './fields';
import { defaultOrttoOptions, type OrttoEmulatorOptions, type SeedPerson } from './options';
import { orttoRules } from './pipeline';
import { OrttoState, type StoredPerson } from './state';

export { orttoTestKey } from './options';
export type { OrttoEmulatorOptions, SeedCustomField, SeedPerson } from './options';
export type { RecordedRequest } from '../recorder';
export type { StoredCustomField, StoredPerson, StoredTag } from './state';

interface OrttoCounters extends RequestCounters {
  /** Bans served so far: a well-behaved client keeps this at 0. */
  readonly bans: number;
}

/** A stored person as a test reads it: fields by id, tags, and when made and last changed. */
interface PersonView {
  readonly person_id: string;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly tags: readonly string[];
  readonly created_at: number;
  readonly updated_at: number;
}

export interface RunningOrttoEmulator extends RunningEmulatorBase<OrttoEmulatorOptions> {
  readonly state: OrttoState;
  readonly counters: OrttoCounters;
  /** The person with this email (case-insensitive). */
  person(email: string): PersonView | undefined;
  /** Emails (as stored) of the people carrying this tag, in the order they got it. */
  peopleWithTag(tag: string): string[];
}

function view(person: StoredPerson): PersonView {
  return { ...person, fields: Object.fromEntries(person.fields), tags: [...person.tags] };
}

function seed(state: OrttoState, people: readonly SeedPerson[]): void {
  for (const person of people) {
    // Like a merge: only a seed without `bol::p` gets Ortto's subscribed default.
    const stored = state.create({ ...creationDefaults, ...person.fields });
    state.retag(stored, person.tags ?? [], []);
  }
}

export async function startOrttoEmulator(
  options: Partial<OrttoEmulatorOptions> = {},
): Promise<RunningOrttoEmulator> {
  const parts = createParts(mergeOptions(defaultOrttoOptions, options));
  const state = new OrttoState(() => parts.options.now());
  parts.options.customFields.forEach((field) => state.addCustomField(field));
  seed(state, parts.options.people);
  const watch = new BadRequestWatch();
  const running = await startRuntime(parts, orttoRules(parts, state, watch));
  const counters = Object.defineProperty(running.counters, 'bans', {
    get: () => watch.bans,
    enumerable: true,
  }) as OrttoCounters;
  // Object.assign keeps the getters (apiKey, options) that a spread would freeze.
  return Object.assign(running, {
    state,
    counters,
    person(email: string) {
      const found = state.find('str::email', email);
      return found ? view(found) : undefined;
    },
    peopleWithTag(tag: string) {
      const members = [...(state.tags.get(tag)?.members ?? [])];
      return members.map((id) => String(state.people.get(id)?.fields.get('str::email') ?? ''));
    },
  });
}

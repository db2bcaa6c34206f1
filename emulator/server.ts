/**
 * A local Autopilot REST API v1 for tests, benchmarks and people (`npm run emulator`). It speaks the
 * endpoints and JSON of ../shared/docs/autopilot-api.md on 127.0.0.1, throttles and fails on demand
 * (options.ts), and records every request so callers can assert on what arrived.
 */
import { defaultEmulatorOptions, mergeOptions, type EmulatorOptions } from './options';
import { autopilotRules } from './pipeline';
import { createParts, startRuntime, type RunningEmulatorBase } from './runtime';
import { EmulatorState, type StoredList } from './state';

export { emulatorTestKey, faultKinds } from './options';
export type { EmulatorOptions, FaultKind } from './options';
export type { RecordedRequest, RequestCounters } from './recorder';
export type { StoredContact, StoredList } from './state';

export interface RunningEmulator extends RunningEmulatorBase<EmulatorOptions> {
  readonly state: EmulatorState;
  /** The first list with this title (case-insensitive). */
  findList(name: string): StoredList | undefined;
  /** Contacts on the named list, in the read shape GET /contact returns. */
  contactsInList(name: string): Record<string, unknown>[];
  /** One contact in the read shape, by email or id. */
  contact(emailOrId: string): Record<string, unknown> | undefined;
}

function inspection(state: EmulatorState) {
  const findList = (name: string) => {
    const wanted = name.trim().toLowerCase();
    return [...state.lists.values()].find((list) => list.title.trim().toLowerCase() === wanted);
  };
  return {
    findList,
    contactsInList(name: string) {
      const list = findList(name);
      const members = list ? [...(state.memberships.get(list.list_id) ?? [])] : [];
      return members.flatMap((id) => {
        const contact = state.findContact(id);
        return contact ? [state.toRecord(contact)] : [];
      });
    },
    contact(emailOrId: string) {
      const contact = state.findContact(emailOrId);
      return contact ? state.toRecord(contact) : undefined;
    },
  };
}

export async function startEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<RunningEmulator> {
  const parts = createParts(mergeOptions(defaultEmulatorOptions, options));
  const state = new EmulatorState(() => parts.options.now());
  parts.options.customFields.forEach((field) => state.addCustomField(field));
  const running = await startRuntime(parts, autopilotRules(parts, state));
  // Object.assign keeps the getters (apiKey, options) that a spread would freeze.
  return Object.assign(running, { state, ...inspection(state) });
}

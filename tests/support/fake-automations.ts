import type { BackgroundAutomations } from '../../electron/app/automation-checks';

/**
 * An automation service with one switch the test flips (telling its listeners, as the real one
 * does when an automation is turned on or off), counting the checks asked of it.
 */
export function fakeAutomationService(on: boolean) {
  const listeners = new Set<() => void>();
  const state = { on, checks: 0 };
  const service: BackgroundAutomations = {
    anyEnabled: () => state.on,
    checkNow: async () => {
      state.checks += 1;
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const turn = (value: boolean) => {
    state.on = value;
    for (const listener of listeners) listener();
  };
  return { service, state, turn };
}

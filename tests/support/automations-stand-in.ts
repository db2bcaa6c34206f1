/**
 * Built into main.cjs in place of electron/app/automation-checks.ts by the boot tests that need
 * automations on (tests/support/main-bundle.ts): everything is the real module's except
 * automationsIn, which answers with the automation service the test put on globalThis. The rest
 * of main.ts, and every module it wires, is the shipped code.
 */
import { noAutomations, type BackgroundAutomations } from '../../electron/app/automation-checks';

export * from '../../electron/app/automation-checks';

export const automationsStandInKey = 'segmentCourierAutomationsStandIn';

export function automationsIn(): BackgroundAutomations {
  const standIn = (globalThis as Record<string, unknown>)[automationsStandInKey];
  return (standIn as BackgroundAutomations | undefined) ?? noAutomations;
}

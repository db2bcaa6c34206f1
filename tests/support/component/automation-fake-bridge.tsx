/**
 * A stand-in for main on the Automatic exports screen: saved setups' automations as main would
 * describe them, every call recorded, enable/disable answering (or refusing) as the test says,
 * and automation:changed events a test can emit.
 */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import { NavigationContext, type NavigationTarget } from '../../../renderer/src/app/navigation';
import { AutomationScreen } from '../../../renderer/src/features/automation/automation-screen';
import type { BridgeApi, ChannelInput } from '../../../shared/ipc/bridge-api';
import type {
  AutomationStatement,
  AutomationView,
  BackgroundSettings,
} from '../../../shared/ipc/channels/automation';
import type { JobListItem } from '../../../shared/model/jobs';
import type { AutomationRun } from '../../../shared/model/automation';
import type { IpcResult } from '../../../shared/ipc/result';
import { renderWithApp } from './render-app';

const ok = <T,>(value: T): IpcResult<T> => ({ ok: true, value });
export const refused = (code: string, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, params: {}, message },
});

export function view(overrides: Partial<AutomationView> = {}): AutomationView {
  return {
    setupId: 'setup-1',
    setupName: 'Weekly newsletter',
    destinationName: 'Autopilot Girona',
    enabled: false,
    folder: null,
    schedule: null,
    standingConsent: null,
    nextRunAt: null,
    waiting: null,
    running: false,
    lastRun: null,
    ...overrides,
  };
}

export function statementFor(
  input: ChannelInput<'automation:statement'>,
  overrides: Partial<AutomationStatement> = {},
): AutomationStatement {
  return {
    setupId: input.setupId,
    setupName: 'Weekly newsletter',
    destination: { name: 'Autopilot Girona', endpoint: 'http://127.0.0.1:9/v1' },
    fields: ['Email', 'First name'],
    lists: [{ segmentName: 'clients-girona', listName: 'Newsletter' }],
    mirror: true,
    folder: input.folder,
    schedule: input.schedule,
    needsEmailPermission: false,
    ...overrides,
  };
}

export function run(overrides: Partial<AutomationRun> = {}): AutomationRun {
  return {
    id: 'run-1',
    setupId: 'setup-1',
    setupName: 'Weekly newsletter',
    at: '2026-03-02T07:30:00.000Z',
    trigger: {
      kind: 'folder',
      setupId: 'setup-1',
      setupName: 'Weekly newsletter',
      folder: '/exports/girona',
    },
    outcome: 'sent',
    jobId: 'job-1',
    code: null,
    message: 'Sent 12 contacts.',
    ...overrides,
  };
}

export interface FakeAutomationOptions {
  readonly views?: AutomationView[];
  readonly runs?: AutomationRun[];
  readonly jobs?: JobListItem[];
  readonly background?: BackgroundSettings;
  readonly statement?: Partial<AutomationStatement>;
  /** What automation:enable answers; by default the automation turned on as asked. */
  readonly enable?: (
    input: ChannelInput<'automation:enable'>,
  ) => IpcResult<AutomationView> | undefined;
  readonly folder?: string | null;
}

export function fakeAutomationBridge(options: FakeAutomationOptions = {}) {
  let views = options.views ?? [view()];
  const listeners: ((payload: AutomationView) => void)[] = [];
  const replace = (next: AutomationView) => {
    views = views.map((item) => (item.setupId === next.setupId ? next : item));
    return next;
  };
  const calls = {
    automationStatement: vi.fn(async (input: ChannelInput<'automation:statement'>) =>
      ok(statementFor(input, options.statement)),
    ),
    automationEnable: vi.fn(async (input: ChannelInput<'automation:enable'>) => {
      const answer = options.enable?.(input);
      if (answer && !answer.ok) return answer;
      const current = views.find((item) => item.setupId === input.setupId) ?? view();
      return ok(
        replace({ ...current, enabled: true, folder: input.folder, schedule: input.schedule }),
      );
    }),
    automationDisable: vi.fn(async ({ setupId }: { setupId: string }) => {
      const current = views.find((item) => item.setupId === setupId) ?? view();
      return ok(replace({ ...current, enabled: false, standingConsent: null, nextRunAt: null }));
    }),
    automationChooseFolder: vi.fn(async () => ok({ folder: options.folder ?? '/exports/girona' })),
    automationSetStartAtLogin: vi.fn(async ({ enabled }: { enabled: boolean }) =>
      ok({ startAtLoginSupported: true, startAtLogin: enabled }),
    ),
  };
  const bridge = {
    ...calls,
    automationList: vi.fn(async () => ok(views)),
    automationRuns: vi.fn(async () => ok(options.runs ?? [])),
    automationBackground: vi.fn(async () =>
      ok(options.background ?? { startAtLoginSupported: false, startAtLogin: false }),
    ),
    jobsList: vi.fn(async () => ok(options.jobs ?? [])),
    onAutomationChanged: (listener: (payload: AutomationView) => void) => {
      listeners.push(listener);
      return () => undefined;
    },
  };
  return {
    bridge: bridge as unknown as Partial<BridgeApi>,
    calls,
    /** As main does: the list read from now on carries the change, and the event goes out. */
    emitChanged: (next: AutomationView) => {
      replace(next);
      act(() => listeners.forEach((listener) => listener(next)));
    },
  };
}

export async function renderAutomation(
  bridge: Partial<BridgeApi>,
  target: NavigationTarget = { screen: 'automation' },
  language: 'en' | 'ca' = 'en',
) {
  const navigate = vi.fn();
  await renderWithApp(
    <NavigationContext.Provider value={{ target, navigate }}>
      <AutomationScreen />
    </NavigationContext.Provider>,
    bridge,
    language,
  );
  return navigate;
}

/**
 * A stand-in bridge for the Export screen's component tests: segments and a destination as main
 * would list them, and every export call recorded so a test can assert what the screen asked for.
 */
import { vi } from 'vitest';
import type { ReactElement } from 'react';
import { NavigationContext, type NavigationTarget } from '../../../renderer/src/app/navigation';
import type { BridgeApi } from '../../../shared/ipc/bridge-api';
import type { DestinationSummary } from '../../../shared/model/destinations';
import type { ExportSegmentInput, SegmentShape } from '../../../shared/model/exports';
import type { ExportPlanSummary } from '../../../shared/model/export-plan';
import type { SegmentSummary } from '../../../shared/segments/segment-summary';
import { renderWithApp } from './render-app';

export function segment(
  id: string,
  columns: string[],
  preview: string[][],
  overrides: Partial<SegmentSummary> = {},
): SegmentSummary {
  return {
    id,
    name: id,
    fileName: `${id}.csv`,
    size: 100,
    importedAt: '2026-03-01T10:00:00.000Z',
    encoding: 'utf-8',
    delimiter: ';',
    hasBom: false,
    columns,
    emailColumn: null,
    counts: {
      rows: preview.length,
      valid: preview.length,
      invalid: 0,
      blank: 0,
      duplicates: 0,
      wrongFieldCount: 0,
    },
    problems: [],
    problemCount: 0,
    preview,
    ...overrides,
  };
}

export const destination: DestinationSummary = {
  id: 'dest-1',
  displayName: 'Autopilot Barcelona',
  service: 'autopilot',
  endpoint: 'https://api2.autopilothq.com/v1',
  requestsPerSecond: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  privacyAgreement: {
    agreedAt: '2026-01-01T00:00:00.000Z',
    osUser: 'marta',
    termsVersion: '2025-01',
  },
};

/** An Ortto account in the Europe region (issue 16): its lists are tags. */
export const orttoDestination: DestinationSummary = {
  ...destination,
  id: 'dest-ortto',
  displayName: 'Ortto Girona',
  service: 'ortto',
  region: 'eu',
  endpoint: 'https://api.eu.ap3api.com/v1',
  requestsPerSecond: 10,
};

const ok = <T,>(value: T) => ({ ok: true as const, value });

export interface FakeOptions {
  readonly segments: SegmentSummary[];
  readonly remembered?: Record<string, SegmentShape['remembered']>;
  /** The engine's answer to a count; defaults to every row valid, nothing misfit. */
  readonly plan?: (segments: ExportSegmentInput[]) => ExportPlanSummary;
  /** The destinations main lists; defaults to the Autopilot one. */
  readonly destinations?: DestinationSummary[];
}

function defaultPlan(all: SegmentSummary[]) {
  return (requests: ExportSegmentInput[]): ExportPlanSummary => {
    const segments = requests.map((request) => {
      const rows = all.find((item) => item.id === request.segmentId)?.counts.rows ?? 0;
      return {
        segmentId: request.segmentId,
        rows,
        valid: rows,
        invalid: 0,
        duplicates: 0,
        optedOut: 0,
        unsubscribed: 0,
        misfits: [],
      };
    });
    const valid = segments.reduce((sum, item) => sum + item.valid, 0);
    return {
      segments,
      totals: {
        rows: valid,
        valid,
        invalid: 0,
        duplicates: 0,
        optedOut: 0,
        unsubscribed: 0,
        misfitValues: 0,
      },
      large: valid > 100_000,
    };
  };
}

export function fakeExportBridge(options: FakeOptions) {
  const plan = options.plan ?? defaultPlan(options.segments);
  const calls = {
    exportsPlan: vi.fn(async (input: { segments: ExportSegmentInput[] }) =>
      ok(plan(input.segments)),
    ),
    exportsStart: vi.fn(async () => ok({ jobId: '20260301-100000-abcdef' })),
    exportsPreview: vi.fn(async (input: { segment: ExportSegmentInput; listId: string | null }) =>
      ok({
        body: JSON.stringify({ contacts: [{ Email: 'anna@exemple.cat', input }] }, null, 2),
        contacts: 1,
        rows: [{ email: 'anna@exemple.cat', standard: {}, custom: {} }],
      }),
    ),
  };
  const bridge = {
    ...calls,
    segmentsList: vi.fn(async () => ok(options.segments)),
    destinationsList: vi.fn(async () => ok(options.destinations ?? [destination])),
    exportsShapes: vi.fn(async (input: { segmentIds: string[] }) =>
      ok(
        input.segmentIds.map((segmentId) => ({
          segmentId,
          signature: `sig-${options.segments.find((item) => item.id === segmentId)?.columns.join('|')}`,
          remembered: options.remembered?.[segmentId] ?? null,
        })),
      ),
    ),
    exportsFields: vi.fn(async () =>
      ok([
        {
          key: 'Nivell',
          label: 'Nivell',
          kind: 'custom' as const,
          type: 'string' as const,
          required: false,
        },
      ]),
    ),
    exportsLists: vi.fn(async () => ok([{ id: 'contactlist_1', name: 'Newsletter' }])),
    exportsSetups: vi.fn(async () => ok([])),
  };
  return { bridge: bridge as unknown as Partial<BridgeApi>, calls };
}

/** Renders a screen inside the app's providers and a navigation the test can watch. */
export async function renderScreen(
  ui: ReactElement,
  bridge: Partial<BridgeApi>,
  language: 'en' | 'ca' = 'en',
  target: NavigationTarget = { screen: 'export' },
) {
  const navigate = vi.fn();
  const view = await renderWithApp(
    <NavigationContext.Provider value={{ target, navigate }}>{ui}</NavigationContext.Provider>,
    bridge,
    language,
  );
  return { ...view, navigate };
}

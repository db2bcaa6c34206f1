/**
 * A stand-in for main on the Destinations screen: it keeps a list, so the screen's cache refreshes
 * see the changes, and records every call.
 */
import { vi } from 'vitest';
import { DestinationsScreen } from '../../../renderer/src/features/destinations/destinations-screen';
import type { BridgeApi } from '../../../shared/ipc/bridge-api';
import type {
  ConnectOutcome,
  CreateDestinationInput,
  DestinationSummary,
} from '../../../shared/model/destinations';
import { renderWithApp } from './render-app';

export const key = '5ec12e7a5ec12e7a5ec12e7a5ec12e7a';

export function summary(displayName: string, id = `id-${displayName}`): DestinationSummary {
  return {
    id,
    displayName,
    service: 'autopilot',
    endpoint: 'https://api2.autopilothq.com/v1',
    requestsPerSecond: 5,
    createdAt: '2025-03-04T10:20:30.000Z',
    privacyAgreement: {
      agreedAt: '2025-03-04T10:20:30.000Z',
      osUser: 'marta',
      termsVersion: '2025-01',
    },
  };
}

export const ok = <T,>(value: T) => ({ ok: true as const, value });
export const fail = (
  code: string,
  message = 'main says no',
  params: Record<string, string | number> = {},
) => ({
  ok: false as const,
  error: { code, params, message },
});

export function bridgeWith(initial: DestinationSummary[] = [], connect?: () => unknown) {
  const saved = [...initial];
  const bridge = {
    destinationsList: vi.fn(async () => ok([...saved])),
    destinationsHasKey: vi.fn(async () => ok({ hasKey: true })),
    destinationsCreate: vi.fn(async (input: CreateDestinationInput) => {
      const created = {
        ...summary(input.displayName.trim()),
        service: input.service ?? 'autopilot',
        ...(input.region ? { region: input.region } : {}),
      };
      saved.push(created);
      return ok(created);
    }),
    destinationsUpdate: vi.fn(),
    destinationsReplaceKey: vi.fn(async () => ok({ hasKey: true as const })),
    destinationsConnect: vi.fn(
      async () =>
        connect?.() ?? ok<ConnectOutcome>({ status: 'connected', listCount: 3, checkedAt: '' }),
    ),
    destinationsDelete: vi.fn(async ({ id }: { id: string }) => {
      saved.splice(
        saved.findIndex((item) => item.id === id),
        1,
      );
      return ok({ keyRemoved: true, removedExportSetups: 0 });
    }),
  };
  return bridge;
}

export const render = (bridge: ReturnType<typeof bridgeWith>, language: 'en' | 'ca' = 'en') =>
  renderWithApp(<DestinationsScreen />, bridge as unknown as Partial<BridgeApi>, language);

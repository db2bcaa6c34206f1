import { describe, expect, it, vi } from 'vitest';
import { buildBridgeApi, eventMethodNameOf, methodNameOf } from '../../shared/ipc/bridge-api';
import { ipcChannels } from '../../shared/ipc/contract';
import { CourierError, unwrapResult } from '../../shared/ipc/result';

describe('bridge built from the contract', () => {
  it('names methods after channels', () => {
    expect(methodNameOf('app:info')).toBe('appInfo');
    expect(methodNameOf('segments:import')).toBe('segmentsImport');
    expect(eventMethodNameOf('jobs:progress')).toBe('onJobsProgress');
  });

  it('routes each method through the transport with its own channel', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true as const, value: channel }));
    const api = buildBridgeApi({ invoke, subscribe: () => () => undefined });
    for (const channel of ipcChannels) {
      const method = (api as unknown as Record<string, (input?: unknown) => Promise<unknown>>)[
        methodNameOf(channel)
      ];
      await expect(method?.()).resolves.toEqual({ ok: true, value: channel });
    }
    expect(invoke).toHaveBeenCalledTimes(ipcChannels.length);
  });

  it('turns a failed result into a CourierError with code and message', () => {
    expect(unwrapResult({ ok: true, value: 3 })).toBe(3);
    try {
      unwrapResult({
        ok: false,
        error: { code: 'keychain-locked', params: {}, message: 'Unlock it.' },
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CourierError);
      expect((error as CourierError).code).toBe('keychain-locked');
      expect((error as CourierError).message).toBe('Unlock it.');
    }
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventMethodNameOf, methodNameOf } from '../../shared/ipc/bridge-api';
import { ipcChannels, ipcEventChannels } from '../../shared/ipc/contract';

const exposed = new Map<string, Record<string, unknown>>();
const invoke = vi.fn(async () => ({ ok: true, value: null }));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
}));

describe('the preload exposes exactly the contract', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../electron/preload/preload');
  });

  it('under one key, with one function per channel and event, nothing more', () => {
    expect([...exposed.keys()]).toEqual(['courier']);
    const api = exposed.get('courier') ?? {};
    const expected = [
      ...ipcChannels.map(methodNameOf),
      ...ipcEventChannels.map(eventMethodNameOf),
    ].sort();
    expect(Object.keys(api).sort()).toEqual(expected);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
  });

  it('sends each function to its own fixed channel', async () => {
    const api = exposed.get('courier') ?? {};
    for (const channel of ipcChannels) {
      invoke.mockClear();
      await (api[methodNameOf(channel)] as (input?: unknown) => Promise<unknown>)(undefined);
      expect(invoke).toHaveBeenCalledWith(channel, undefined);
    }
  });
});

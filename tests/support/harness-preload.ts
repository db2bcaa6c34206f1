// Runs inside the page in end-to-end tests, in place of electron/preload/preload.ts. It builds
// `window.courier` with the same buildBridgeApi the preload uses; only the transport differs.
import { buildBridgeApi, type BridgeTransport } from '../../shared/ipc/bridge-api';
import type { IpcResult } from '../../shared/ipc/result';

type Listener = (payload: unknown) => void;

interface HarnessWindow {
  __courierInvoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  __courierEmit?: (channel: string, payload: unknown) => void;
  courier?: unknown;
}

const harnessWindow = window as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

harnessWindow.__courierEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const bindingTransport: BridgeTransport = {
  invoke: (channel, input) => harnessWindow.__courierInvoke(channel, input),
  subscribe(channel, listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return () => {
      set.delete(listener);
    };
  },
};

Object.defineProperty(window, 'courier', {
  value: Object.freeze(buildBridgeApi(bindingTransport)),
  writable: false,
  configurable: false,
});

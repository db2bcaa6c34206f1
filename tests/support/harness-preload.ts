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

/**
 * Stands in for Electron's webUtils.getPathForFile: the files a test drops with a path
 * (tests/support/drop-files.ts) are remembered here, keyed by the File object itself, so a
 * File the page makes up has no path, as in the app.
 */
const droppedPaths = new WeakMap<object, string>();
Object.defineProperty(window, '__courierDroppedPath', {
  value: (file: File, filePath: string) => droppedPaths.set(file, filePath),
  writable: false,
  configurable: false,
});

harnessWindow.__courierEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const bindingTransport: BridgeTransport = {
  invoke: (channel, input) => harnessWindow.__courierInvoke(channel, input),
  pathForFile: (file) => (typeof file === 'object' && file ? droppedPaths.get(file) : '') ?? '',
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

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridgeApi, type BridgeTransport } from '../../shared/ipc/bridge-api';
import type { IpcResult } from '../../shared/ipc/result';

/**
 * The sandboxed preload: one function per contract entry on `window.courier`, nothing else.
 * Event listeners receive the payload, never Electron's event object.
 */
const electronTransport: BridgeTransport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<IpcResult<unknown>>,
  subscribe(channel, listener) {
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  // Only a File the person dropped or picked has a path; anything the page makes up has none.
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('courier', buildBridgeApi(electronTransport));

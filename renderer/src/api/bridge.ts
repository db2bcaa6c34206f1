import type { BridgeApi } from '../../../shared/ipc/bridge-api';

declare global {
  interface Window {
    /** Exposed by the preload (or the test harness): one function per IPC contract entry. */
    readonly courier?: BridgeApi;
  }
}

/** The bridge to main. Absent only when the page is opened outside the app. */
export function getBridge(): BridgeApi {
  const bridge = window.courier;
  if (!bridge) throw new Error('Segment Courier must be opened from the desktop app.');
  return bridge;
}

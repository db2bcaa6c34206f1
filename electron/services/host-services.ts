import type { AppInfo } from '../../shared/ipc/channels/app';
import type { EventPayload } from '../../shared/ipc/bridge-api';
import type { IpcEventChannel } from '../../shared/ipc/contract';

/** How main pushes events to the renderer: `webContents.send` in the app, the page in tests. */
export interface EventSink {
  emit<E extends IpcEventChannel>(channel: E, payload: EventPayload<E>): void;
}

/** What only the host (Electron, or the test harness standing in for it) can provide. */
export interface HostEnvironment {
  readonly appName: string;
  readonly appVersion: string;
  readonly platform: string;
  /** The app's data folder: settings, segment snapshots, job journals. */
  readonly dataFolder: string;
  readonly events: EventSink;
}

/**
 * Every main-process service, created once over one data folder. Electron's main.ts and the
 * end-to-end harness both call this, so the tests exercise the same services the app runs.
 * Nothing here imports Electron.
 */
export interface HostServices {
  readonly appInfo: AppInfo;
  readonly environment: HostEnvironment;
  /** Stops timers and flushes what must be on disk; called before quitting. */
  dispose(): Promise<void>;
}

export async function createHostServices(environment: HostEnvironment): Promise<HostServices> {
  return {
    appInfo: {
      name: environment.appName,
      version: environment.appVersion,
      platform: environment.platform,
      dataFolder: environment.dataFolder,
    },
    environment,
    async dispose() {},
  };
}

import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fakeSession } from './fake-session';

/**
 * A recording stand-in for the `electron` module, for loading the built main process
 * (dist/electron/main.cjs) in plain Node: it keeps what main registers (IPC handlers, windows,
 * protocol handlers, app listeners) so a test can check the boot and then drive it.
 */

export type IpcListener = (event: unknown, input?: unknown) => unknown;

interface Signal<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

function signal<T>(): Signal<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

export interface FakeElectronOptions {
  /** Electron's userData folder. */
  readonly dataFolder: string;
  /** What `app.requestSingleInstanceLock()` answers: false when another copy runs. */
  readonly lockGranted: boolean;
}

interface MenuItem {
  readonly label: string;
  readonly click: () => void;
}

export function createFakeElectron(options: FakeElectronOptions) {
  const ready = signal<undefined>();
  const windowOpened = signal<undefined>();
  const quitCalled = signal<undefined>();
  const exitCalled = signal<number>();
  // A launch that never opens a window (the command line) rejects it with nobody waiting.
  windowOpened.promise.catch(() => undefined);
  const quitWaiters: { count: number; resolve: () => void }[] = [];
  const handled: [string, IpcListener][] = [];
  const listened: string[] = [];
  const privilegedSchemes: unknown[] = [];
  const protocolHandlers = new Map<string, (request: { url: string }) => Promise<Response>>();
  const calls = {
    lock: 0,
    whenReady: 0,
    quit: 0,
    exit: [] as number[],
    loginItemWrites: [] as unknown[],
  };
  const trays: FakeTray[] = [];
  const power = new EventEmitter();
  const defaultSession = fakeSession();

  const app = Object.assign(new EventEmitter(), {
    whenReady() {
      calls.whenReady += 1;
      return ready.promise;
    },
    getName: () => 'Segment Courier',
    getVersion: () => '0.0.0-boot',
    getLocale: () => 'en',
    getPath: (name: string) =>
      name === 'userData' ? options.dataFolder : path.join(options.dataFolder, name),
    requestSingleInstanceLock() {
      calls.lock += 1;
      return options.lockGranted;
    },
    quit() {
      calls.quit += 1;
      quitCalled.resolve(undefined);
      for (const waiter of quitWaiters.filter((entry) => entry.count <= calls.quit))
        waiter.resolve();
    },
    exit(code: number) {
      calls.exit.push(code);
      exitCalled.resolve(code);
      windowOpened.reject(new Error(`main called app.exit(${code}) while starting`));
    },
    getLoginItemSettings: () => ({ openAtLogin: false, wasOpenedAtLogin: false }),
    setLoginItemSettings: (settings: unknown) => calls.loginItemWrites.push(settings),
  });

  /** Electron's Tray as far as main uses it: the icon's path, tooltip, menu and click. */
  class FakeTray extends EventEmitter {
    tooltip = '';
    menu: MenuItem[] = [];
    destroyed = false;
    constructor(readonly image: { path: string }) {
      super();
      trays.push(this);
    }
    setToolTip(tooltip: string) {
      this.tooltip = tooltip;
    }
    setContextMenu(menu: { items: MenuItem[] }) {
      this.menu = menu.items;
    }
    destroy() {
      this.destroyed = true;
    }
  }

  class BrowserWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), {
      mainFrame: {},
      sent: [] as [string, unknown][],
      send(channel: string, payload: unknown) {
        this.sent.push([channel, payload]);
      },
    });
    loadedUrl: string | null = null;

    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      windowOpened.resolve(undefined);
    }

    static getAllWindows() {
      return windows;
    }

    async loadURL(url: string) {
      this.loadedUrl = url;
    }

    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
  }
  const windows: BrowserWindow[] = [];

  const electron = {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, listener: IpcListener) => handled.push([channel, listener]),
      on: (channel: string) => listened.push(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    session: { defaultSession: defaultSession.session },
    nativeTheme: { shouldUseDarkColors: false },
    // Used only on demand (dialogs, notifications, links): a call fails the test loudly.
    dialog: {},
    shell: {},
    Notification: { isSupported: () => false },
    powerSaveBlocker: {},
    Tray: FakeTray,
    Menu: { buildFromTemplate: (items: MenuItem[]) => ({ items }) },
    nativeImage: { createFromPath: (imagePath: string) => ({ path: imagePath }) },
    powerMonitor: power,
  };

  return {
    electron,
    app,
    windows,
    handled,
    listened,
    privilegedSchemes,
    protocolHandlers,
    calls,
    defaultSession,
    trays,
    power,
    /** Resolves `app.whenReady()`, as Electron does once it has started. */
    becomeReady: () => ready.resolve(undefined),
    /** Settles when main opens its first window (or rejects when it gives up starting). */
    windowOpened: windowOpened.promise,
    quitCalled: quitCalled.promise,
    /** Settles with the code main passes to app.exit (the command line's exit code). */
    exitCalled: exitCalled.promise,
    /** Settles once app.quit() has been called `count` times in all. */
    quitCount: (count: number) =>
      new Promise<void>((resolve) => {
        if (calls.quit >= count) resolve();
        else quitWaiters.push({ count, resolve });
      }),
  };
}

interface ModuleLoader {
  _load(request: string, parent: { filename?: string } | undefined, isMain: boolean): unknown;
}

/**
 * Runs a bundle with `require('electron')` answered by the stand-in. The bundle's other external
 * packages load from the repository's node_modules, as they would from the packaged app's.
 * Returns the function that takes the stand-in away again.
 */
export function loadWithFakeElectron(
  bundlePath: string,
  electron: object,
  repositoryRoot: string,
): () => void {
  const loader = Module as unknown as ModuleLoader;
  const originalLoad = loader._load;
  const requireFromRepository = createRequire(path.join(repositoryRoot, 'package.json'));
  loader._load = function (request, parent, isMain) {
    if (parent?.filename !== bundlePath) return originalLoad.call(this, request, parent, isMain);
    if (request === 'electron') return electron;
    if (Module.isBuiltin(request)) return originalLoad.call(this, request, parent, isMain);
    return requireFromRepository(request);
  };
  const restore = () => {
    loader._load = originalLoad;
  };
  try {
    const requireBundle = createRequire(bundlePath);
    // A second load (another launch in the same test file) runs the bundle afresh.
    Reflect.deleteProperty(requireBundle.cache, bundlePath);
    requireBundle(bundlePath);
  } catch (error) {
    restore();
    throw error;
  }
  return restore;
}

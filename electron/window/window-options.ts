import type { BrowserWindowConstructorOptions } from 'electron';

interface WindowOptionsInput {
  readonly preloadPath: string;
  readonly iconPath?: string;
  readonly backgroundColor: string;
}

/**
 * The one set of options every window is built with (style.md, practice 10). Each security flag is
 * written out, even where it equals Electron's default, so a test can read it and a change is seen.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 880,
    minHeight: 600,
    title: 'Segment Courier',
    show: false,
    backgroundColor: input.backgroundColor,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}

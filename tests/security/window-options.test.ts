import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../electron/window/window-options';

describe('window options', () => {
  const options = buildWindowOptions({ preloadPath: '/app/preload.cjs', backgroundColor: '#fff' });
  const web = options.webPreferences ?? {};

  it('isolates the page from Node', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('sets no unsafe flag', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the given preload', () => {
    expect(web.preload).toBe('/app/preload.cjs');
  });
});

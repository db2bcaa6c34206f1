import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium';

// End to end in Debian's Chromium (../shared/docs/environment.md): the renderer as Vite builds it,
// the test harness standing in for the preload bridge. `npm run test:e2e` builds the renderer first.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
});

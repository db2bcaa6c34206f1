import { test as base } from '@playwright/test';
import { openApp, type AppHarness } from '../support/app-harness';

/** `app`: the built renderer in Chromium, backed by real main-process services. */
export const test = base.extend<{ app: AppHarness }>({
  app: async ({ page }, use) => {
    const harness = await openApp(page);
    await use(harness);
    await harness.close();
  },
});

export { expect } from '@playwright/test';

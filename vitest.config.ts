import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Four tiers run by `npm test` (the Chromium end-to-end tier is Playwright's: playwright.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'tests/unit/**/*.test.ts',
            'core/**/*.test.ts',
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'cli/**/*.test.ts',
            'emulator/**/*.test.ts',
          ],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          include: ['tests/component/**/*.test.{ts,tsx}', 'renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'security',
          environment: 'node',
          include: ['tests/security/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});

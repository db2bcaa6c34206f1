// Issue 15, item 7: the layers inside core/ and between the folders are enforced by lint
// (eslint.config.js). Each rule is shown to fail on an import it forbids, at a path where no file
// exists yet, and to let through what it allows.
import { describe, expect, it } from 'vitest';
import { restrictedImportMessages } from '../support/lint-messages';

// The first lint of a run loads the TypeScript parser and the whole configuration: seconds on a
// busy machine, so more than vitest's default 5 s per test.
const firstLintTimeout = 30_000;

const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

describe('layers are enforced by lint', () => {
  it.each([
    // The engine never reaches a concrete destination, only core/destination-port/.
    ['core/upload/new-file.ts', '../autopilot/autopilot-wire'],
    ['core/jobs/new-file.ts', '../ortto/ortto-client'],
    ['core/sync/deeper/new-file.ts', '../../autopilot/contact-builder'],
    ['core/report/new-file.ts', '../ortto/ortto-fields'],
    // core/ never imports the IPC contract, not even the files that once did.
    ['core/exports/new-file.ts', '../../shared/ipc/contract'],
    ['core/exports/contact-preview.ts', '../../shared/ipc/contract'],
    ['core/upload/new-file.ts', '../../shared/ipc/result'],
    // core/ depends on core/ and shared/ only.
    ['core/new-file.ts', '../electron/services/host-services'],
    ['core/import/new-file.ts', '../../renderer/src/api/bridge'],
    ['core/import/new-file.ts', '../../cli/main'],
    ['core/upload/new-file.ts', '../../emulator/server'],
    ['core/upload/new-file.ts', '../../bench/run-all'],
    ['core/upload/new-file.ts', '../../tests/support/cli-world'],
    // shared/, the renderer, the command line and the emulator keep to their own.
    ['shared/model/new-file.ts', '../../core/upload/run'],
    ['shared/new-file.ts', '../cli/main'],
    ['renderer/src/new-file.ts', '../../core/segments/segment-library'],
    ['renderer/src/features/new-file.tsx', '../../../cli/main'],
    ['cli/new-file.ts', '../electron/main'],
    ['cli/push/new-file.ts', '../../renderer/src/main'],
    ['emulator/new-file.ts', '../core/autopilot/autopilot-wire'],
    ['emulator/ortto/new-file.ts', '../../shared/model/destination-service'],
  ])(
    'rejects, in %s, an import of %s',
    async (file, specifier) => {
      expect(await restrictedImportMessages(file, importing(specifier))).not.toEqual([]);
    },
    firstLintTimeout,
  );

  it.each([
    ['core/upload/new-file.ts', '../destination-port/destination'],
    ['core/upload/new-file.ts', '../../shared/model/destination-service'],
    ['core/destinations/new-file.ts', '../autopilot/autopilot-errors'],
    ['core/exports/contact-preview.ts', '../../shared/model/exports'],
    ['cli/push/new-file.ts', '../../core/upload/run'],
    ['emulator/new-file.ts', './options'],
    ['electron/services/new-file.ts', '../../shared/ipc/contract'],
  ])(
    'allows, in %s, an import of %s',
    async (file, specifier) => {
      expect(await restrictedImportMessages(file, importing(specifier))).toEqual([]);
    },
    firstLintTimeout,
  );
});

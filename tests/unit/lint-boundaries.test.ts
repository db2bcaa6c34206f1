import { describe, expect, it } from 'vitest';
import { restrictedImportMessages } from '../support/lint-messages';

describe('layer boundaries are enforced by lint', () => {
  it.each([
    [
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      'renderer/src/bad.ts',
    ],
    [
      "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      'renderer/src/bad.ts',
    ],
    ["import fs from 'fs';\nexport const x = fs;\n", 'renderer/src/features/bad.tsx'],
    [
      "import { createHostServices } from '../../electron/services/host-services';\nexport const x = createHostServices;\n",
      'renderer/src/bad.ts',
    ],
    ["import { app } from 'electron';\nexport const x = app;\n", 'shared/bad.ts'],
    ["import path from 'node:path';\nexport const x = path;\n", 'shared/bad.ts'],
    ["import { app } from 'electron';\nexport const x = app;\n", 'core/bad.ts'],
    [
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
      'electron/services/bad.ts',
    ],
    [
      "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n",
      'electron/main-bad.ts',
    ],
    ["import remote from '@electron/remote';\nexport const x = remote;\n", 'electron/bad.ts'],
  ])('rejects %j in %s', async (source, file) => {
    expect(await restrictedImportMessages(file, source)).not.toEqual([]);
  });

  it.each([
    ["import { z } from 'zod';\nexport const x = z;\n", 'shared/good.ts'],
    [
      "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
      'electron/ipc/register-ipc.ts',
    ],
    [
      "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n",
      'electron/preload/preload.ts',
    ],
    [
      "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n",
      'electron/window/good.ts',
    ],
    [
      "import { ipcContract } from '../../shared/ipc/contract';\nexport const x = ipcContract;\n",
      'renderer/src/good.ts',
    ],
  ])('allows %j in %s', async (source, file) => {
    expect(await restrictedImportMessages(file, source)).toEqual([]);
  });
});

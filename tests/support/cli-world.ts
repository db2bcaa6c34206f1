/**
 * The command line's test world: the bundled CLI, a throw-away folder (HOME) with a data folder in
 * it, and a fresh emulator, new for every test. `cli` runs one command there with the emulator's
 * key, or with the environment given.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { bundleCli, spawnCli } from '../../bench/upload/cli-bundle';
import type { EmulatorOptions } from '../../emulator/options';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { useTempFolder } from './temp-folder';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliWorld {
  readonly folder: string;
  readonly dataFolder: string;
  readonly server: RunningEmulator;
  cli(args: readonly string[], env?: Record<string, string>): Promise<CliResult>;
  /** Writes a two-contact segment file in the world's folder and answers its path. */
  segmentFile(): Promise<string>;
}

/** The error object a `--json` refusal prints. */
export const cliError = (stdout: string) =>
  JSON.parse(stdout).error as { code: string; message: string };

/** Registers the hooks of the current test file and gives the world they set up. */
export function useCliWorld(prefix: string, emulator: Partial<EmulatorOptions> = {}): CliWorld {
  const folder = useTempFolder(prefix);
  const state = { dataFolder: '', server: null as RunningEmulator | null };
  beforeAll(async () => {
    await bundleCli();
  }, 60_000);
  beforeEach(async () => {
    state.dataFolder = path.join(folder(), 'data');
    state.server = await startEmulator(emulator);
  });
  afterEach(async () => {
    await state.server?.close();
  });
  const world: CliWorld = {
    get folder() {
      return folder();
    },
    get dataFolder() {
      return state.dataFolder;
    },
    get server() {
      if (!state.server) throw new Error('The emulator starts before each test.');
      return state.server;
    },
    async segmentFile() {
      const file = path.join(folder(), 'segment.csv');
      await writeFile(file, 'Email,First name\nanna@example.com,Anna\nbiel@example.com,Biel\n');
      return file;
    },
    async cli(args, env = { AUTOPILOT_API_KEY: world.server.apiKey }) {
      const child = await spawnCli([...args, '--data-dir', state.dataFolder], {
        HOME: folder(),
        ...env,
      });
      const exit = await child.exited;
      return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
    },
  };
  return world;
}

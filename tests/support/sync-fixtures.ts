/**
 * A sync test world (issue 13): a data folder, the bundled command line and the emulator, plus
 * segment files written from a list of people, so a test can say "next week's file" in one line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { spawnCli } from '../../bench/upload/cli-bundle';
import type { EmulatorOptions } from '../../emulator/options';

export interface Person {
  readonly email: string;
  readonly first: string;
  readonly last: string;
}

export interface SyncWorld {
  readonly folder: string;
  readonly dataFolder: string;
  readonly server: RunningEmulator;
  writeSegment(people: readonly Person[], name?: string): Promise<string>;
  cli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  push(file: string, ...more: string[]): Promise<{ code: number | null; json: SyncJson }>;
  listEmails(list?: string): string[];
  close(): Promise<void>;
}

export interface SyncJson {
  readonly [key: string]: unknown;
  readonly status: string;
  readonly sent: number;
  readonly new: number;
  readonly changed: number;
  readonly unchanged: number;
  readonly removed: number;
}

export function people(count: number, prefix = 'person', from = 0): Person[] {
  return Array.from({ length: count }, (_, index) => ({
    email: `${prefix}.${from + index}@example.com`,
    first: `First${from + index}`,
    last: `Last${from + index}`,
  }));
}

export const listName = 'Weekly segment';

export async function createSyncWorld(options: Partial<EmulatorOptions> = {}): Promise<SyncWorld> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'courier-sync-'));
  const dataFolder = path.join(folder, 'data');
  const server = await startEmulator(options);
  const cli = async (args: readonly string[]) => {
    const child = await spawnCli([...args, '--data-dir', dataFolder], {
      HOME: folder,
      AUTOPILOT_API_KEY: server.apiKey,
    });
    const exit = await child.exited;
    return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
  };
  return {
    folder,
    dataFolder,
    server,
    async writeSegment(rows, name = 'segment.csv') {
      const lines = [
        'Email,First name,Last name',
        ...rows.map((p) => `${p.email},${p.first},${p.last}`),
      ];
      const file = path.join(folder, name);
      await writeFile(file, `${lines.join('\n')}\n`);
      return file;
    },
    cli,
    async push(file, ...more) {
      const args = ['push', file, '--list', listName, '--endpoint', server.url, '--rate', '200'];
      const result = await cli([...args, '--json', ...more]);
      let json: SyncJson;
      try {
        json = JSON.parse(result.stdout) as SyncJson;
      } catch {
        throw new Error(
          `push printed no JSON (exit ${result.code}): ${result.stdout}${result.stderr}`,
        );
      }
      return { code: result.code, json };
    },
    listEmails(list = listName) {
      return server
        .contactsInList(list)
        .map((contact) => String(contact.Email).toLowerCase())
        .sort();
    },
    async close() {
      await server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export function sortedEmails(rows: readonly Person[]): string[] {
  return rows.map((row) => row.email.toLowerCase()).sort();
}

/** Requests of a method whose path starts with `prefix`, since `from` (a request number). */
export function requestsOf(server: RunningEmulator, method: string, prefix: string, from = 0) {
  return server.requests.filter(
    (request) =>
      request.number > from && request.method === method && request.path.startsWith(prefix),
  );
}

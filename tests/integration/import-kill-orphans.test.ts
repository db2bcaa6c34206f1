// Issue 12, item 11: what a `kill -9` in the middle of an import leaves is never shown as a
// segment, and the next start of the library lists it and removes it; an import still running
// in another process (the command line shares the data folder) is left alone.
import { spawn } from 'node:child_process';
import { readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSegmentLibrary, SegmentLibrary } from '../../core/segments/segment-library';
import { useTempFolder } from '../support/temp-folder';

const root = path.resolve(import.meta.dirname, '../..');
const childScript = path.join(root, 'tests/support/kill-mid-import-child.ts');

const folder = useTempFolder('courier-orphans-', { per: 'file' });
let sourceFile: string;
const running: (() => void)[] = [];

beforeAll(async () => {
  // About 3 MB: many read chunks and more than one progress step before the end.
  const lines = ['Email,First name,Last name,City'];
  for (let index = 0; index < 60_000; index += 1) {
    lines.push(`orphan.${index}@example.com,Name${index},Surname${index},Girona`);
  }
  sourceFile = path.join(folder(), 'segment.csv');
  await writeFile(sourceFile, `${lines.join('\n')}\n`);
});

afterEach(() => {
  for (const stop of running.splice(0)) stop();
});

interface HeldImport {
  /** The segment or transfer id the child is writing. */
  readonly id: string;
  /** Sends SIGKILL and resolves once the child is gone. */
  kill(): Promise<void>;
}

/** Starts the child and resolves when it says it holds still in the middle of the import. */
async function startHeldImport(dataFolder: string, way: string): Promise<HeldImport> {
  // `node --import tsx`, not tsx's command: that one runs the script in a second process, and a
  // kill would reach only the first.
  const args = ['--import', 'tsx', childScript, dataFolder, sourceFile, way];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(() => child.kill('SIGKILL'));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  const id = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(?:importing|transferring) (\S+)$/m.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`the child ended before the kill: ${output}`)));
  });
  return {
    id,
    async kill() {
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      expect(output).not.toContain('finished');
    },
  };
}

async function killMidImport(dataFolder: string, way: string): Promise<string> {
  const held = await startHeldImport(dataFolder, way);
  await held.kill();
  return held.id;
}

async function exists(target: string): Promise<boolean> {
  return (await stat(target).catch(() => null)) !== null;
}

describe('kill -9 during an import', () => {
  it('a dropped file: the half-written snapshot and its transferred copy are removed on the next start', async () => {
    const dataFolder = path.join(folder(), 'drop');
    const id = await killMidImport(dataFolder, 'drop');
    const snapshot = path.join(dataFolder, 'segments', id);
    const transferred = path.join(dataFolder, 'segment-uploads', id);
    // What the kill left: text copied, no manifest, and the transferred copy of the file.
    expect((await stat(path.join(snapshot, 'table.txt'))).size).toBeGreaterThan(0);
    expect(await exists(path.join(snapshot, 'manifest.json'))).toBe(false);
    expect(await exists(transferred)).toBe(true);

    const library = await createSegmentLibrary({ dataFolder });
    expect(await library.list()).toEqual([]);
    expect(await exists(snapshot)).toBe(false);
    expect(await exists(transferred)).toBe(false);
    await library.dispose();
  });

  it('the start lists what it removes, and why', async () => {
    const dataFolder = path.join(folder(), 'listed');
    const id = await killMidImport(dataFolder, 'drop');
    const library = new SegmentLibrary({ dataFolder });
    expect(await library.sweep()).toEqual({
      snapshots: [{ id, reason: 'writer-gone' }],
      transfers: [id],
    });
    expect(await readdir(path.join(dataFolder, 'segments'))).toEqual([]);
    // Nothing is left for a second start.
    expect(await library.sweep()).toEqual({ snapshots: [], transfers: [] });
  });

  it('the command line: the snapshot it was writing is removed by the next start', async () => {
    const dataFolder = path.join(folder(), 'command-line');
    const id = await killMidImport(dataFolder, 'command-line');
    const snapshot = path.join(dataFolder, 'segments', id);
    expect((await stat(path.join(snapshot, 'table.txt'))).size).toBeGreaterThan(0);
    const library = await createSegmentLibrary({ dataFolder });
    expect(await library.list()).toEqual([]);
    expect(await exists(snapshot)).toBe(false);
    await library.dispose();
  });

  it('an import still running in another process is neither shown nor removed', async () => {
    const dataFolder = path.join(folder(), 'alive');
    const held = await startHeldImport(dataFolder, 'command-line');
    const snapshot = path.join(dataFolder, 'segments', held.id);
    const library = new SegmentLibrary({ dataFolder });
    expect(await library.sweep()).toEqual({ snapshots: [], transfers: [] });
    expect(await library.list()).toEqual([]);
    expect(await exists(snapshot)).toBe(true);
    await held.kill();
    expect((await library.sweep()).snapshots).toEqual([{ id: held.id, reason: 'writer-gone' }]);
    expect(await exists(snapshot)).toBe(false);
  });

  it('half a file transfer: the partial copy is removed on the next start', async () => {
    const dataFolder = path.join(folder(), 'half-transfer');
    const id = await killMidImport(dataFolder, 'half-transfer');
    const transferred = path.join(dataFolder, 'segment-uploads', id);
    const [file] = await readdir(transferred);
    expect((await stat(path.join(transferred, file ?? 'missing'))).size).toBeGreaterThan(0);
    expect(await new SegmentLibrary({ dataFolder }).sweep()).toEqual({
      snapshots: [],
      transfers: [id],
    });
    expect(await exists(transferred)).toBe(false);
  });
});

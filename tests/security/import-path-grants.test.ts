import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import type { BridgeApi } from '../../shared/ipc/bridge-api';
import type { IpcResult } from '../../shared/ipc/result';
import type { ImportOutcome, SegmentSummary } from '../../shared/segments/segment-summary';
import { useTempFolder } from '../support/temp-folder';

/**
 * Issue 12 item 15: main reads only files the person handed over (Open dialog, drop, open-file),
 * never a path the page's JavaScript names; and the page cannot make up a "dropped" path.
 */

const { exposed, invoke, FakeFile, realDrop, getPathForFile } = vi.hoisted(() => {
  class HoistedFakeFile {
    constructor(readonly name: string) {}
  }
  const drop = new HoistedFakeFile('segment.csv');
  return {
    exposed: new Map<string, Record<string, unknown>>(),
    invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: [] })),
    FakeFile: HoistedFakeFile,
    realDrop: drop,
    // Electron gives a path only for a File backed by a file on disk; it throws for anything else.
    getPathForFile: vi.fn((file: unknown) => {
      if (!(file instanceof HoistedFakeFile)) throw new TypeError('Expected a File');
      return file === drop ? '/home/marta/segment.csv' : '';
    }),
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: (file: unknown) => getPathForFile(file) },
}));

const origin = 'app://courier';
const folder = useTempFolder('courier-grants-', { per: 'file' });
let services: HostServices;
let call: (channel: string, input?: unknown) => Promise<IpcResult<unknown>>;
const opened: string[] = [];

const csv = 'Email,Name\nann@example.com,Ann\n';

beforeAll(async () => {
  await mkdir(path.join(folder(), 'data'));
  for (const name of ['private.csv', 'dropped.csv', 'opened.csv']) {
    await writeFile(path.join(folder(), name), csv);
  }
  services = await createHostServices({
    appName: 'Segment Courier',
    appVersion: '0.0.0-test',
    platform: process.platform,
    dataFolder: path.join(folder(), 'data'),
    takeOpenFiles: () => opened.splice(0),
    events: { emit: () => undefined },
  });
  const dispatcher = createIpcDispatcher({
    handlers: createIpcHandlers(services),
    trustedOrigins: [origin],
    logError: () => undefined,
  });
  call = (channel, input) =>
    dispatcher.dispatch(channel, { url: `${origin}/index.html`, isMainFrame: true }, input);
});

afterAll(async () => {
  await services.dispose();
});

const at = (name: string) => path.join(folder(), name);
const outcomes = (result: IpcResult<unknown>) => (result.ok ? result.value : []) as ImportOutcome[];
const listed = async () => outcomes(await call('segments:list')) as unknown as SegmentSummary[];

describe('segments:importPaths reads only granted paths', () => {
  it('refuses a path the page names, with a sentence, and reads nothing', async () => {
    const [outcome] = outcomes(await call('segments:importPaths', { paths: [at('private.csv')] }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(outcome?.ok === false && outcome.error.message).toContain(
      'opens only files you choose, drop or open with it',
    );
    expect(await listed()).toEqual([]);
  });

  it('reads a dropped path, and that path again later', async () => {
    const [dropped] = outcomes(
      await call('segments:importDropped', { paths: [at('dropped.csv')] }),
    );
    expect(dropped?.ok).toBe(true);
    const [again] = outcomes(await call('segments:importPaths', { paths: [at('dropped.csv')] }));
    expect(again?.ok).toBe(true);
  });

  it('reads what the system asked the app to open, once main handed it to the page', async () => {
    opened.push(at('opened.csv'));
    const before = outcomes(await call('segments:importPaths', { paths: [at('opened.csv')] }));
    expect(before[0]?.ok).toBe(false);
    expect(await call('app:takeOpenFiles')).toEqual({
      ok: true,
      value: { paths: [at('opened.csv')] },
    });
    const after = outcomes(await call('segments:importPaths', { paths: [at('opened.csv')] }));
    expect(after[0]?.ok).toBe(true);
    // A granted path does not open the folder around it.
    const [private_] = outcomes(await call('segments:importPaths', { paths: [at('private.csv')] }));
    expect(private_?.ok).toBe(false);
    expect((await listed()).map((segment) => segment.fileName).sort()).toEqual([
      'dropped.csv',
      'dropped.csv',
      'opened.csv',
    ]);
  });
});

describe('the preload turns dropped File objects into paths itself', () => {
  beforeEach(async () => {
    exposed.clear();
    invoke.mockClear();
    vi.resetModules();
    await import('../../electron/preload/preload');
  });

  const api = () => exposed.get('courier') as unknown as BridgeApi;

  it('sends only the paths Electron found, never what the page wrote', async () => {
    const madeUp = new FakeFile('/etc/passwd');
    const handWritten = { name: 'x', path: '/etc/passwd' };
    const result = await api().segmentsImportDropped([
      '/etc/passwd' as unknown as InstanceType<typeof FakeFile>,
      handWritten as unknown as InstanceType<typeof FakeFile>,
      madeUp,
      realDrop,
    ]);
    expect(invoke).toHaveBeenCalledTimes(1);
    expect(invoke).toHaveBeenCalledWith('segments:importDropped', {
      paths: ['/home/marta/segment.csv'],
    });
    expect(result).toEqual({ ok: true, value: { imported: [], pathless: [handWritten, madeUp] } });
  });

  it('sends nothing when no file has a path', async () => {
    const result = await api().segmentsImportDropped([new FakeFile('memory.csv')]);
    expect(invoke).not.toHaveBeenCalled();
    expect(result.ok && result.value.imported).toBeNull();
  });
});

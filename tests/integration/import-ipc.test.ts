import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentLibrary } from '../../core/segments/segment-library';
import { readSnapshotRows } from '../../core/segments/snapshot-store';
import type { SnapshotRow } from '../../core/segments/snapshot-format';
import { createIpcDispatcher } from '../../electron/ipc/dispatcher';
import { createIpcHandlers } from '../../electron/ipc/handlers';
import { createHostServices, type HostServices } from '../../electron/services/host-services';
import type { HostEnvironment } from '../../electron/services/host-environment';
import type { IpcResult } from '../../shared/ipc/result';
import type {
  ImportOutcome,
  ImportProgress,
  SegmentSummary,
} from '../../shared/segments/segment-summary';
import { catalanCase, europeanExcelCase } from '../support/corpus/segment-corpus';
import { useTempFolder } from '../support/temp-folder';

const origin = 'app://segment-courier';
const sender = { url: `${origin}/index.html`, isMainFrame: true };
const dataFolder = useTempFolder('courier-segments-ipc-');
let services: HostServices;
let progress: ImportProgress[];

async function start(environment: Partial<HostEnvironment> = {}) {
  services = await createHostServices({
    appName: 'Segment Courier',
    appVersion: '0.0.0-test',
    platform: process.platform,
    dataFolder: dataFolder(),
    events: {
      emit: (channel, payload) => {
        if (channel === 'segments:importProgress') progress.push(payload as ImportProgress);
      },
    },
    ...environment,
  });
  const dispatcher = createIpcDispatcher({
    handlers: createIpcHandlers(services),
    trustedOrigins: [origin],
    logError: () => undefined,
  });
  return async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = (await dispatcher.dispatch(channel, sender, input)) as IpcResult<T>;
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value;
  };
}

type Call = Awaited<ReturnType<typeof start>>;

/** What the renderer does with a dropped file (a file transfer): begin, slices of base64, end. */
async function transfer(
  call: Call,
  fileName: string,
  bytes: Buffer,
  slice = 64,
): Promise<ImportOutcome> {
  const begun = await call<{ ok: true; transferId: string }>('segments:transferBegin', {
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += slice) {
    const data = bytes.subarray(offset, offset + slice).toString('base64');
    await call('segments:transferChunk', { transferId: begun.transferId, offset, data });
  }
  return call<ImportOutcome>('segments:transferEnd', { transferId: begun.transferId });
}

async function collect(rows: AsyncIterable<SnapshotRow>): Promise<SnapshotRow[]> {
  const all: SnapshotRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

beforeEach(async () => {
  progress = [];
});

afterEach(async () => {
  await services.dispose();
});

describe('segments over IPC, with the real services', () => {
  it('imports a file streamed in slices into a snapshot, and reports progress', async () => {
    const call = await start();
    const outcome = await transfer(call, catalanCase.fileName, catalanCase.bytes());
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.segment.counts).toEqual(catalanCase.expected.counts);
    expect(outcome.segment.name).toBe('clients-catalunya');
    expect(await call<SegmentSummary[]>('segments:list')).toEqual([outcome.segment]);
    const rows = await collect(readSnapshotRows(dataFolder(), outcome.segment.id));
    expect(rows).toHaveLength(6);
    expect(progress.at(-1)).toMatchObject({ importId: outcome.segment.id, phase: 'done', rows: 6 });
    expect(await readdir(path.join(dataFolder(), 'segment-uploads'))).toHaveLength(1);
  });

  it('re-reads with another separator, keeping the name, and renames and removes', async () => {
    const call = await start();
    const first = await transfer(call, europeanExcelCase.fileName, europeanExcelCase.bytes());
    if (!first.ok) throw new Error('import failed');
    await call('segments:rename', { id: first.segment.id, name: 'Andalucía' });

    // Tabs, not commas: a comma splits the decimal values, and rows with more values than the
    // header are set aside (issue 12), which would leave no rows at all.
    const asCommas = await call<ImportOutcome>('segments:reimport', {
      id: first.segment.id,
      delimiter: '\t',
    });
    if (!asCommas.ok) throw new Error('re-read failed');
    expect(asCommas.segment).toMatchObject({
      name: 'Andalucía',
      delimiter: '\t',
      emailColumn: null,
    });
    expect(asCommas.segment.id).not.toBe(first.segment.id);
    const list = await call<SegmentSummary[]>('segments:list');
    expect(list.map((segment) => segment.id)).toEqual([asCommas.segment.id]);

    const back = await call<ImportOutcome>('segments:reimport', {
      id: asCommas.segment.id,
      delimiter: ';',
    });
    if (!back.ok) throw new Error('re-read failed');
    expect(back.segment.counts).toEqual(europeanExcelCase.expected.counts);

    await call('segments:remove', { id: back.segment.id });
    expect(await call<SegmentSummary[]>('segments:list')).toEqual([]);
    // The transferred copy goes with the last segment that used it.
    expect(await readdir(path.join(dataFolder(), 'segment-uploads'))).toEqual([]);
  });

  it('names the columns of a file without a header row, as a new segment with the same rows', async () => {
    const call = await start();
    const text = 'anna@girona.cat;Anna;12\r\npau@girona.cat;Pau;7\r\n';
    const first = await transfer(call, 'no-header.csv', Buffer.from(text, 'utf8'));
    if (!first.ok) throw new Error('import failed');
    expect(first.segment).toMatchObject({
      columns: ['Column 1', 'Column 2', 'Column 3'],
      headerless: true,
      emailColumn: 'Column 1',
    });

    const named = await call<ImportOutcome>('segments:reimport', {
      id: first.segment.id,
      encoding: first.segment.encoding,
      delimiter: first.segment.delimiter,
      columnNames: ['Email', ' ', 'Email'],
    });
    if (!named.ok) throw new Error('re-read failed');
    // A blank name stays "Column N"; a repeated one is numbered, as header names are.
    expect(named.segment).toMatchObject({
      columns: ['Email', 'Column 2', 'Email (2)'],
      headerless: true,
      emailColumn: 'Email',
      counts: first.segment.counts,
    });
    expect(named.segment.id).not.toBe(first.segment.id);
    const rows = await collect(readSnapshotRows(dataFolder(), named.segment.id));
    expect(rows).toEqual([
      { line: 1, cells: ['anna@girona.cat', 'Anna', '12'] },
      { line: 2, cells: ['pau@girona.cat', 'Pau', '7'] },
    ]);

    // A file with a header row keeps its own names: the option does not apply to it.
    const headed = await transfer(
      call,
      'header.csv',
      Buffer.from('Email;Nom\r\nanna@girona.cat;Anna\r\n'),
    );
    if (!headed.ok) throw new Error('import failed');
    expect(headed.segment.headerless).toBeUndefined();
    const kept = await call<ImportOutcome>('segments:reimport', {
      id: headed.segment.id,
      columnNames: ['Something', 'Else'],
    });
    if (!kept.ok) throw new Error('re-read failed');
    expect(kept.segment.columns).toEqual(['Email', 'Nom']);
  });

  it('says so when the original file changed before a re-read', async () => {
    const call = await start();
    const original = path.join(dataFolder(), 'outside.csv');
    await writeFile(original, catalanCase.bytes());
    // Dropped: importPaths reads only paths the person granted (issue 12 item 15).
    const [imported] = await call<ImportOutcome[]>('segments:importDropped', {
      paths: [original],
    });
    if (!imported?.ok) throw new Error('import failed');
    await writeFile(original, Buffer.concat([catalanCase.bytes(), Buffer.from('x@y.cat,X,Y,Z\n')]));
    const again = await call<ImportOutcome>('segments:reimport', {
      id: imported.segment.id,
      encoding: 'windows-1252',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'source-changed' } });
    expect((await call<SegmentSummary[]>('segments:list')).map((s) => s.id)).toEqual([
      imported.segment.id,
    ]);
  });

  it('imports several paths, each succeeding or failing on its own', async () => {
    const call = await start();
    const good = path.join(dataFolder(), 'good.csv');
    const empty = path.join(dataFolder(), 'empty.csv');
    await writeFile(good, catalanCase.bytes());
    await writeFile(empty, '');
    const outcomes = await call<ImportOutcome[]>('segments:importDropped', {
      paths: [good, empty, path.join(dataFolder(), 'missing.csv')],
    });
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false]);
    expect(outcomes[1]).toMatchObject({ fileName: 'empty.csv', error: { code: 'empty-file' } });
    expect(outcomes[2]).toMatchObject({ error: { code: 'file-not-found' } });
  });

  it('refuses slices out of order and transfers that stop short', async () => {
    const call = await start();
    const bytes = catalanCase.bytes();
    const begun = await call<{ transferId: string }>('segments:transferBegin', {
      fileName: 'a.csv',
      size: bytes.length,
    });
    await expect(
      call('segments:transferChunk', { transferId: begun.transferId, offset: 10, data: 'QQ==' }),
    ).rejects.toMatchObject({
      code: 'unreadable',
      message: 'Part of “a.csv” went missing on its way. Drop it again.',
    });
    await call('segments:transferChunk', {
      transferId: begun.transferId,
      offset: 0,
      data: bytes.subarray(0, 20).toString('base64'),
    });
    await expect(
      call('segments:transferEnd', { transferId: begun.transferId }),
    ).rejects.toMatchObject({
      message: 'Only part of “a.csv” arrived. Drop it again.',
    });
    expect(await readdir(path.join(dataFolder(), 'segment-uploads'))).toEqual([]);
  });

  it('browses with the host’s Open dialog, and says plainly when there is none', async () => {
    const chosen = path.join(dataFolder(), 'chosen.csv');
    await writeFile(chosen, catalanCase.bytes());
    const call = await start({ chooseFiles: async () => [chosen] });
    const outcomes = await call<ImportOutcome[]>('segments:browse');
    expect(outcomes).toMatchObject([{ ok: true, fileName: 'chosen.csv' }]);
    await services.dispose();
    const withoutDialog = await start();
    await expect(withoutDialog('segments:browse')).rejects.toMatchObject({
      code: 'browse-unavailable',
    });
  });

  it('keeps segments across a restart and clears what a crash left', async () => {
    const call = await start();
    const outcome = await transfer(call, catalanCase.fileName, catalanCase.bytes());
    await services.dispose();
    const crashed = path.join(dataFolder(), 'segments', 'crashed');
    await mkdir(crashed, { recursive: true });
    await writeFile(path.join(crashed, 'table.txt'), '');
    const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await utimes(path.join(crashed, 'table.txt'), longAgo, longAgo);
    await mkdir(path.join(dataFolder(), 'segment-uploads', 'abandoned'), { recursive: true });
    await writeFile(path.join(dataFolder(), 'segment-uploads', 'abandoned', 'x.csv'), 'Email\n');

    const restarted = await start();
    const list = await restarted<SegmentSummary[]>('segments:list');
    expect(list.map((segment) => segment.id)).toEqual([outcome.ok ? outcome.segment.id : '']);
    expect(await readdir(path.join(dataFolder(), 'segments'))).toHaveLength(1);
    expect(await readdir(path.join(dataFolder(), 'segment-uploads'))).toHaveLength(1);
  });
});

describe('files too large for the machine', () => {
  it('are refused before a byte is copied, with the sizes in the message', async () => {
    services = await createHostServices({
      appName: 'x',
      appVersion: '0',
      platform: process.platform,
      dataFolder: dataFolder(),
      events: { emit: () => undefined },
    });
    const tooBig = new SegmentLibrary({
      dataFolder: dataFolder(),
      capacity: { maxBytes: 1024, freeBytes: async () => 10 * 1024 ** 3 },
    });
    expect(await tooBig.beginTransfer('huge.csv', 5 * 1024 ** 2)).toMatchObject({
      ok: false,
      error: {
        code: 'too-large',
        message:
          '“huge.csv” is 5.0 MB, more than the 1.0 KB Segment Courier can import at once. Export the segment in smaller parts and drop them one by one.',
      },
    });
    const diskFull = new SegmentLibrary({
      dataFolder: dataFolder(),
      capacity: { maxBytes: 1024 ** 3, freeBytes: async () => 20 * 1024 ** 2 },
    });
    const file = path.join(dataFolder(), 'c.csv');
    await writeFile(file, catalanCase.bytes());
    const [outcome] = await diskFull.importPaths([file]);
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'not-enough-space', params: { free: '20.0 MB' } },
    });
    expect(outcome?.ok === false && outcome.error.message).toContain(
      'There is not enough free disk space',
    );
  });
});

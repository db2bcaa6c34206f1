import { existsSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli } from '../../bench/upload/cli-bundle';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import {
  headerlessCase,
  integrityBrokenCases,
  mixedLineEndingsCase,
  raggedCase,
  separatorHintCase,
} from '../support/corpus/segment-corpus';
import { useTempFolder } from '../support/temp-folder';

// Issue 12 items 1-4 and issue 14 items 2-3 through the command line: a broken file exits 2 with
// the sentence naming its line and sends nothing; the files that lost contacts before arrive whole.

const folder = useTempFolder('courier-integrity-cli-', { per: 'file' });
let dataFolder: string;
let server: RunningEmulator;

beforeAll(async () => {
  await bundleCli();
}, 60_000);

beforeEach(async () => {
  dataFolder = await mkdtemp(path.join(folder(), 'data-'));
  server = await startEmulator({});
});

afterEach(async () => {
  await server.close();
});

async function write(fileName: string, bytes: Buffer): Promise<string> {
  const target = path.join(folder(), fileName);
  await writeFile(target, bytes);
  return target;
}

async function cli(args: string[]) {
  const child = await spawnCli(args, { HOME: folder(), AUTOPILOT_API_KEY: server.apiKey });
  const exit = await child.exited;
  return { code: exit.code, stdout: child.stdout(), stderr: child.stderr() };
}

function push(file: string, ...more: string[]) {
  return cli([
    'push',
    file,
    '--list',
    'Integrity',
    '--consent',
    '--endpoint',
    server.url,
    '--data-dir',
    dataFolder,
    '--rate',
    '50',
    ...more,
  ]);
}

describe('broken files through the command line', () => {
  it.each(integrityBrokenCases)('inspect refuses $name: exit 2, with its line', async (broken) => {
    const file = await write(broken.fileName, broken.bytes());
    const result = await cli(['inspect', file, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`“${broken.fileName}”`);
    const line = broken.params?.line ?? broken.params?.otherLine;
    expect(result.stderr).toMatch(new RegExp(`line ${String(line)}\\b`, 'i'));
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: broken.error } });
  });

  it.each(integrityBrokenCases)('push sends nothing from $name: exit 2', async (broken) => {
    const file = await write(`push-${broken.fileName}`, broken.bytes());
    const result = await push(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`“push-${broken.fileName}”`);
    expect(server.counters.total).toBe(0);
    expect(existsSync(path.join(dataFolder, 'jobs'))).toBe(false);
    expect(await readdir(path.join(dataFolder, 'segments')).catch(() => [])).toEqual([]);
  });
});

describe('files that used to lose contacts arrive whole', () => {
  it('delivers every row of a file with mixed line endings, names intact', async () => {
    const file = await write(mixedLineEndingsCase.fileName, mixedLineEndingsCase.bytes());
    const result = await push(file, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 1000, valid: 1000, succeeded: 1000 });
    expect(server.contactsInList('Integrity')).toHaveLength(1000);
    expect(server.contact('p3@example.com')).toMatchObject({ LastName: 'Last3' });
    expect(server.contact('p4@example.com')).toMatchObject({ FirstName: 'First4' });
  });

  it('sets aside rows with the wrong number of values, says so, and never sends them', async () => {
    const file = await write(raggedCase.fileName, raggedCase.bytes());
    const result = await push(file, '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'Warning: 2 rows of "ragged.csv" have a different number of values than its header and are set aside, not sent (line 3, 4).',
    );
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 2, valid: 1, succeeded: 1 });
    expect(server.contactsInList('Integrity')).toHaveLength(1);
    expect(server.contact('b@example.com')).toBeUndefined();
    expect(server.contact('c@example.com')).toBeUndefined();
  });

  it('delivers the first row of a file without a header', async () => {
    const file = await write(headerlessCase.fileName, headerlessCase.bytes());
    const result = await push(file, '--json', '--map', 'FirstName=Column 2');
    expect(result.code, result.stderr).toBe(0);
    expect(server.contactsInList('Integrity')).toHaveLength(3);
    expect(server.contact('anna@exemple.cat')).toMatchObject({ FirstName: 'Anna' });
  });

  it('reads the first row as data with --no-header', async () => {
    const file = await write('ids-first.csv', Buffer.from('1001,Anna\n1002,Biel\n1003,Carla\n'));
    const plain = JSON.parse((await cli(['inspect', file, '--json'])).stdout);
    expect(plain).toMatchObject({ columns: ['1001', 'Anna'], rows: 2, hasHeader: true });
    const forced = await cli(['inspect', file, '--no-header', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      columns: ['Column 1', 'Column 2'],
      rows: 3,
      hasHeader: false,
    });
  });

  it("takes the separator from Excel's sep= line, which is not data", async () => {
    const file = await write(separatorHintCase.fileName, separatorHintCase.bytes());
    const result = await cli(['inspect', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      delimiter: ';',
      columns: ['Email', 'Nom', 'Import'],
      rows: 2,
      valid: 2,
    });
  });
});

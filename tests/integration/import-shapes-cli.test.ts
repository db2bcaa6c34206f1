import { spawnSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCdmFolder, writeWorkbook, writeZip } from '../support/shape-fixtures';
import { useTempFolder } from '../support/temp-folder';

const root = path.resolve(import.meta.dirname, '../..');
const folder = useTempFolder('courier-inspect-shapes-', { per: 'file' });

beforeAll(async () => {
  await chmod(folder(), 0o755);
});

const isRoot = process.getuid?.() === 0;

/** Runs `inspect`; as root, `asOther` runs it as `nobody`, for whom mode 000 really is unreadable. */
function inspect(args: string[], asOther = false) {
  const command = [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    'cli/main.ts',
    'inspect',
    ...args,
  ];
  const [program, programArgs] =
    asOther && isRoot
      ? [
          'setpriv',
          ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...command],
        ]
      : [process.execPath, command];
  return spawnSync(program, programArgs, {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: folder(),
      XDG_CONFIG_HOME: path.join(folder(), 'config'),
    },
    timeout: 30_000,
  });
}

const at = (name: string) => path.join(folder(), name);

describe('inspect reports the shape it read', () => {
  it('a Customer Insights export folder: source, entity, parts, with the counts', async () => {
    const exportFolder = await writeCdmFolder(at('Export'), 'Export', [
      {
        name: 'Contacts',
        attributes: ['CustomerId', 'EmailAddress1'],
        parts: [
          {
            path: 'Contacts/2026/12/01/0700/Contacts_1.csv',
            text: 'c1,ann@example.com\nc2,not-an-email\n',
          },
          { path: 'Contacts/2026/12/01/0700/Contacts_2.csv', text: 'c3,ann@example.com\n' },
        ],
      },
    ]);
    const result = inspect([exportFolder, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      source: 'cdm',
      entity: 'Contacts',
      parts: 2,
      columns: ['CustomerId', 'EmailAddress1'],
      rows: 3,
      valid: 1,
      invalid: 1,
      duplicates: 1,
    });
    expect(inspect([exportFolder]).stdout).toContain(
      'Read from: Customer Insights export, table Contacts, 2 parts',
    );
  });

  it('a workbook with --sheet, a gzip and a plain CSV', async () => {
    const book = await writeWorkbook(at('book.xlsx'), [
      { name: 'Contacts', rows: [['Email'], ['ann@example.com']] },
      { name: 'Leads', rows: [['Email'], ['bob@example.com'], ['cai@example.com']] },
    ]);
    expect(JSON.parse(inspect([book, '--sheet', 'Leads', '--json']).stdout)).toMatchObject({
      source: 'xlsx',
      sheet: 'Leads',
      rows: 2,
      choices: ['Contacts'],
    });
    const readable = inspect([book]).stdout.split('\n');
    expect(readable[0]).toMatch(/^book\.xlsx \([\d.]+ KB\)$/);
    expect(readable[1]).toBe(
      'Read from: workbook, sheet Contacts (other sheets: Leads; pick one with --sheet)',
    );
    const gz = at('list.csv.gz');
    await writeFile(gz, gzipSync('Email\nann@example.com\n'));
    expect(JSON.parse(inspect([gz, '--json']).stdout)).toMatchObject({ source: 'gzip', rows: 1 });
    const csv = at('plain.csv');
    await writeFile(csv, 'Email\nann@example.com\n');
    const plain = JSON.parse(inspect([csv, '--json']).stdout) as Record<string, unknown>;
    expect(plain.source).toBe('csv');
    expect(plain).not.toHaveProperty('sheet');
  });
});

describe('inspect refuses what it cannot read: exit 2, a sentence, an error object', () => {
  async function cases(): Promise<
    { name: string; file: string; code: string; words: string; asOther?: boolean }[]
  > {
    const noSegment = await writeZip(at('photos.zip'), [
      { name: 'a.png', data: 'x' },
      { name: 'b.png', data: 'y' },
    ]);
    const bomb = await writeZip(at('bomb.zip'), [
      { name: 'big.csv', data: Buffer.alloc(32 * 1024 ** 2) },
    ]);
    const charts = await writeWorkbook(at('charts.xlsx'), [], { chartSheets: ['Chart1'] });
    const fake = at('fake.csv.gz');
    await writeFile(fake, 'Email\nann@example.com\n');
    const locked = at('locked.csv');
    await writeFile(locked, 'Email\nann@example.com\n');
    await chmod(locked, 0o000);
    const fifo = at('pipe.csv');
    spawnSync('mkfifo', [fifo]);
    return [
      {
        name: 'a zip holding no segment',
        file: noSegment,
        code: 'archive-no-segment',
        words: 'holds no segment',
      },
      { name: 'a zip bomb', file: bomb, code: 'archive-too-large', words: 'would unpack to' },
      {
        name: 'a workbook of charts',
        file: charts,
        code: 'workbook-no-rows',
        words: 'only charts',
      },
      {
        name: 'a gzip that is not gzip',
        file: fake,
        code: 'gzip-damaged',
        words: 'could not be unpacked',
      },
      { name: 'a FIFO', file: fifo, code: 'not-a-regular-file', words: 'is a pipe (FIFO)' },
      {
        name: 'a file with mode 000',
        file: locked,
        code: 'unreadable',
        words: 'not allowed to read',
        asOther: true,
      },
    ];
  }

  it('for each bad shape', async () => {
    for (const bad of await cases()) {
      const result = inspect([bad.file, '--json'], bad.asOther);
      expect(result.status, bad.name).toBe(2);
      expect(result.stderr, bad.name).toContain(bad.words);
      expect(JSON.parse(result.stdout), bad.name).toMatchObject({ error: { code: bad.code } });
    }
  });
});

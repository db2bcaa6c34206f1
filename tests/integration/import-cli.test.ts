import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  brokenCases,
  catalanCase,
  europeanExcelCase,
  frenchUtf16BeCase,
  germanUnicodeTextCase,
  noEmailColumnCase,
  quotedLineBreaksCase,
  windows1252Case,
} from '../support/corpus/segment-corpus';
import { useTempFolder } from '../support/temp-folder';

const root = path.resolve(import.meta.dirname, '../..');
const folder = useTempFolder('courier-inspect-', { per: 'file' });

function inspect(args: string[], home = folder()) {
  return spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'cli/main.ts', 'inspect', ...args],
    {
      cwd: root,
      encoding: 'utf8',
      // A throw-away home: inspect must not need (or touch) the app's data folder.
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'config') },
      timeout: 30_000,
    },
  );
}

async function write(fileName: string, bytes: Buffer): Promise<string> {
  const target = path.join(folder(), fileName);
  await writeFile(target, bytes);
  return target;
}

describe('npm run cli -- inspect', () => {
  it.each([
    catalanCase,
    europeanExcelCase,
    germanUnicodeTextCase,
    frenchUtf16BeCase,
    windows1252Case,
    quotedLineBreaksCase,
    noEmailColumnCase,
  ])('prints one JSON object for $name', async ({ fileName, bytes, expected }) => {
    const file = await write(fileName, bytes());
    const result = inspect([file, '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      fileName,
      encoding: expected.encoding,
      hasBom: expected.hasBom,
      delimiter: expected.delimiter,
      columns: expected.columns,
      emailColumn: expected.emailColumn,
      ...expected.counts,
    });
    const mapping = {
      ...(expected.emailColumn ? { Email: expected.emailColumn } : {}),
      ...(expected.standard ?? {}),
    };
    expect(report.mapping).toEqual(mapping);
    if (expected.problems) expect(report.problems).toEqual(expected.problems);
  });

  it('prints a readable summary without --json', async () => {
    const file = await write(catalanCase.fileName, catalanCase.bytes());
    const result = inspect([file]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('clients-catalunya.csv (');
    expect(result.stdout).toContain('UTF-8, comma-separated');
    expect(result.stdout).toMatch(/Valid emails\s+3\n/);
    expect(result.stdout).toContain(
      'Auto-matched: Email <- Correu electrònic, FirstName <- Nom, LastName <- Cognoms, MailingCity <- Població',
    );
    expect(result.stdout).toContain('  line 7: "angel@EXEMPLE.cat" is a duplicate of line 4');
  });

  it.each(brokenCases.slice(0, 6))('exits 2 with a plain message for $name', async (broken) => {
    const file = await write(broken.fileName, broken.bytes());
    const result = inspect([file, '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`“${broken.fileName}”`);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: broken.error } });
  });

  it('exits 2 with the usage when the file is missing from the command', () => {
    const result = inspect([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('inspect needs the file to check.');
    expect(result.stderr).toContain('Usage:');
  });

  it('writes nothing to the data folder', async () => {
    const home = await mkdtemp(path.join(folder(), 'home-'));
    const file = await write('again.csv', catalanCase.bytes());
    expect(inspect([file, '--json'], home).status).toBe(0);
    expect(await readdir(home)).toEqual([]);
  });
});

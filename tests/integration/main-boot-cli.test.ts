// Issue 18, item 5: the installed app answers the command line without opening a window. The
// built main.cjs is loaded under the recording Electron stand-in with `--cli ...`, as
// `"Segment Courier" --cli inspect <file> --json` would start it.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bootMain, buildMainBundle, type MainBundle } from '../support/main-bundle';
import { useTempFolder } from '../support/temp-folder';

let bundle: MainBundle;
const folder = useTempFolder('courier-main-cli-', { per: 'file' });
let segmentFile: string;

beforeAll(async () => {
  bundle = await buildMainBundle();
  segmentFile = path.join(folder(), 'spring leads.csv');
  await writeFile(segmentFile, 'email,first_name\nana@example.com,Ana\nnot-an-email,Bo\n');
}, 60_000);

afterAll(async () => {
  await bundle?.remove();
});

/** What the process writes to one of its streams, honouring write callbacks (main waits on them). */
function captured(stream: NodeJS.WriteStream) {
  const chunks: string[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation(((
    chunk: string | Uint8Array,
    ...rest: unknown[]
  ) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((argument) => typeof argument === 'function');
    (callback as (() => void) | undefined)?.();
    return true;
  }) as typeof stream.write);
  return { text: () => chunks.join(''), restore: () => spy.mockRestore() };
}

async function runInstalledApp(args: string[]) {
  const stdout = captured(process.stdout);
  const stderr = captured(process.stderr);
  const { fake, unload } = bootMain(bundle, { dataFolder: folder(), args });
  try {
    const code = await fake.exitCalled;
    return { code, stdout: stdout.text(), stderr: stderr.text(), fake };
  } finally {
    stdout.restore();
    stderr.restore();
    unload();
  }
}

describe('the installed app with --cli', () => {
  it('answers `inspect <file> --json` on stdout with exit code 0, and starts nothing else', async () => {
    const run = await runInstalledApp(['--cli', 'inspect', segmentFile, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      file: segmentFile,
      columns: ['email', 'first_name'],
      rows: 2,
      valid: 1,
      invalid: 1,
    });
    expect(run.fake.calls).toMatchObject({ lock: 0, whenReady: 0, quit: 0, exit: [0] });
    expect(run.fake.windows).toEqual([]);
    expect(run.fake.privilegedSchemes).toEqual([]);
    expect(run.fake.handled).toEqual([]);
    expect(run.fake.app.eventNames()).toEqual([]);
  });

  it('refuses a file that is not there with exit code 2, a sentence and a JSON error', async () => {
    const missing = path.join(folder(), 'missing.csv');
    const run = await runInstalledApp(['--cli', 'inspect', missing, '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: { code: 'file-not-found', message: expect.stringContaining('missing.csv') },
    });
    expect(run.stderr).toContain('could not be found');
    expect(run.fake.windows).toEqual([]);
    expect(run.fake.calls.lock).toBe(0);
  });

  it('prints the usage for `--cli` alone and exits 2, with no window', async () => {
    const run = await runInstalledApp(['--cli']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`"${process.execPath}" --cli run-setup`);
    expect(run.stderr).not.toContain('npm run cli');
    expect(run.stdout).toBe('');
    expect(run.fake.windows).toEqual([]);
  });
});

// `npm run emulator`: the real process, started as a person would, with the client pointed at it.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import { parseEmulatorArgs, UsageError } from '../../emulator/cli-args';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startCli(args: string[]) {
  const child = spawn(process.execPath, [tsx, 'emulator/main.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
  });
  children.push(child);
  let output = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    waiters.forEach((check) => check());
  });
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (!match) return;
        waiters.delete(check);
        resolve(match);
      };
      waiters.add(check);
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      check();
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, waitFor, exited, output: () => output };
}

describe('npm run emulator', () => {
  it('prints its URL and key, serves the client, logs requests and stops on Ctrl-C', async () => {
    const cli = startCli(['--port', '0', '--rate', '5']);
    const [, url] = await cli.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/);
    const [, key] = await cli.waitFor(/Accepted API key: ([0-9a-f]{32})/);
    await cli.waitFor(/Rate: 5\/s, burst 5; daily quota: none; faults: none/);
    const client = new AutopilotClient({ baseUrl: url ?? '', apiKey: key ?? '', timeoutMs: 5000 });
    const list = await client.findOrCreateList('By hand');
    await client.upsertContacts([{ Email: 'person@example.com', _autopilot_list: list.list_id }]);
    expect((await client.getListContacts(list.list_id)).map((contact) => contact.Email)).toEqual([
      'person@example.com',
    ]);
    await cli.waitFor(/#3 POST \/contacts → 200 \(1 contacts\)/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain('Emulator stopped.');
  });

  it('explains bad arguments and exits 2', () => {
    const result = spawnSync(process.execPath, [tsx, 'emulator/main.ts', '--faults', 'fire'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      timeout: 30_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '--faults takes 503, 500, reset, hang, slow, short, empty, not-json, 301, 302, 307, 308; got "fire".',
    );
    expect(result.stderr).toContain('Usage: npm run emulator');
  });
});

describe('emulator arguments', () => {
  it('map to options', () => {
    const command = parseEmulatorArgs([
      '--port',
      '4010',
      '--rate',
      '2.5',
      '--burst',
      '4',
      '--quota',
      '1000',
      '--latency',
      '20',
      '--fault-rate',
      '0.05',
      '--faults',
      '503,hang',
      '--no-retry-after',
      '--key',
      'a',
      '--key',
      'b',
      '--seed',
      '9',
      '--slow-ms',
      '300',
      '--quiet',
    ]);
    expect(command).toEqual({
      help: false,
      quiet: true,
      options: {
        port: 4010,
        rate: 2.5,
        burst: 4,
        dailyQuota: 1000,
        latencyMs: 20,
        faultRate: 0.05,
        faultKinds: ['503', 'hang'],
        retryAfter: 'none',
        apiKeys: ['a', 'b'],
        seed: 9,
        slowMs: 300,
      },
    });
    expect(parseEmulatorArgs([]).options).toEqual({ port: 4010 });
  });

  it('map the route filter and the redirect target of the faults', () => {
    const command = parseEmulatorArgs([
      '--faults',
      '307,short',
      '--fault-on',
      'post  /contacts',
      '--fault-on',
      'GET /lists',
      '--redirect-to',
      'http://127.0.0.1:4011/v1',
    ]);
    expect(command.options).toMatchObject({
      faultKinds: ['307', 'short'],
      faultRoutes: ['POST /contacts', 'GET /lists'],
      redirectTo: 'http://127.0.0.1:4011/v1',
    });
  });

  it.each([
    [['--rate', '0'], '--rate needs a valid number, got "0".'],
    [['--fault-rate', '2'], '--fault-rate needs a valid number, got "2".'],
    [['--port', 'http'], '--port needs a valid number, got "http".'],
    [['--colour', 'red'], "Unknown option '--colour'"],
    [['--fault-on', 'contacts'], '--fault-on takes a method and a path, like "POST /contacts"'],
    [['--redirect-to', 'ftp://x'], '--redirect-to needs an http:// or https:// address'],
  ])('refuse %j', (args, message) => {
    expect(() => parseEmulatorArgs(args)).toThrow(UsageError);
    expect(() => parseEmulatorArgs(args)).toThrow(message);
  });
});

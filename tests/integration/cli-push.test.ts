import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../../bench/upload/cli-bundle';
import { useCliWorld } from '../support/cli-world';

/** A Catalan-style export: semicolons, decimal commas, a bad row, a duplicate, an empty cell. */
const world = useCliWorld('courier-cli-push-', { invalidEmails: ['blocked@refused.example'] });
const cli = world.cli;

async function segmentFile(rows = 250, extra: string[] = []): Promise<string> {
  const lines = ['Correu electrònic;Nom;Cognoms;Punts;Client des de'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(
      `client.${index}@exemple.cat;Núria${index};Puig;${index},5;0${(index % 9) + 1}/02/2024`,
    );
  }
  lines.push(
    'sense-correu;X;Y;1;',
    'CLIENT.7@exemple.cat;Dup;Y;1;',
    'buit@exemple.cat;;;;',
    ...extra,
  );
  const file = path.join(world.folder, 'Clients VIP.csv');
  await writeFile(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

function pushArgs(file: string, ...more: string[]): string[] {
  return ['push', file, '--list', 'Clients VIP', '--endpoint', world.server.url, ...more];
}

describe('npm run cli -- push / resume / jobs', () => {
  it('sends nothing without --consent: prints what would be sent and the terms, exit 2', async () => {
    const result = await cli(pushArgs(await segmentFile()));
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Nothing was sent.');
    expect(result.stdout).toContain(
      '251 (of 253 rows; 1 invalid and 1 duplicate rows are left out)',
    );
    expect(result.stdout).toContain('outside the compliance boundary');
    expect(result.stdout).toContain('--consent');
    expect(world.server.counters.total).toBe(0);
    expect(existsSync(path.join(world.dataFolder, 'jobs'))).toBe(false);
    expect(await readdir(path.join(world.dataFolder, 'segments')).catch(() => [])).toEqual([]);
  });

  it('pushes with consent and prints the JSON summary, exit 0', async () => {
    const result = await cli(
      pushArgs(
        await segmentFile(),
        '--consent',
        '--json',
        '--rate',
        '50',
        '--map',
        'custom:float--Loyalty--Points=Punts',
        '--map',
        'custom:date--Customer--Since=Client des de',
      ),
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      status: 'completed',
      rows: 253,
      valid: 251,
      invalid: 1,
      duplicates: 1,
      sent: 251,
      succeeded: 251,
      failed: 0,
      requests: 3,
      rateLimited: 0,
      retries: 0,
    });
    for (const field of ['jobId', 'elapsedMs']) expect(summary).toHaveProperty(field);
    expect(world.server.contactsInList('Clients VIP')).toHaveLength(251);
    expect(world.server.contact('client.12@exemple.cat')).toMatchObject({
      FirstName: 'Núria12',
      LastName: 'Puig',
      custom: { 'float--Loyalty--Points': 12.5, 'date--Customer--Since': '2024-02-04' },
    });
    // Empty cells are not sent, so they blank nothing.
    expect(world.server.contact('buit@exemple.cat')).not.toHaveProperty('FirstName');
  });

  it('finishes with exit 1 and a report when Autopilot refuses rows', async () => {
    const result = await cli(
      pushArgs(
        await segmentFile(120, ['blocked@refused.example;Blo;Cked;1;']),
        '--consent',
        '--rate',
        '50',
      ),
    );
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('Done, but some contacts were not delivered.');
    const reportPath = /Rows not delivered, with the reason: (.+)/.exec(result.stdout)?.[1] ?? '';
    const report = await readFile(reportPath.trim(), 'utf8');
    expect(report).toContain(
      'blocked@refused.example,refused,"Autopilot refused this contact: Invalid Email ""blocked@refused.example""',
    );
    expect(report).toContain('sense-correu,invalid,The email address is not valid.');
    expect(world.server.contactsInList('Clients VIP')).toHaveLength(121);
  });

  it('says so and sends nothing for a wrong key, a missing key or a missing --list', async () => {
    const file = await segmentFile();
    const wrong = await cli(pushArgs(file, '--consent'), { AUTOPILOT_API_KEY: 'not-the-key' });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'Autopilot rejected the API key from AUTOPILOT_API_KEY. Nothing was sent.',
    );
    const missing = await cli(pushArgs(file, '--consent'), {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No API key. Set the AUTOPILOT_API_KEY environment variable');
    const noList = await cli(['push', file, '--consent']);
    expect(noList.code).toBe(2);
    expect(noList.stderr).toContain('push needs --list <name>');
    expect(world.server.requests.filter((request) => request.path === '/contacts')).toEqual([]);
    expect(existsSync(path.join(world.dataFolder, 'jobs'))).toBe(false);
  });

  it('stops cleanly on Ctrl+C with exit 3, then resume finishes the job', async () => {
    world.server.configure({ latencyMs: 20 });
    const file = await segmentFile(2_000);
    const child = await spawnCli(
      [...pushArgs(file, '--consent', '--json', '--rate', '20'), '--data-dir', world.dataFolder],
      { HOME: world.folder, AUTOPILOT_API_KEY: world.server.apiKey },
    );
    await world.server.waitForRequests(6);
    child.child.kill('SIGINT');
    const exit = await child.exited;
    expect(exit.code).toBe(3);
    const paused = JSON.parse(child.stdout());
    expect(paused.status).toBe('paused');
    expect(paused.succeeded).toBeLessThan(2_001);

    const listing = await cli(['jobs', '--json']);
    expect(JSON.parse(listing.stdout)).toMatchObject([{ jobId: paused.jobId, status: 'paused' }]);

    world.server.configure({ latencyMs: 0 });
    const resumed = await cli(['resume', paused.jobId, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      jobId: paused.jobId,
      status: 'completed',
      succeeded: 2_001,
      failed: 0,
    });
    expect(world.server.contactsInList('Clients VIP')).toHaveLength(2_001);
    const again = await cli(['resume', paused.jobId]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('has already finished');
  });

  it('warns above 100,000 profiles but does not block', async () => {
    const lines = ['Email'];
    for (let index = 0; index < 100_001; index += 1) lines.push(`big.${index}@example.com`);
    const file = path.join(world.folder, 'big.csv');
    await writeFile(file, `${lines.join('\n')}\n`);
    const result = await cli(['push', file, '--list', 'Big', '--endpoint', world.server.url]);
    expect(result.code).toBe(2); // No --consent: the dry run, not a refusal.
    expect(result.stderr).toContain(
      'Warning: This export has 100,001 profiles. Autopilot recommends no more than 100,000',
    );
    expect(result.stdout).toContain('100,001 (of 100,001 rows');
  });
});

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run-cli';
import { headerSignature } from '../../core/exports/header-signature';
import { emulatorTestKey, startEmulator, type RunningEmulator } from '../../emulator/server';
import type { FieldMapping } from '../../shared/matching/field-mapping';
import { forgetKeys, openExportsWorld, type ExportsWorld } from '../support/exports-fixture';

// The real command table, the real settings file and snapshots a saved setup points at, and the
// emulator over HTTP on 127.0.0.1. The key comes from AUTOPILOT_API_KEY, as a scheduler gives it.

const mapping: FieldMapping = {
  email: 'PrimaryEmail',
  standard: { FirstName: 'FirstName' },
  custom: [],
};
const week23 = 'PrimaryEmail,FirstName\r\nanna@example.com,Anna\r\nbob@example.com,Bob\r\n';

let emulator: RunningEmulator;
let world: ExportsWorld;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
  await forgetKeys();
});
beforeEach(async () => {
  world = await openExportsWorld(emulator);
  emulator.clearRecords();
});
afterEach(async () => {
  await world.close();
});

async function saveWeeklySetup(mirror?: boolean): Promise<void> {
  const destinationId = await world.addDestination('Main', emulatorTestKey);
  const segment = await world.importFile('weekly.csv', week23);
  await world.exports.saveSetup({
    name: 'Weekly newsletter',
    destinationId,
    ...(mirror === undefined ? {} : { mirror }),
    segments: [{ segmentId: segment.id, list: { kind: 'existing', name: 'Newsletter' } }],
    mappings: [{ signature: headerSignature(segment.columns), mapping }],
  });
}

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (chunk) => (stdout += String(chunk)));
  const err = new PassThrough().on('data', (chunk) => (stderr += String(chunk)));
  const env = { AUTOPILOT_API_KEY: emulatorTestKey, HOME: world.filesFolder };
  const code = await runCli([...args, '--data-dir', world.dataFolder], {
    stdout: out,
    stderr: err,
    env,
  });
  return { code, stdout, stderr };
}

const emails = (list: string) =>
  emulator
    .contactsInList(list)
    .map((contact) => contact.Email)
    .sort();

describe('run-setup', () => {
  it('runs a saved setup once, and reads a new export at the same place on the next run', async () => {
    await saveWeeklySetup();
    const first = await cli('run-setup', 'weekly  NEWSLETTER', '--consent');
    expect(first.code).toBe(0);
    expect(emails('Newsletter')).toEqual(['anna@example.com', 'bob@example.com']);

    // Next week's export replaces the file; the exporting tool re-cased a column.
    await writeFile(
      path.join(world.filesFolder, 'weekly.csv'),
      'firstname,primaryemail\r\nCarla,carla@example.com\r\nAnna,anna@example.com\r\n',
    );
    const second = await cli('run-setup', 'Weekly newsletter', '--consent', '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ setup: 'Weekly newsletter' });
    expect(emails('Newsletter')).toEqual([
      'anna@example.com',
      'bob@example.com',
      'carla@example.com',
    ]);
    expect(emulator.contact('carla@example.com')?.FirstName).toBe('Carla');
  }, 30_000);

  it('each run is a sync: unchanged contacts are not sent again, and the setup keeps its mirror', async () => {
    await saveWeeklySetup(true);
    const team = ['anna', 'bob', 'dan', 'eva', 'fran', 'gil'];
    const file = path.join(world.filesFolder, 'weekly.csv');
    const writeWeek = (names: readonly string[]) =>
      writeFile(
        file,
        ['PrimaryEmail,FirstName', ...names.map((name) => `${name}@example.com,${name}`)].join(
          '\r\n',
        ),
      );
    await writeWeek(team);
    expect((await cli('run-setup', 'Weekly newsletter', '--consent')).code).toBe(0);
    const again = await cli('run-setup', 'Weekly newsletter', '--consent', '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ sent: 0, unchanged: 6, removed: 0 });

    // Bob left the segment and Carla joined: one sent, Bob off the list, his contact kept.
    await writeWeek([...team.filter((name) => name !== 'bob'), 'carla']);
    const mirrored = await cli('run-setup', 'Weekly newsletter', '--consent', '--json');
    expect(mirrored.code).toBe(0);
    expect(JSON.parse(mirrored.stdout)).toMatchObject({ sent: 1, new: 1, removed: 1 });
    expect(emails('Newsletter')).not.toContain('bob@example.com');
    expect(emails('Newsletter')).toContain('carla@example.com');
    expect(emulator.contact('bob@example.com')).toBeDefined();
  }, 30_000);

  it('without --consent says what it would send, sends nothing and exits 2', async () => {
    await saveWeeklySetup();
    const result = await cli('run-setup', 'Weekly newsletter');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Nothing was sent');
    expect(result.stdout).toContain('2 contacts to the Autopilot list "Newsletter"');
    expect(emulator.requests).toHaveLength(0);
  });

  it('an unknown setup, a file that lost its email column or changed its columns sends nothing', async () => {
    await saveWeeklySetup();
    const unknown = await cli('run-setup', 'Monthly', '--consent');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'There is no saved setup called "Monthly". Saved setups: "Weekly newsletter".\n',
    );
    await writeFile(path.join(world.filesFolder, 'weekly.csv'), 'FirstName,Phone\r\nAnna,555\r\n');
    const lost = await cli('run-setup', 'Weekly newsletter', '--consent', '--json');
    expect(lost.code).toBe(2);
    expect(JSON.parse(lost.stdout)).toMatchObject({
      error: { code: 'guardrail-email-column-lost' },
    });
    expect(lost.stderr).toContain('The new file for "weekly" has no "PrimaryEmail" column');
    await writeFile(
      path.join(world.filesFolder, 'weekly.csv'),
      'PrimaryEmail,Phone\r\nanna@example.com,555\r\n',
    );
    const changed = await cli('run-setup', 'Weekly newsletter', '--consent', '--json');
    expect(changed.code).toBe(2);
    expect(JSON.parse(changed.stdout)).toMatchObject({ error: { code: 'setup-columns-changed' } });
    expect(changed.stderr).toContain('no longer has the columns this setup matched');
    expect(emulator.requests).toHaveLength(0);
  });

  it('a profile count down by more than a fifth since the last run stops the run', async () => {
    await saveWeeklySetup();
    expect((await cli('run-setup', 'Weekly newsletter', '--consent')).code).toBe(0);
    await writeFile(
      path.join(world.filesFolder, 'weekly.csv'),
      'PrimaryEmail,FirstName\r\ncarla@example.com,Carla\r\n',
    );
    emulator.clearRecords();
    const stopped = await cli('run-setup', 'Weekly newsletter', '--consent');
    expect(stopped.code).toBe(2);
    expect(stopped.stderr).toContain(
      'The new file for "weekly" has 1 profiles, 50% fewer than the 2 of the last run, so nothing was sent.',
    );
    expect(stopped.stderr).toContain('add --skip-guardrails');
    expect(emulator.requests).toHaveLength(0);

    const forced = await cli('run-setup', 'Weekly newsletter', '--consent', '--skip-guardrails');
    expect(forced.code).toBe(0);
    expect(emulator.requests.length).toBeGreaterThan(0);
  }, 30_000);
});

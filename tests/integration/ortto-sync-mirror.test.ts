import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli } from '../../bench/upload/cli-bundle';
import { startOrttoEmulator, type RunningOrttoEmulator } from '../../emulator/ortto/server';
import { useTempFolder } from '../support/temp-folder';

// Issue 16 with issue 13: a weekly push to Ortto that keeps the tag equal to the segment. Only
// the changes are sent, people who left the segment lose the tag (never their record), someone
// tagged by hand in Ortto keeps it, and no permission changes.

const folder = useTempFolder('courier-ortto-sync-');
let ortto: RunningOrttoEmulator;

beforeAll(async () => {
  await bundleCli();
}, 60_000);
beforeEach(async () => {
  ortto = await startOrttoEmulator({
    people: [{ fields: { 'str::email': 'byhand@girona.cat', 'bol::p': true }, tags: ['Weekly'] }],
  });
});
afterEach(async () => {
  await ortto.close();
});

const person = (index: number) => `person${index}@girona.cat;Name${index}`;

async function pushWeek(week: string, people: readonly string[]) {
  const file = path.join(folder(), `${week}.csv`);
  await writeFile(file, ['Email;Nom', ...people].join('\n'));
  const child = await spawnCli(
    [
      'push',
      file,
      '--service',
      'ortto',
      '--email-permission',
      'no',
      '--list',
      'Weekly',
      '--mirror',
      '--consent',
      '--endpoint',
      ortto.url,
      '--data-dir',
      path.join(folder(), 'data'),
      '--json',
    ],
    { ORTTO_API_KEY: ortto.apiKey, HOME: folder() },
  );
  const exit = await child.exited;
  return { code: exit.code, json: JSON.parse(child.stdout() || '{}'), stderr: child.stderr() };
}

describe('a weekly Ortto push that keeps its tag equal to the segment', () => {
  it('sends only the changes and takes the tag off the leavers, nobody else', async () => {
    const week1 = Array.from({ length: 30 }, (_, index) => person(index));
    const first = await pushWeek('week-1', week1);
    expect(first.code, first.stderr).toBe(0);
    expect(first.json).toMatchObject({ status: 'completed', succeeded: 30 });
    expect(ortto.peopleWithTag('Weekly')).toHaveLength(31);

    // Week 2: five left, two new, one changed name.
    const week2 = [
      ...week1.slice(5).map((line) => (line === person(10) ? 'person10@girona.cat;Renamed' : line)),
      person(100),
      person(101),
    ];
    const merges = () => ortto.requests.filter((request) => request.path === '/person/merge');
    const before = merges().length;
    const second = await pushWeek('week-2', week2);
    expect(second.code, second.stderr).toBe(0);
    expect(second.json).toMatchObject({ new: 2, changed: 1, removed: 5, mirror: true, sent: 3 });

    const tagged = new Set(ortto.peopleWithTag('Weekly'));
    for (let index = 0; index < 5; index += 1) {
      expect(tagged.has(`person${index}@girona.cat`)).toBe(false);
      // Off the tag, still in the account, permission as it was.
      expect(ortto.person(`person${index}@girona.cat`)?.fields['bol::p']).toBe(false);
    }
    expect(tagged.has('person100@girona.cat')).toBe(true);
    expect(tagged.has('byhand@girona.cat')).toBe(true);
    expect(ortto.person('byhand@girona.cat')?.fields['bol::p']).toBe(true);
    expect(ortto.person('person10@girona.cat')?.fields['str::first']).toBe('Renamed');
    expect(tagged.size).toBe(week2.length + 1);
    // Three people sent in a batch (two requests: one creates, one updates) and one removal group.
    expect(merges().length - before).toBeLessThanOrEqual(3);
    expect(ortto.counters.bans).toBe(0);
  }, 60_000);
});

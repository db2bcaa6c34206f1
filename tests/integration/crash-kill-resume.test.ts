import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrttoEmulator, type RunningOrttoEmulator } from '../../emulator/ortto/server';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { bundleCli, spawnCli, type CliChild } from '../../bench/upload/cli-bundle';
import { useTempFolder } from '../support/temp-folder';

const contacts = 4_000;
const concurrency = 4;
const batchSize = 100;

const folder = useTempFolder('courier-crash-', { per: 'file' });
let server: RunningEmulator;
let ortto: RunningOrttoEmulator;

beforeAll(async () => {
  const lines = ['Email,First name,Last name,Points'];
  for (let index = 0; index < contacts; index += 1)
    lines.push(`crash.${index}@example.com,Name${index},Surname${index},${index}`);
  await writeFile(path.join(folder(), 'segment.csv'), `${lines.join('\n')}\n`);
  server = await startEmulator({ latencyMs: 15 });
  // One person is already in Ortto, subscribed: the push declares "no" and must leave them so.
  ortto = await startOrttoEmulator({
    latencyMs: 15,
    people: [{ fields: { 'str::email': 'crash.5@example.com', 'bol::p': true } }],
  });
  await bundleCli();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await ortto?.close();
});

/** mulberry32, seeded so a failing run can be replayed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function jobIds(dataFolder: string): Promise<string[]> {
  return readdir(path.join(dataFolder, 'jobs')).catch(() => []);
}

/** What the kill test needs from an emulator, whichever service it plays. */
interface Watched {
  readonly counters: { readonly total: number; readonly contactsAccepted: number };
  onRequest(listener: () => void): () => void;
}

/** Kills the child with SIGKILL after `requests` more requests reach the emulator, or `ms`. */
function killLater(
  server: Watched,
  child: CliChild,
  trigger: { requests: number } | { ms: number },
): void {
  if ('ms' in trigger) {
    setTimeout(() => child.child.kill('SIGKILL'), trigger.ms);
    return;
  }
  const target = server.counters.total + trigger.requests;
  const stop = server.onRequest(() => {
    if (server.counters.total < target) return;
    stop();
    child.child.kill('SIGKILL');
  });
  void child.exited.then(stop);
}

/**
 * Pushes the segment, killing the command line at random moments (mostly mid-send), and resumes
 * until a run finishes; answers how many kills there were and the last run's JSON summary.
 */
async function pushThroughKills(
  server: Watched,
  run: { readonly dataFolder: string; readonly env: NodeJS.ProcessEnv; readonly push: string[] },
  random: () => number,
  killsWanted: number,
): Promise<{ kills: number; code: number | null | undefined; summary: unknown }> {
  let kills = 0;
  let finished: { code: number | null; stdout: string } | null = null;
  for (let attempt = 0; attempt < 60 && !finished; attempt += 1) {
    const [jobId] = await jobIds(run.dataFolder);
    const args = jobId
      ? ['resume', jobId, '--data-dir', run.dataFolder, '--json']
      : [...run.push, '--consent', '--rate', '100', '--data-dir', run.dataFolder, '--json'];
    const child = await spawnCli(args, run.env);
    if (kills < killsWanted) {
      // Mostly mid-send (after a few requests); sometimes at a random instant, startup included.
      killLater(
        server,
        child,
        random() < 0.7
          ? { requests: 1 + Math.floor(random() * 6) }
          : { ms: Math.floor(random() * 400) },
      );
    }
    const exit = await child.exited;
    if (exit.signal === 'SIGKILL') kills += 1;
    else finished = { code: exit.code, stdout: child.stdout() };
  }
  return { kills, code: finished?.code, summary: JSON.parse(finished?.stdout ?? '{}') };
}

const completedSummary = {
  status: 'completed',
  valid: contacts,
  succeeded: contacts,
  failed: 0,
};

describe('kill -9 at random moments, then resume', () => {
  it('delivers every contact, re-sending at most the batches in flight at each kill', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const segment = path.join(folder(), 'segment.csv');
    const { kills, code, summary } = await pushThroughKills(
      server,
      {
        dataFolder: path.join(folder(), 'data'),
        env: { AUTOPILOT_API_KEY: server.apiKey, HOME: folder() },
        push: ['push', segment, '--list', 'Crash test', '--endpoint', server.url],
      },
      seeded(seed),
      14,
    );
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(10);
    expect(code, `seed ${seed}`).toBe(0);
    expect(summary).toMatchObject(completedSummary);
    // Zero lost: every contact is on the list, exactly as in the file.
    const members = server.contactsInList('Crash test');
    expect(members).toHaveLength(contacts);
    const emails = new Set(members.map((member) => String(member.Email)));
    for (let index = 0; index < contacts; index += 1)
      expect(emails.has(`crash.${index}@example.com`), `seed ${seed}`).toBe(true);
    expect(server.contact('crash.1234@example.com')).toMatchObject({
      FirstName: 'Name1234',
      LastName: 'Surname1234',
    });
    // At most the batches in flight were sent again: no more than `concurrency` per kill.
    const resent = server.counters.contactsAccepted - contacts;
    if (process.env.CRASH_DEBUG)
      console.log({ seed, kills, resent, requests: server.counters.total });
    expect(resent, `seed ${seed}`).toBeLessThanOrEqual(kills * concurrency * batchSize);
    expect(server.findList('Crash test')).toBeDefined();
    expect(
      [...server.state.lists.values()].filter((list) => list.title === 'Crash test'),
    ).toHaveLength(1);
  }, 120_000);
  it('Ortto: delivers everyone with the tag, the declared permission only for new people', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 100_000);
    const segment = path.join(folder(), 'segment.csv');
    const { kills, code, summary } = await pushThroughKills(
      ortto,
      {
        dataFolder: path.join(folder(), 'data-ortto'),
        env: { ORTTO_API_KEY: ortto.apiKey, HOME: folder() },
        push: [
          'push',
          segment,
          '--service',
          'ortto',
          '--email-permission',
          'no',
          '--list',
          'Crash test',
          '--endpoint',
          ortto.url,
        ],
      },
      seeded(seed),
      8,
    );
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(5);
    expect(code, `seed ${seed}`).toBe(0);
    expect(summary).toMatchObject(completedSummary);
    // Zero lost: everyone carries the tag.
    const tagged = new Set(ortto.peopleWithTag('Crash test'));
    expect(tagged.size).toBe(contacts);
    for (let index = 0; index < contacts; index += 1)
      expect(tagged.has(`crash.${index}@example.com`), `seed ${seed}`).toBe(true);
    // A batch sent again after a kill finds its people created: they are updated, their
    // permission untouched; the one person who was in Ortto before stays subscribed.
    expect(ortto.person('crash.1234@example.com')?.fields).toMatchObject({
      'str::first': 'Name1234',
      'bol::p': false,
    });
    expect(ortto.person('crash.5@example.com')?.fields['bol::p']).toBe(true);
    expect(ortto.counters.bans).toBe(0);
    const resent = ortto.counters.contactsAccepted - contacts;
    expect(resent, `seed ${seed}`).toBeLessThanOrEqual(kills * concurrency * batchSize);
  }, 120_000);
});

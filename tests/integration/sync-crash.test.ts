import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, spawnCli, type CliChild } from '../../bench/upload/cli-bundle';
import {
  createSyncWorld,
  listName,
  people,
  requestsOf,
  sortedEmails,
  type SyncWorld,
} from '../support/sync-fixtures';

let world: SyncWorld;

beforeAll(async () => {
  await bundleCli();
  world = await createSyncWorld({ listOnCreateOnly: true, latencyMs: 5 });
}, 60_000);

afterAll(async () => {
  await world?.close();
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

/** SIGKILL once `requests` more requests have reached the emulator. */
function killAfter(child: CliChild, requests: number): void {
  const target = world.server.counters.total + requests;
  const stop = world.server.onRequest(() => {
    if (world.server.counters.total < target) return;
    stop();
    child.child.kill('SIGKILL');
  });
  void child.exited.then(stop);
}

async function spawn(args: readonly string[]): Promise<CliChild> {
  return spawnCli([...args, '--data-dir', world.dataFolder], {
    HOME: world.folder,
    AUTOPILOT_API_KEY: world.server.apiKey,
  });
}

async function jobIds(): Promise<string[]> {
  return (await readdir(path.join(world.dataFolder, 'jobs')).catch(() => [])).sort();
}

describe('a mirror push killed with SIGKILL at random moments', () => {
  it('ends with the list exactly right, nobody removed twice and no contact deleted', async () => {
    const week1 = people(1_000);
    const first = await world.push(await world.writeSegment(week1, 'week1.csv'), '--consent');
    expect(first.code).toBe(0);
    const jobsBefore = await jobIds();

    // Next week: 150 left, 40 changed, 120 joined.
    const week2 = week1
      .filter((_, index) => index % 20 >= 3)
      .map((person, index) => (index % 21 === 0 ? { ...person, last: `Moved${index}` } : person));
    week2.push(...people(120, 'joiner'));
    const file = await world.writeSegment(week2, 'week2.csv');
    const mark = world.server.requests.length;
    const random = seeded(13);
    const pushArgs = ['push', file, '--list', listName, '--endpoint', world.server.url];
    let exit: number | null = null;
    let kills = 0;
    for (let round = 0; round < 40 && exit !== 0; round += 1) {
      const [jobId] = (await jobIds()).filter((id) => !jobsBefore.includes(id));
      const args = jobId
        ? ['resume', jobId]
        : [...pushArgs, '--rate', '200', '--consent', '--mirror'];
      const child = await spawn([...args, '--json']);
      if (kills < 6) {
        killAfter(child, 1 + Math.floor(random() * 60));
        kills += 1;
      }
      const ended = await child.exited;
      exit = ended.code;
    }
    expect(exit).toBe(0);
    expect(kills).toBe(6);

    expect(world.listEmails()).toEqual(sortedEmails(week2));
    const leavers = week1.filter((_, index) => index % 20 < 3);
    for (const person of leavers) expect(world.server.contact(person.email)).toBeDefined();
    expect(requestsOf(world.server, 'DELETE', '/contact/')).toHaveLength(0);
    // A removal that reached the emulator is never sent again for the same person.
    const deletes = requestsOf(world.server, 'DELETE', '/list/', mark).filter(
      (request) => request.status === 200,
    );
    const perEmail = new Map<string, number>();
    for (const request of deletes) {
      const email = request.path.split('/').pop() ?? '';
      perEmail.set(email, (perEmail.get(email) ?? 0) + 1);
    }
    expect([...perEmail.values()].filter((count) => count > 1)).toEqual([]);
    expect(perEmail.size).toBeLessThanOrEqual(leavers.length);

    // The ledger agrees with the list: a preview finds nothing to change.
    const preview = await spawn([...pushArgs, '--dry-run', '--mirror', '--json']);
    await preview.exited;
    expect(JSON.parse(preview.stdout())).toMatchObject({
      new: 0,
      changed: 0,
      leaving: 0,
      unchanged: week2.length,
    });
  }, 180_000);
});

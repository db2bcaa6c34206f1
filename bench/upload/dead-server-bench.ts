/**
 * Benchmark (f), issue 12 item 10: a server that answers every POST /contacts with 500. The export
 * must pause (resumable) within 30 s of simulated time with no row given up, and a resume against
 * the healthy server must then deliver every contact. The engine runs on a VirtualClock, so the
 * outage's backoff waits take no real time; several seeds of the backoff jitter, the worst counts.
 */
import { seededRandom } from '../../emulator/faults';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import type { Figure } from '../benchmark';
import { createEngineJob, type EngineJob } from './engine-harness';
import { VirtualClock } from './virtual-clock';

const contacts = 2_000;
const seeds = [1, 2, 3, 4, 5];

interface Trial {
  readonly paused: boolean;
  readonly secondsToPause: number;
  readonly givenUp: number;
  readonly upserts: number;
  readonly deliveredAfterResume: number;
}

function upsertCount(server: RunningEmulator): number {
  return server.requests.filter((request) => request.path === '/contacts').length;
}

async function runOn(server: RunningEmulator, job: EngineJob, clock: VirtualClock, seed: number) {
  const run = job.run({
    endpoint: server.url,
    apiKey: server.apiKey,
    fetch: clock.fetch,
    extra: { clock, random: seededRandom(seed) },
  });
  return clock.run(run.done, 600_000);
}

async function trial(seed: number): Promise<Trial> {
  const server = await startEmulator({
    faultRate: 1,
    faultKinds: ['500'],
    faultRoutes: ['POST /contacts'],
  });
  const job = await createEngineJob({ contacts, rate: 5 });
  try {
    const clock = new VirtualClock();
    const started = clock.now();
    const outage = await runOn(server, job, clock, seed);
    // When the pause was written: the stop itself plus the answers still on the way.
    const pausedAt = outage.stop ? Date.parse(outage.stop.at) : Infinity;
    const upserts = upsertCount(server);
    server.configure({ faultRate: 0 });
    await runOn(server, job, clock, seed);
    return {
      paused: outage.status === 'paused' && outage.stop?.reason === 'repeated-faults',
      secondsToPause: (pausedAt - started) / 1000,
      givenUp: outage.summary.givenUp,
      upserts,
      deliveredAfterResume: server.contactsInList('Customers').length,
    };
  } finally {
    await server.close();
    await job.cleanup();
  }
}

export async function measureDeadServer(): Promise<Figure[]> {
  const started = performance.now();
  const trials: Trial[] = [];
  for (const seed of seeds) trials.push(await trial(seed));
  const worst = (pick: (t: Trial) => number) => Math.max(...trials.map(pick));
  const least = (pick: (t: Trial) => number) => Math.min(...trials.map(pick));
  return [
    {
      label: `runs paused for repeated failures (of ${seeds.length})`,
      value: trials.filter((t) => t.paused).length,
      unit: '',
      min: seeds.length,
    },
    {
      label: 'simulated seconds until the pause (worst)',
      value: worst((t) => t.secondsToPause),
      unit: 's',
      max: 30,
    },
    {
      label: 'simulated seconds until the pause (best)',
      value: least((t) => t.secondsToPause),
      unit: 's',
    },
    {
      label: 'rows given up before the pause (worst)',
      value: worst((t) => t.givenUp),
      unit: '',
      max: 0,
    },
    {
      label: 'upserts answered 500 before the pause (worst)',
      value: worst((t) => t.upserts),
      unit: '',
    },
    {
      label: 'contacts delivered by the resume (least)',
      value: least((t) => t.deliveredAfterResume),
      unit: `of ${contacts}`,
      min: contacts,
    },
    { label: 'real time for all runs', value: (performance.now() - started) / 1000, unit: 's' },
  ];
}

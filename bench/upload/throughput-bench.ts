/**
 * Benchmarks (a) to (c): the engine against an emulator whose rate limit is known, measured from
 * the engine's side (contacts delivered per second of the run) and the server's (share of 429s).
 * The ratio against the limit is what is held to a target, not a time, since machines differ.
 */
import { startEmulator, type EmulatorOptions } from '../../emulator/server';
import type { Figure } from '../benchmark';
import { createEngineJob } from './engine-harness';

export interface ThroughputScenario {
  /** The emulator's limit in requests per second (its token bucket). */
  readonly serverRate: number;
  /** The engine's configured rate. */
  readonly engineRate: number;
  /** About how long the run should take at the limit, which sizes the job. */
  readonly seconds: number;
  readonly emulator?: Partial<EmulatorOptions>;
  readonly minShareOfLimit: number;
  readonly max429Share?: number;
}

export async function measureThroughput(scenario: ThroughputScenario): Promise<Figure[]> {
  const contacts = Math.round(scenario.serverRate * 100 * scenario.seconds);
  const server = await startEmulator({ rate: scenario.serverRate, ...scenario.emulator });
  const job = await createEngineJob({ contacts, rate: scenario.engineRate });
  try {
    const started = performance.now();
    const result = await job.run({ endpoint: server.url, apiKey: server.apiKey }).done;
    const seconds = (performance.now() - started) / 1000;
    const delivered = server.contactsInList('Customers').length;
    const upserts = server.requests.filter((request) => request.path === '/contacts');
    const limited = upserts.filter((request) => request.status === 429).length;
    const perSecond = result.summary.succeeded / seconds;
    const figures: Figure[] = [
      { label: 'contacts delivered', value: delivered, unit: `of ${contacts}`, min: contacts },
      { label: 'run time', value: seconds, unit: 's' },
      { label: 'delivered contacts per second', value: perSecond, unit: '/s' },
      {
        label: `share of the limit (${scenario.serverRate} x 100/s)`,
        value: perSecond / (scenario.serverRate * 100),
        unit: 'ratio',
        min: scenario.minShareOfLimit,
      },
      { label: 'upsert requests', value: upserts.length, unit: '' },
      { label: 'retries (429s, faults)', value: result.summary.retries, unit: '' },
    ];
    if (scenario.max429Share !== undefined) {
      figures.push({
        label: '429 answers / requests',
        value: limited / Math.max(1, upserts.length),
        unit: 'ratio',
        max: scenario.max429Share,
      });
    }
    return figures;
  } finally {
    await server.close();
    await job.cleanup();
  }
}

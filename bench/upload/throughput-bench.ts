/**
 * Benchmarks (a) to (c), and Ortto's pair: the engine against an emulator whose rate limit is
 * known, measured from the engine's side (contacts delivered per second of the run) and the
 * server's (share of 429s). The ratio against the limit is what is held to a target, not a time,
 * since machines differ.
 */
import { createOrttoDestination } from '../../core/ortto/ortto-destination';
import type { RunResult } from '../../core/upload/upload-run';
import { startOrttoEmulator, type OrttoEmulatorOptions } from '../../emulator/ortto/server';
import { startEmulator, type EmulatorOptions } from '../../emulator/server';
import type { Figure } from '../benchmark';
import { createEngineJob, type Connect } from './engine-harness';

interface ThroughputScenario {
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

/** What one run against an emulator gave, whichever service it played. */
interface RunFacts {
  readonly contacts: number;
  readonly delivered: number;
  readonly seconds: number;
  readonly result: RunResult;
  /** Status of every upsert request the server answered. */
  readonly upsertStatuses: readonly (number | undefined)[];
}

function throughputFigures(
  scenario: Omit<ThroughputScenario, 'emulator'>,
  facts: RunFacts,
): Figure[] {
  const perSecond = facts.result.summary.succeeded / facts.seconds;
  const limited = facts.upsertStatuses.filter((status) => status === 429).length;
  const figures: Figure[] = [
    {
      label: 'contacts delivered',
      value: facts.delivered,
      unit: `of ${facts.contacts}`,
      min: facts.contacts,
    },
    { label: 'run time', value: facts.seconds, unit: 's' },
    { label: 'delivered contacts per second', value: perSecond, unit: '/s' },
    {
      label: `share of the limit (${scenario.serverRate} x 100/s)`,
      value: perSecond / (scenario.serverRate * 100),
      unit: 'ratio',
      min: scenario.minShareOfLimit,
    },
    { label: 'upsert requests', value: facts.upsertStatuses.length, unit: '' },
    { label: 'retries (429s, faults)', value: facts.result.summary.retries, unit: '' },
  ];
  if (scenario.max429Share !== undefined) {
    figures.push({
      label: '429 answers / requests',
      value: limited / Math.max(1, facts.upsertStatuses.length),
      unit: 'ratio',
      max: scenario.max429Share,
    });
  }
  return figures;
}

async function timedRun(
  contacts: number,
  scenario: Pick<ThroughputScenario, 'engineRate'>,
  server: { url: string; apiKey: string },
  connect?: Connect,
): Promise<{ seconds: number; result: RunResult; cleanup: () => Promise<void> }> {
  const job = await createEngineJob({ contacts, rate: scenario.engineRate });
  const started = performance.now();
  const result = await job.run({ endpoint: server.url, apiKey: server.apiKey, connect }).done;
  return { seconds: (performance.now() - started) / 1000, result, cleanup: () => job.cleanup() };
}

export async function measureThroughput(scenario: ThroughputScenario): Promise<Figure[]> {
  const contacts = Math.round(scenario.serverRate * 100 * scenario.seconds);
  const server = await startEmulator({ rate: scenario.serverRate, ...scenario.emulator });
  let cleanup: () => Promise<void> = async () => undefined;
  try {
    const run = await timedRun(contacts, scenario, server);
    cleanup = run.cleanup;
    const upserts = server.requests.filter((request) => request.path === '/contacts');
    return throughputFigures(scenario, {
      contacts,
      delivered: server.contactsInList('Customers').length,
      seconds: run.seconds,
      result: run.result,
      upsertStatuses: upserts.map((request) => request.status),
    });
  } finally {
    await server.close();
    await cleanup();
  }
}

interface OrttoThroughputScenario extends Omit<ThroughputScenario, 'emulator'> {
  readonly emulator?: Partial<OrttoEmulatorOptions>;
}

/**
 * The same against the emulator's Ortto mode (issue 16): new people with the email permission
 * declared "no", so each batch is one create-only merge, tagged with the segment's list.
 */
export async function measureOrttoThroughput(scenario: OrttoThroughputScenario): Promise<Figure[]> {
  const contacts = Math.round(scenario.serverRate * 100 * scenario.seconds);
  const server = await startOrttoEmulator({ rate: scenario.serverRate, ...scenario.emulator });
  let cleanup: () => Promise<void> = async () => undefined;
  try {
    const run = await timedRun(contacts, scenario, server, (connection) =>
      createOrttoDestination({ ...connection, emailPermission: 'no' }),
    );
    cleanup = run.cleanup;
    const merges = server.requests.filter((request) => request.path === '/person/merge');
    return [
      ...throughputFigures(scenario, {
        contacts,
        delivered: server.peopleWithTag('Customers').length,
        seconds: run.seconds,
        result: run.result,
        upsertStatuses: merges.map((request) => request.status),
      }),
      { label: 'bans', value: server.counters.bans, unit: '', max: 0 },
    ];
  } finally {
    await server.close();
    await cleanup();
  }
}

/**
 * `npm run emulator -- --port 4010 --rate 5 ...` arguments → emulator options, with a plain message
 * for anything that does not parse.
 */
import { parseArgs } from 'node:util';
import { destinationServices, type DestinationService } from '../shared/model/destination-service';
import {
  faultKinds,
  type EmulatorOptions,
  type FaultKind,
  type SharedEmulatorOptions,
} from './options';

export const emulatorUsage = `Usage: npm run emulator -- [options]

Runs a local Autopilot API (or, with --service ortto, a local Ortto person API) on 127.0.0.1
until Ctrl-C.

  --service NAME       autopilot (default) or ortto
  --port N             port to listen on (default 4010; 0 picks a free one)
  --rate N             requests per second allowed (token bucket; default unlimited)
  --burst N            requests allowed at once (default: the rate, rounded up)
  --quota N            requests allowed per day (UTC; Autopilot only)
  --latency MS         delay before every answer
  --fault-rate P       probability 0-1 that a request fails
  --faults LIST        kinds of failure, comma-separated: ${faultKinds.join(',')} (default 503,reset)
  --fault-on ROUTE     only this request may fail, e.g. "POST /contacts" or "POST /person/merge"
                       (repeatable)
  --redirect-to URL    where the 301/302/307/308 faults send the client (a base URL ending in /v1)
  --slow-ms MS         how long a "slow" answer takes (default 1500)
  --seed N             seed for the failures, to replay a run
  --no-retry-after     answer 429 without a Retry-After header (Autopilot only; Ortto never sends one)
  --key K              accept this API key instead of the built-in test key (repeatable)
  --quiet              do not print a line per request
  --help               show this text`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function number(
  name: string,
  raw: string | undefined,
  check: (value: number) => boolean,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new UsageError(`--${name} needs a valid number, got "${raw}".`);
  }
  return value;
}

function faultList(raw: string | undefined): FaultKind[] | undefined {
  if (raw === undefined) return undefined;
  const kinds = raw
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  const unknown = kinds.filter((kind) => !(faultKinds as readonly string[]).includes(kind));
  if (unknown.length > 0 || kinds.length === 0) {
    throw new UsageError(`--faults takes ${faultKinds.join(', ')}; got "${raw}".`);
  }
  return kinds as FaultKind[];
}

/** `post  /contacts` → `POST /contacts`, the form the fault planner compares. */
function routeName(raw: string): string {
  const match = /^\s*(GET|POST|DELETE)\s+(\/\S*)\s*$/i.exec(raw);
  if (!match) {
    throw new UsageError(
      `--fault-on takes a method and a path, like "POST /contacts"; got "${raw}".`,
    );
  }
  return `${(match[1] ?? '').toUpperCase()} ${match[2] ?? ''}`;
}

function redirectTarget(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new UsageError(`--redirect-to needs an http:// or https:// address; got "${raw}".`);
  }
  return raw;
}

export interface EmulatorCommand {
  readonly help: boolean;
  readonly quiet: boolean;
  /** Undefined when not given: the Autopilot mode. */
  readonly service: DestinationService | undefined;
  /** The shared settings, plus the Autopilot mode's quota and Retry-After when given. */
  readonly options: Partial<
    SharedEmulatorOptions & Pick<EmulatorOptions, 'dailyQuota' | 'retryAfter'>
  >;
}

function serviceName(raw: string | undefined): DestinationService | undefined {
  if (raw === undefined) return undefined;
  const known = destinationServices.find((service) => service === raw.trim().toLowerCase());
  if (!known)
    throw new UsageError(`--service takes ${destinationServices.join(' or ')}; got "${raw}".`);
  return known;
}

/** Settings only the Autopilot mode has: Ortto has no daily quota and no Retry-After header. */
function refuseAutopilotOnly(
  service: DestinationService | undefined,
  values: { readonly quota?: string; readonly 'no-retry-after'?: boolean },
): void {
  const given = [
    values.quota === undefined ? '' : '--quota',
    values['no-retry-after'] === true ? '--no-retry-after' : '',
  ].filter(Boolean);
  if (service !== 'ortto' || given.length === 0) return;
  const verb = given.length > 1 ? 'apply' : 'applies';
  throw new UsageError(`${given.join(' and ')} ${verb} only to the Autopilot mode.`);
}

export function parseEmulatorArgs(argv: readonly string[]): EmulatorCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        service: { type: 'string' },
        port: { type: 'string' },
        rate: { type: 'string' },
        burst: { type: 'string' },
        quota: { type: 'string' },
        latency: { type: 'string' },
        'fault-rate': { type: 'string' },
        faults: { type: 'string' },
        'fault-on': { type: 'string', multiple: true },
        'redirect-to': { type: 'string' },
        'slow-ms': { type: 'string' },
        seed: { type: 'string' },
        'no-retry-after': { type: 'boolean' },
        key: { type: 'string', multiple: true },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const service = serviceName(values.service);
  refuseAutopilotOnly(service, values);
  const positive = (value: number) => value > 0;
  const wholeOrZero = (value: number) => Number.isInteger(value) && value >= 0;
  const options: EmulatorCommand['options'] = {
    port: number('port', values.port ?? '4010', (value) => wholeOrZero(value) && value < 65536),
    rate: number('rate', values.rate, positive),
    burst: number('burst', values.burst, (value) => Number.isInteger(value) && value >= 1),
    dailyQuota: number('quota', values.quota, wholeOrZero),
    latencyMs: number('latency', values.latency, wholeOrZero),
    faultRate: number('fault-rate', values['fault-rate'], (value) => value >= 0 && value <= 1),
    faultKinds: faultList(values.faults),
    faultRoutes: values['fault-on']?.map(routeName),
    redirectTo: redirectTarget(values['redirect-to']),
    slowMs: number('slow-ms', values['slow-ms'], wholeOrZero),
    seed: number('seed', values.seed, Number.isInteger),
    retryAfter: values['no-retry-after'] ? 'none' : undefined,
    apiKeys: values.key,
  };
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  return { help: values.help === true, quiet: values.quiet === true, service, options: defined };
}

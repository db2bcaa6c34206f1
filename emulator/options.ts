/**
 * What a test, a benchmark or a person can tune on the local emulator. The settings both modes
 * share (port, keys, throttle, faults, latency, clock) come first; then the Autopilot mode's own.
 * Everything has a default that behaves like a healthy, unthrottled service accepting one fixed key.
 */

/** 32 lowercase hex characters, the format of real Autopilot keys (autopilot-api.md §1). */
export const emulatorTestKey = '0e5a1a7e5ca1ab1e0e5a1a7e5ca1ab1e';

/**
 * - '503', '500': answers that status without touching state.
 * - 'reset': drops the connection before reading the request; nothing is applied.
 * - 'hang': applies the request, then never answers (BLOG-TIMEOUT: a request that timed out on the
 *   client was still carried out), so the client's timeout fires and a resend must be harmless.
 * - 'slow': applies and answers after `slowMs`.
 * - 'short': a bulk upsert (Autopilot `POST /contacts`, Ortto `person/merge`) stores only the first
 *   half of its contacts (rounded down) and answers 200 with theirs alone, the reading that loses
 *   contacts if a client counts the 200.
 * - 'empty': 200 with an empty body; nothing is applied.
 * - 'not-json': 200 with an HTML page (a proxy or captive portal); nothing is applied.
 * - '301', '302', '307', '308': a redirect to the same path under `redirectTo`; nothing is applied.
 */
export const faultKinds = [
  '503',
  '500',
  'reset',
  'hang',
  'slow',
  'short',
  'empty',
  'not-json',
  '301',
  '302',
  '307',
  '308',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** The settings every mode of the emulator has (the Ortto mode: ortto/options.ts). */
export interface SharedEmulatorOptions {
  /** 0 (default) picks a free port. The emulator only ever listens on 127.0.0.1. */
  readonly port: number;
  /** Accepted keys (`autopilotapikey` or `X-Api-Key`, by mode). */
  readonly apiKeys: readonly string[];
  /** Token bucket refill in requests per second; undefined = unlimited. */
  readonly rate: number | undefined;
  /** Bucket size (requests allowed at once); defaults to max(1, ceil(rate)). */
  readonly burst: number | undefined;
  /** Delay before every answer, in milliseconds. */
  readonly latencyMs: number;
  /** Probability (0-1) that a request gets one of `faultKinds`, drawn from a seeded PRNG. */
  readonly faultRate: number;
  readonly faultKinds: readonly FaultKind[];
  /** Faults by request number (1-based, counting every request since start): `{ 3: 'reset' }`. */
  readonly faultSchedule: Readonly<Record<number, FaultKind>>;
  /**
   * Requests that may get a fault, as `METHOD /path` below `/v1` (`POST /contacts`); empty means
   * every request. Request numbers in `faultSchedule` still count every request.
   */
  readonly faultRoutes: readonly string[];
  /** Base URL (ending in `/v1`) that redirect faults send the client to: another local server. */
  readonly redirectTo: string;
  /** Seed of the fault PRNG, so a faulty run can be replayed exactly. */
  readonly seed: number;
  readonly slowMs: number;
  /** Addresses the emulator refuses as invalid although they look fine (a server-side rejection). */
  readonly invalidEmails: readonly string[];
  /** Clock for the throttles, the ban and timestamps. */
  readonly now: () => number;
}

export interface EmulatorOptions extends SharedEmulatorOptions {
  /** Status for a missing or wrong key. Autopilot's is unconfirmed (401 or 403), so both exist. */
  readonly authFailureStatus: 401 | 403;
  /** How a 429 says when to come back: delta-seconds, an HTTP date, or not at all. */
  readonly retryAfter: 'seconds' | 'date' | 'none';
  /** Requests accepted per UTC day (by `now`); undefined = unlimited. */
  readonly dailyQuota: number | undefined;
  /** Contacts per POST /contacts; more is a 400 (BLOG-BULK). */
  readonly maxBatch: number;
  /** Strict reading of `_autopilot_list` ("added when created", N8N): existing contacts stay off. */
  readonly listOnCreateOnly: boolean;
  /** Custom fields the account already has, as `/contacts/custom_fields` lists them. */
  readonly customFields: readonly { readonly name: string; readonly fieldType: string }[];
}

/** The shared settings' defaults, with no key: each mode brings its own test key. */
export const sharedDefaultOptions: Omit<SharedEmulatorOptions, 'apiKeys'> = {
  port: 0,
  rate: undefined,
  burst: undefined,
  latencyMs: 0,
  faultRate: 0,
  faultKinds: ['503', 'reset'],
  faultSchedule: {},
  faultRoutes: [],
  // Port 9 (discard) on loopback: a redirect the client wrongly follows goes nowhere by default.
  redirectTo: 'http://127.0.0.1:9/v1',
  seed: 1,
  slowMs: 1500,
  invalidEmails: [],
  now: Date.now,
};

export const defaultEmulatorOptions: EmulatorOptions = {
  ...sharedDefaultOptions,
  apiKeys: [emulatorTestKey],
  authFailureStatus: 401,
  retryAfter: 'seconds',
  dailyQuota: undefined,
  maxBatch: 100,
  listOnCreateOnly: false,
  customFields: [],
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** `base` with the given options laid over it; undefined leaves a setting as it was, except for
 * `rate`, `burst` and `dailyQuota`, where undefined means "no limit" and is kept when given. */
export function mergeOptions<Options extends SharedEmulatorOptions>(
  base: Options,
  options: Partial<Options> = {},
): Options {
  const defined = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  ) as Partial<Options>;
  const merged: Mutable<Options> = { ...base, ...defined };
  const limitless = ['rate', 'burst', 'dailyQuota'] as const;
  for (const key of limitless) {
    if (key in options) Object.assign(merged, { [key]: (options as Record<string, unknown>)[key] });
  }
  return merged;
}

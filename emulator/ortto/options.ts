/**
 * What a test, a benchmark or a person can tune on the emulator's Ortto mode, on top of the
 * settings both modes share (../options.ts). Defaults follow ../../../shared/docs/ortto-api.md.
 */
import { sharedDefaultOptions, type SharedEmulatorOptions } from '../options';

/**
 * Ortto publishes no key format; private keys from a "Custom API" data source are long opaque
 * strings, so the test key is one too, marked as the emulator's.
 */
export const orttoTestKey = 'pk-emulator-0e5a1a7e5ca1ab1e0e5a1a7e5ca1ab1e0e5a1a7e5ca1ab1e';

/**
 * A person the account already has, by field id (`str::email`, `bol::p`, `str:cm:plan`); without
 * `bol::p` they are subscribed, as a merge would make them.
 */
export interface SeedPerson {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly tags?: readonly string[];
}

/** A custom field the account already has, as `person/custom-field/create` takes it. */
export interface SeedCustomField {
  readonly name: string;
  /** `text`, `integer`, `bool`, ... (fields.ts lists them). */
  readonly type: string;
}

export interface OrttoEmulatorOptions extends SharedEmulatorOptions {
  /** People per `person/merge` (ortto-api.md, Limits). */
  readonly maxPeople: number;
  /**
   * Raw JSON bytes per request. Ortto says "2 MB"; the emulator reads it as 2,000,000 bytes, the
   * stricter of the two readings, so a client that splits by it also passes a 2 MiB limit.
   */
  readonly maxBodyBytes: number;
  /** Bad requests (4xx but 429) within `banWindowMs` that ban the caller. */
  readonly banThreshold: number;
  readonly banWindowMs: number;
  readonly banDurationMs: number;
  /** Custom fields an account may have (100 to 200 by plan). */
  readonly customFieldLimit: number;
  /**
   * The status strategy 3 (ignore) answers for a person who exists and is left alone. Ortto's is
   * not documented; `merged` by default, another word to prove a client reads "not created" as
   * "exists" whatever the word.
   */
  readonly ignoredStatus: string;
  /** Addresses merged with the status `suppressed` (on the account's suppression list). */
  readonly suppressedEmails: readonly string[];
  readonly people: readonly SeedPerson[];
  readonly customFields: readonly SeedCustomField[];
}

export const defaultOrttoOptions: OrttoEmulatorOptions = {
  ...sharedDefaultOptions,
  apiKeys: [orttoTestKey],
  maxPeople: 100,
  maxBodyBytes: 2_000_000,
  banThreshold: 15,
  banWindowMs: 15_000,
  banDurationMs: 15_000,
  customFieldLimit: 100,
  ignoredStatus: 'merged',
  suppressedEmails: [],
  people: [],
  customFields: [],
};

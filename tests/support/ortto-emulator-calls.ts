// Real HTTP calls to the emulator's Ortto mode on 127.0.0.1, for the emulator's own tests.
import { afterEach } from 'vitest';
import {
  startOrttoEmulator,
  type OrttoEmulatorOptions,
  type RunningOrttoEmulator,
} from '../../emulator/ortto/server';

/** A start function for one test file; whatever it started is closed after each test. */
export function orttoEmulatorPerTest() {
  let running: RunningOrttoEmulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return async (options: Partial<OrttoEmulatorOptions> = {}) => {
    running = await startOrttoEmulator(options);
    return running;
  };
}

export interface OrttoAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

export interface MergeEntry {
  readonly person_id?: string;
  readonly status: string;
  readonly error?: string;
}

/**
 * `POST <url>/<path>` with the emulator's key (or `key`; null sends none), the body as JSON (or as
 * is when it is text).
 */
export async function postToOrtto(
  emulator: RunningOrttoEmulator,
  path: string,
  body: unknown,
  key: string | null = emulator.apiKey,
): Promise<OrttoAnswer> {
  const response = await fetch(`${emulator.url}/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key === null ? {} : { 'x-api-key': key }),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

/** A merge expected to succeed: its per-person entries. */
export async function mergedEntries(
  emulator: RunningOrttoEmulator,
  body: Record<string, unknown>,
): Promise<MergeEntry[]> {
  const answer = await postToOrtto(emulator, 'person/merge', body);
  if (answer.status !== 200) throw new Error(`merge answered ${answer.status}`);
  return (answer.body as { people: MergeEntry[] }).people;
}

export const emailOnly = (email: string, fields: Record<string, unknown> = {}) => ({
  fields: { 'str::email': email, ...fields },
});

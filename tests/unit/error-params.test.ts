import { describe, expect, it } from 'vitest';
import {
  normalizeApiKey,
  normalizeDisplayName,
  normalizeRequestRate,
} from '../../core/destinations/destination-rules';
import { DestinationError } from '../../core/destination-port/destination';
import { destinationProblem } from '../../core/exports/open-destination';
import type { DestinationRecord } from '../../core/settings/settings-schema';
import { catalogs, supportedLanguages } from '../../renderer/src/i18n/catalogs';

// Main's errors carry the facts their sentence names: every {{fact}} of the catalog entry for the
// code is among the params main sends, so no sentence shows a blank or a raw placeholder.

const record: DestinationRecord = {
  id: 'd1',
  displayName: 'Vendes',
  service: 'ortto',
  endpoint: 'https://api.example.test/v1',
  requestsPerSecond: 5,
  createdAt: '2026-01-01T00:00:00.000Z',
  privacyAgreement: { agreedAt: '2026-01-01T00:00:00.000Z', osUser: 'marta', termsVersion: 'x' },
};

function thrown(work: () => unknown): { code: string; params: Record<string, string | number> } {
  try {
    work();
  } catch (error) {
    return error as { code: string; params: Record<string, string | number> };
  }
  throw new Error('expected a refusal');
}

const refusals = {
  'a name too long': thrown(() => normalizeDisplayName('x'.repeat(500))),
  'an empty key': thrown(() => normalizeApiKey('  ', 'ortto')),
  'a rate out of range': thrown(() => normalizeRequestRate(1000)),
  'an account that cannot be reached': destinationProblem(
    new DestinationError('offline', 'connect ECONNREFUSED', {}),
    record,
  ) as ReturnType<typeof thrown>,
  'an account that answers oddly': destinationProblem(
    new DestinationError('transient', 'HTTP 502', { status: 502 }),
    record,
  ) as ReturnType<typeof thrown>,
  'a timeout': destinationProblem(
    Object.assign(new Error('timed out'), { name: 'TimeoutError' }),
    record,
  ) as ReturnType<typeof thrown>,
};

const placeholders = (text: string) =>
  [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1] ?? '');

describe("main's error facts fill the catalog's sentences", () => {
  it.each(Object.entries(refusals))('%s', (_, error) => {
    for (const language of supportedLanguages) {
      const errors: Record<string, string> = catalogs[language].app.errors;
      const sentences = Object.entries(errors)
        .filter(([key]) => key === error.code || key.startsWith(`${error.code}_`))
        .map(([, text]) => text);
      expect(sentences.length).toBeGreaterThan(0);
      for (const text of sentences) {
        for (const fact of placeholders(text)) expect(error.params).toHaveProperty(fact);
      }
    }
  });

  it('names the service, not the kind of error, when nobody answers in time', () => {
    expect(refusals['a timeout']).toMatchObject({
      code: 'export-offline',
      params: { serviceName: 'Ortto', destination: 'Vendes', endpoint: record.endpoint },
    });
    expect((refusals['a timeout'] as unknown as Error).message).toMatch(/^Ortto did not answer/);
  });
});

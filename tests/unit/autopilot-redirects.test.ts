// Issue 12, item 6, below the wire: every request asks fetch not to follow redirects, a 3xx (or
// the status 0 of a browser-style manual redirect) is a fault with its sentence, and a captive
// portal's redirect keeps the network gate closed instead of failing the job.
import { describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import {
  autopilotMessages,
  errorFromResponse,
  isRedirectError,
} from '../../core/autopilot/autopilot-errors';
import { DestinationError } from '../../core/destination-port/destination';
import { NetworkGate } from '../../core/upload/network-gate';
import { FakeClock } from '../support/upload-fake-clock';
import { createFakeDestination } from '../support/upload-fake-destination';

describe('redirect answers', () => {
  it.each([0, 301, 302, 303, 307, 308])('status %i is a transient redirect fault', (status) => {
    const error = errorFromResponse({
      status,
      retryAfter: null,
      bodyText: '',
      nowMs: 0,
      redact: (text) => text,
    });
    expect(error).toMatchObject({ kind: 'transient', status });
    expect(error.message).toBe(autopilotMessages.redirected(status));
    expect(isRedirectError(error)).toBe(true);
  });

  it('only 3xx answers are redirects', () => {
    expect(isRedirectError(new DestinationError('transient', 'x', { status: 503 }))).toBe(false);
    expect(isRedirectError(new DestinationError('transient', 'x'))).toBe(false);
  });

  it('every request of the client asks fetch not to follow redirects', async () => {
    const seen: unknown[] = [];
    const fetchSpy: typeof fetch = async (_input, init) => {
      seen.push(init?.redirect);
      return new Response('', { status: 302, headers: { location: 'http://127.0.0.1:9/v1' } });
    };
    const client = new AutopilotClient({
      baseUrl: 'http://127.0.0.1:1/v1',
      apiKey: 'k',
      fetch: fetchSpy,
    });
    const calls = [
      () => client.listLists(),
      () => client.createList('A'),
      () => client.getCustomFields(),
      () => client.upsertContacts([{ Email: 'a@example.com' }]),
      () => client.upsertContact({ Email: 'a@example.com' }),
      () => client.getContact('a@example.com'),
      () => client.addContactToList('l', 'a@example.com'),
      () => client.removeContactFromList('l', 'a@example.com'),
      () => client.isContactOnList('l', 'a@example.com'),
      () => client.getListContactsPage('l'),
      () => client.getAllContacts(),
    ];
    for (const call of calls) await expect(call()).rejects.toSatisfy(isRedirectError);
    expect(seen).toHaveLength(calls.length);
    expect(new Set(seen)).toEqual(new Set(['manual']));
  });
});

describe('the network gate and a captive portal', () => {
  it('keeps probing while the probe is redirected, and opens when Autopilot answers', async () => {
    const clock = new FakeClock();
    const destination = createFakeDestination(clock);
    let redirected = 3;
    destination.checkAnswer = () => {
      if (redirected <= 0) return;
      redirected -= 1;
      throw new DestinationError('invalid-request', autopilotMessages.redirected(302), {
        status: 302,
      });
    };
    const gate = new NetworkGate({ destination, clock, probeIntervalMs: 100 });
    const online = gate.waitUntilOnline(new AbortController().signal);
    await clock.run(online);
    expect(destination.checks).toBe(4);
    expect(gate.offline).toBe(false);
  });
});

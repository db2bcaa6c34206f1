// How Autopilot answers and network failures become DestinationError kinds and messages.
import { describe, expect, it } from 'vitest';
import { AutopilotClient } from '../../core/autopilot/autopilot-client';
import {
  errorFromFailure,
  errorFromResponse,
  parseRetryAfter,
  readServerMessage,
} from '../../core/autopilot/autopilot-errors';
import { DestinationError } from '../../core/destination-port/destination';

const now = Date.parse('2025-03-03T10:00:00Z');

function fromStatus(status: number, bodyText = '', retryAfter: string | null = null) {
  return errorFromResponse({ status, retryAfter, bodyText, nowMs: now, redact: (text) => text });
}

/** A network failure shaped like undici's: TypeError('fetch failed') with a coded cause. */
function fetchFailed(code: string, message = 'connect failed'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 03 Mar 2025 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 03 Mar 2025 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('readServerMessage', () => {
  it('prefers `message`, falls back to `error`, and reads Ortto-style nesting', () => {
    expect(readServerMessage('{"error":"Bad Request","message":"Too many contacts."}')).toBe(
      'Too many contacts.',
    );
    expect(readServerMessage('{"error":"Contact could not be found."}')).toBe(
      'Contact could not be found.',
    );
    expect(readServerMessage('{"error":{"code":"rate-limit","message":"rate limit"}}')).toBe(
      'rate limit',
    );
    expect(readServerMessage('<html>Bad gateway</html>')).toBeUndefined();
    expect(readServerMessage('')).toBeUndefined();
  });
});

describe('errorFromResponse', () => {
  it.each([
    [401, 'rejected-key'],
    [403, 'rejected-key'],
    [429, 'rate-limited'],
    [500, 'transient'],
    [502, 'transient'],
    [503, 'transient'],
    [408, 'transient'],
    [404, 'not-found'],
    [410, 'not-found'],
    [400, 'invalid-request'],
    [405, 'invalid-request'],
    [413, 'invalid-request'],
    [422, 'invalid-request'],
  ])('maps %i to %s', (status, kind) => {
    const error = fromStatus(status);
    expect(error).toBeInstanceOf(DestinationError);
    expect(error).toMatchObject({ kind, status });
  });

  it('keeps the server message for refusals and says something useful without one', () => {
    expect(fromStatus(400, '{"error":"Bad Request","message":"Invalid Email"}')).toMatchObject({
      serverMessage: 'Invalid Email',
      message: 'Autopilot refused the data: Invalid Email',
    });
    expect(fromStatus(400).message).toBe('Autopilot refused the data as it was sent.');
    expect(fromStatus(404).message).toMatch(/couldn't find that list or contact/);
  });

  it('reads Retry-After on 429', () => {
    expect(fromStatus(429, '', '3').retryAfterMs).toBe(3000);
    expect(fromStatus(429, '', null).retryAfterMs).toBeUndefined();
  });
});

describe('errorFromFailure', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH'])('%s is offline', (code) => {
    const error = errorFromFailure(fetchFailed(code), { timedOut: false });
    expect(error.kind).toBe('offline');
    expect(error.message).toBe("Autopilot can't be reached. Check your internet connection.");
  });

  it('finds the code in an AggregateError (several addresses refused)', () => {
    const aggregate = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]);
    expect(
      errorFromFailure(new TypeError('fetch failed', { cause: aggregate }), { timedOut: false })
        .kind,
    ).toBe('offline');
  });

  it.each([
    fetchFailed('ECONNRESET'),
    fetchFailed('UND_ERR_SOCKET', 'other side closed'),
    new Error('socket hang up'),
  ])('a broken connection is transient (%s)', (failure) => {
    const error = errorFromFailure(failure, { timedOut: false });
    expect(error.kind).toBe('transient');
    expect(error.message).toBe(
      'The connection to Autopilot was interrupted. Trying again usually works.',
    );
  });

  it('our own timeout is transient, and so is anything unrecognised', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(errorFromFailure(timeout, { timedOut: true }).message).toBe(
      'Autopilot took too long to answer. Trying again usually works.',
    );
    expect(errorFromFailure(new Error('weird'), { timedOut: false }).kind).toBe('transient');
  });
});

describe('the API key never reaches a message', () => {
  const key = '0123456789abcdef0123456789abcdef';

  it('is scrubbed from a server message that echoes it', async () => {
    const echo: typeof fetch = async (_input, init) => {
      const sent = new Headers(init?.headers).get('autopilotapikey');
      return new Response(JSON.stringify({ error: 'Bad', message: `Key ${sent} is malformed` }), {
        status: 400,
      });
    };
    const client = new AutopilotClient({
      baseUrl: 'http://127.0.0.1:9/v1',
      apiKey: key,
      fetch: echo,
    });
    const error = (await client.listLists().catch((reason: unknown) => reason)) as DestinationError;
    expect(error.kind).toBe('invalid-request');
    expect(error.serverMessage).toBe('Key [redacted] is malformed');
    expect(`${error.message} ${error.serverMessage} ${JSON.stringify(error)}`).not.toContain(key);
  });
});

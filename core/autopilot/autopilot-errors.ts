/**
 * Turns Autopilot's answers and network failures into DestinationError kinds the upload engine acts
 * on, each with a sentence a marketer understands. Wire facts: ../../../shared/docs/autopilot-api.md
 * (§4 Errors, §7 Unconfirmed). Where the doc leaves a detail open we take the tolerant reading and
 * say so next to the rule.
 */
import { DestinationError } from '../destination-port/destination';
import { networkFailureKind } from '../destination-port/network-failure';

export const autopilotMessages = {
  rejectedKey: 'Autopilot rejected the API key. Check it in Destinations.',
  rateLimited:
    'Autopilot asked us to slow down because too many requests arrived. Waiting, then trying again.',
  serverProblem: (status: number) =>
    `Autopilot had a temporary problem (error ${status}). Trying again usually works.`,
  timedOut: 'Autopilot took too long to answer. Trying again usually works.',
  interrupted: 'The connection to Autopilot was interrupted. Trying again usually works.',
  unknownFailure: 'Something went wrong while talking to Autopilot. Trying again usually works.',
  unreadable: "Autopilot sent an answer we couldn't read. Trying again usually works.",
  unconfirmed: (confirmed: number, sent: number) =>
    `Autopilot's answer confirmed ${confirmed} of the ${sent} contacts sent, so they do not count as delivered yet. Trying again usually works.`,
  redirected: (status: number) =>
    `The API endpoint sent us to another address (redirect ${status}). Segment Courier never follows redirects, so nothing went there. Check the API endpoint in Destinations.`,
  offline: "Autopilot can't be reached. Check your internet connection.",
  invalidRequest: (serverMessage: string | undefined) =>
    serverMessage
      ? `Autopilot refused the data: ${serverMessage}`
      : 'Autopilot refused the data as it was sent.',
  notFound: (serverMessage: string | undefined) =>
    serverMessage
      ? `Autopilot couldn't find what was asked for: ${serverMessage}`
      : "Autopilot couldn't find that list or contact. It may have been deleted in Autopilot.",
} as const;

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3). No sample response
 * in the doc carries it (§4), so absence is normal and yields undefined.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse reads "-5" as a year; an HTTP date always names its month in letters.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}

/**
 * The server's explanation from an error body. The doc shows `{error, message}` (WPF, TAP) but does
 * not confirm both are always there, so we also accept a lone `error` string and Ortto's nested
 * `{error: {message}}`.
 */
export function readServerMessage(bodyText: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message.trim()) return record.message.trim();
  if (typeof record.error === 'string' && record.error.trim()) return record.error.trim();
  const nested = record.error;
  if (typeof nested === 'object' && nested !== null) {
    const message = (nested as Record<string, unknown>).message;
    if (typeof message === 'string' && message.trim()) return message.trim();
  }
  return undefined;
}

interface ResponseFacts {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly bodyText: string;
  readonly nowMs: number;
  /** Removes secrets (the API key) from text the server sent, before it reaches a message. */
  readonly redact: (text: string) => string;
}

/**
 * A redirect is never followed (issue 12, item 6): following one would carry the key and the
 * contacts to another server (a 307 keeps the POST, even from https to plain http) or turn the
 * POST into a GET whose 200 looks like a delivery (301, 302). It is a fault, never an answer.
 * Status 0 is what a browser-style fetch reports for a redirect it did not follow.
 */
function isRedirectStatus(status: number): boolean {
  return status === 0 || (status >= 300 && status < 400);
}

/** The fault errorFromResponse makes of a redirect. */
export function isRedirectError(error: unknown): error is DestinationError {
  return (
    error instanceof DestinationError &&
    error.kind === 'transient' &&
    error.status !== undefined &&
    isRedirectStatus(error.status)
  );
}

/** A non-2xx answer as a DestinationError. */
export function errorFromResponse(facts: ResponseFacts): DestinationError {
  const { status } = facts;
  if (isRedirectStatus(status)) {
    return new DestinationError('transient', autopilotMessages.redirected(status), { status });
  }
  const raw = readServerMessage(facts.bodyText);
  const serverMessage = raw === undefined ? undefined : facts.redact(raw);
  const details = { status, serverMessage };
  // Bad key: the doc cannot say whether Autopilot answers 401 or 403 (§7), so both mean "rejected".
  if (status === 401 || status === 403) {
    return new DestinationError('rejected-key', autopilotMessages.rejectedKey, details);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(facts.retryAfter, facts.nowMs);
    return new DestinationError('rate-limited', autopilotMessages.rateLimited, {
      ...details,
      retryAfterMs,
    });
  }
  // 408 (request timeout) behaves like a dropped connection: the server may still have applied it.
  if (status >= 500 || status === 408) {
    return new DestinationError('transient', autopilotMessages.serverProblem(status), details);
  }
  // Unknown contact or list: "probably 404" (§4); 410 is read the same way.
  if (status === 404 || status === 410) {
    return new DestinationError('not-found', autopilotMessages.notFound(serverMessage), details);
  }
  // 400 is documented (more than 100 contacts); other 4xx (405, 413, 422...) are refusals of the
  // request as sent, so resending it unchanged will not help.
  return new DestinationError(
    'invalid-request',
    autopilotMessages.invalidRequest(serverMessage),
    details,
  );
}

/**
 * A request that never got an answer. `timedOut` is true when our own timeout fired. Anything we
 * cannot recognise counts as transient: retrying with backoff is the safe default because Autopilot's
 * bulk add is an upsert by email (§3, BLOG-TIMEOUT).
 */
export function errorFromFailure(error: unknown, options: { timedOut: boolean }): DestinationError {
  if (options.timedOut) {
    return new DestinationError('transient', autopilotMessages.timedOut, { cause: error });
  }
  const kind = networkFailureKind(error);
  if (kind === 'offline') {
    return new DestinationError('offline', autopilotMessages.offline, { cause: error });
  }
  if (kind === 'interrupted') {
    return new DestinationError('transient', autopilotMessages.interrupted, { cause: error });
  }
  return new DestinationError('transient', autopilotMessages.unknownFailure, { cause: error });
}

/**
 * Turns Ortto's answers and network failures into DestinationError kinds the upload engine acts on,
 * each with a sentence a marketer understands. Wire facts: shared/docs/ortto-api.md (Limits,
 * person/merge errors). Ortto's 429 says how long to wait in its body, never in a header.
 */
import { DestinationError } from '../destination-port/destination';
import { networkFailureKind } from '../destination-port/network-failure';

export const orttoMessages = {
  rejectedKey: 'Ortto rejected the API key. Check it (and its region) in Destinations.',
  rateLimited:
    'Ortto asked us to slow down because too many requests arrived. Waiting, then trying again.',
  serverProblem: (status: number) =>
    `Ortto had a temporary problem (error ${status}). Trying again usually works.`,
  timedOut: 'Ortto took too long to answer. Trying again usually works.',
  interrupted: 'The connection to Ortto was interrupted. Trying again usually works.',
  unknownFailure: 'Something went wrong while talking to Ortto. Trying again usually works.',
  unreadable: "Ortto sent an answer we couldn't read. Trying again usually works.",
  redirected: (status: number) =>
    `The API endpoint sent us to another address (redirect ${status}). Segment Courier never follows redirects, so nothing went there. Check the API endpoint in Destinations.`,
  offline: "Ortto can't be reached. Check your internet connection.",
  invalidRequest: (serverMessage: string | undefined) =>
    serverMessage ? `Ortto refused the data: ${serverMessage}` : 'Ortto refused the data as sent.',
  notFound: 'That API endpoint does not answer like Ortto. Check the endpoint in Destinations.',
} as const;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** `{"error":{"try-in-seconds":10}}` as milliseconds; undefined when the body does not say. */
export function readTryInMs(bodyText: string): number | undefined {
  const seconds = field(field(parseJson(bodyText), 'error'), 'try-in-seconds');
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : undefined;
}

/** Ortto's explanation: a 400's `error` string (with its first detail), or `{error: {message}}`. */
export function readOrttoMessage(bodyText: string): string | undefined {
  const body = parseJson(bodyText);
  const error = field(body, 'error');
  if (typeof error === 'string' && error.trim()) {
    const details = field(body, 'details');
    const first = Array.isArray(details) ? field(details[0], 'error') : undefined;
    return typeof first === 'string' && first.trim() && !error.includes(first)
      ? `${error.trim()} (${first.trim()})`
      : error.trim();
  }
  const message = field(error, 'message');
  return typeof message === 'string' && message.trim() ? message.trim() : undefined;
}

interface OrttoResponseFacts {
  readonly status: number;
  readonly bodyText: string;
  /** Removes secrets (the API key) from text the server sent, before it reaches a message. */
  readonly redact: (text: string) => string;
}

export function errorFromOrttoResponse(facts: OrttoResponseFacts): DestinationError {
  const { status } = facts;
  // A redirect is never followed (issue 12, item 6): it would carry the key elsewhere.
  if (status === 0 || (status >= 300 && status < 400)) {
    return new DestinationError('transient', orttoMessages.redirected(status), { status });
  }
  const raw = readOrttoMessage(facts.bodyText);
  const serverMessage = raw === undefined ? undefined : facts.redact(raw);
  const details = { status, serverMessage };
  if (status === 401 || status === 403) {
    return new DestinationError('rejected-key', orttoMessages.rejectedKey, details);
  }
  if (status === 429) {
    const retryAfterMs = readTryInMs(facts.bodyText);
    return new DestinationError('rate-limited', orttoMessages.rateLimited, {
      ...details,
      retryAfterMs,
    });
  }
  if (status >= 500 || status === 408) {
    return new DestinationError('transient', orttoMessages.serverProblem(status), details);
  }
  // Every Ortto path used here exists, so a 404 means the endpoint is not Ortto's.
  if (status === 404)
    return new DestinationError('invalid-request', orttoMessages.notFound, details);
  return new DestinationError(
    'invalid-request',
    orttoMessages.invalidRequest(serverMessage),
    details,
  );
}

/** A request that never got an answer; `timedOut` when our own timeout fired. */
export function errorFromOrttoFailure(
  error: unknown,
  options: { timedOut: boolean },
): DestinationError {
  if (options.timedOut) {
    return new DestinationError('transient', orttoMessages.timedOut, { cause: error });
  }
  const kind = networkFailureKind(error);
  if (kind === 'offline') {
    return new DestinationError('offline', orttoMessages.offline, { cause: error });
  }
  const message = kind === 'interrupted' ? orttoMessages.interrupted : orttoMessages.unknownFailure;
  return new DestinationError('transient', message, { cause: error });
}

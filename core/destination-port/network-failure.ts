/**
 * What kind of network failure a fetch rejection is, read from the error codes Node and undici
 * nest in it: no route at all (offline: wait for the network) or a connection that broke
 * (interrupted: retry with backoff). Shared by every destination's HTTP layer.
 */

/** Network error codes that mean "no route to the service at all": wait for the network. */
const offlineCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);

/** Codes for a connection that was made and then broke: retry with backoff. */
const interruptedCodes = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function collectCodes(error: unknown): { codes: Set<string>; messages: string[] } {
  const codes = new Set<string>();
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    const record = value as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof record.code === 'string') codes.add(record.code);
    if (typeof record.message === 'string') messages.push(record.message.toLowerCase());
    visit(record.cause, depth + 1);
    if (Array.isArray(record.errors)) record.errors.forEach((inner) => visit(inner, depth + 1));
  };
  visit(error, 0);
  return { codes, messages };
}

type NetworkFailureKind = 'offline' | 'interrupted' | 'unknown';

export function networkFailureKind(error: unknown): NetworkFailureKind {
  const { codes, messages } = collectCodes(error);
  if ([...codes].some((code) => offlineCodes.has(code))) return 'offline';
  const interrupted =
    [...codes].some((code) => interruptedCodes.has(code)) ||
    messages.some(
      (message) => message.includes('socket hang up') || message.includes('other side closed'),
    );
  return interrupted ? 'interrupted' : 'unknown';
}

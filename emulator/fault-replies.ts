/**
 * The answers of the faults that stand in for the server (options.ts): an error status, a 200 that
 * says nothing, a page that is not JSON, a redirect elsewhere. None of them touches state.
 */
import type { FaultKind, SharedEmulatorOptions } from './options';
import { errorReply, type Reply } from './router';

const redirectFaults: ReadonlySet<FaultKind> = new Set(['301', '302', '307', '308']);

/** What a captive portal or a misconfigured proxy answers in place of the API. */
const notJsonPage =
  '<!doctype html><html><head><title>Welcome</title></head><body><p>Please sign in to continue.</p></body></html>';

function encodedPath(segments: readonly string[] | undefined): string {
  return (segments ?? []).map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

/** The reply for a fault that answers before the request is looked at, or undefined. */
export function faultReply(
  fault: FaultKind | undefined,
  segments: readonly string[] | undefined,
  options: Pick<SharedEmulatorOptions, 'redirectTo'>,
): Reply | undefined {
  if (fault === '503') {
    return errorReply(503, 'The service is temporarily unavailable. Please try again.');
  }
  if (fault === '500') return errorReply(500, 'Something went wrong on our side.');
  if (fault === 'empty') return { status: 200, rawBody: '' };
  if (fault === 'not-json') {
    return {
      status: 200,
      rawBody: notJsonPage,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  }
  if (fault && redirectFaults.has(fault)) {
    const target = `${options.redirectTo.replace(/\/+$/, '')}${encodedPath(segments)}`;
    return { status: Number(fault), rawBody: '', headers: { location: target } };
  }
  return undefined;
}

/**
 * A 'short' bulk upsert: only the first half of the body's `contacts` (Autopilot) or `people`
 * (Ortto), rounded down, reaches the handler, so only they are stored and answered.
 */
export function shortenedBody(
  fault: FaultKind | undefined,
  body: unknown,
  listKey: 'contacts' | 'people',
): unknown {
  if (fault !== 'short' || typeof body !== 'object' || body === null) return body;
  const entries = (body as Record<string, unknown>)[listKey];
  if (!Array.isArray(entries)) return body;
  return { ...body, [listKey]: entries.slice(0, Math.floor(entries.length / 2)) };
}

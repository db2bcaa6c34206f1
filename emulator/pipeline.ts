/**
 * Decides the answer to one request that got past the fault gate, in the order a real service
 * would: an injected fault that stands in for the server, the key, the throttles, the body, then
 * the endpoint itself (a 'short' fault trims the upsert it reaches).
 */
import { faultReply, shortenedBody } from './fault-replies';
import type { LimitVerdict, Limits } from './limits';
import type { EmulatorOptions } from './options';
import type { IncomingCall, LiveParts, ServiceRules } from './request-handler';
import { errorReply, matchRoute, type Reply, type Route } from './router';
import { contactRoutes } from './routes-contacts';
import { listRoutes } from './routes-lists';
import type { EmulatorState } from './state';

const routes: readonly Route[] = [...contactRoutes, ...listRoutes];

interface PipelineParts {
  readonly options: EmulatorOptions;
  readonly state: EmulatorState;
  readonly limits: Limits;
}

function retryAfterHeaders(
  options: EmulatorOptions,
  retryAfterMs: number,
  now: number,
): Record<string, string> {
  if (options.retryAfter === 'none') return {};
  if (options.retryAfter === 'date') {
    // HTTP dates have whole seconds: round up so the date is never earlier than the real wait.
    return { 'retry-after': new Date(Math.ceil((now + retryAfterMs) / 1000) * 1000).toUTCString() };
  }
  return { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
}

function throttled(
  options: EmulatorOptions,
  verdict: LimitVerdict & { reason?: string },
  now: number,
): Reply | undefined {
  if (verdict.allowed) return undefined;
  const message =
    verdict.reason === 'quota'
      ? 'The daily request quota is used up.'
      : 'Rate limit exceeded: too many requests per second.';
  return {
    ...errorReply(429, message),
    headers: retryAfterHeaders(options, verdict.retryAfterMs, now),
  };
}

function answer(call: IncomingCall, parts: PipelineParts): Reply {
  const { options, state, limits } = parts;
  const faulty = faultReply(call.fault, call.segments, options);
  if (faulty) return faulty;
  if (call.apiKey === undefined || !options.apiKeys.includes(call.apiKey)) {
    return errorReply(options.authFailureStatus, 'Invalid or missing API key.');
  }
  const now = options.now();
  const limited = throttled(options, limits.take(now), now);
  if (limited) return limited;
  if (call.bodyInvalid) return errorReply(400, 'The request body is not valid JSON.');
  const matched = call.segments && matchRoute(routes, call.method, call.segments);
  if (!matched) return errorReply(404, 'There is no such endpoint.');
  // A short upsert with one contact stores none: the handler would refuse an empty list as a 400.
  const body = shortenedBody(call.fault, call.body, 'contacts');
  if (body !== call.body && (body as { contacts: unknown[] }).contacts.length === 0) {
    return { status: 200, body: { contact_ids: [] } };
  }
  return matched.route.handle({ params: matched.params, body, state, options });
}

/** Contacts in an upsert body, for the request log. */
function countContacts(
  method: string,
  segments: readonly string[] | undefined,
  body: unknown,
): number {
  if (method !== 'POST' || !segments || segments.length !== 1) return 0;
  if (segments[0] === 'contact') return 1;
  if (segments[0] !== 'contacts' || typeof body !== 'object' || body === null) return 0;
  const contacts = (body as { contacts?: unknown }).contacts;
  return Array.isArray(contacts) ? contacts.length : 0;
}

/** Contacts an answered upsert stored: one per id it returns (a 'short' fault returns fewer). */
function storedCount(method: string, path: string, reply: Reply): number {
  // Only an upsert stores contacts; a read (`GET /contact/{email}`) also answers a contact_id.
  if (method !== 'POST' || (path !== '/contact' && path !== '/contacts')) return 0;
  if (reply.status >= 300 || typeof reply.body !== 'object' || reply.body === null) return 0;
  const body = reply.body as { contact_ids?: unknown; contact_id?: unknown };
  if (Array.isArray(body.contact_ids)) return body.contact_ids.length;
  return typeof body.contact_id === 'string' ? 1 : 0;
}

/** The Autopilot mode's rules, reading the live options and throttles at each request. */
export function autopilotRules(
  parts: LiveParts<EmulatorOptions>,
  state: EmulatorState,
): ServiceRules {
  return {
    keyHeader: 'autopilotapikey',
    countContacts,
    storedCount,
    answer: (call) => answer(call, { options: parts.options, limits: parts.limits, state }),
  };
}

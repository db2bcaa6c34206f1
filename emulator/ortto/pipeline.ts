/**
 * Decides the answer to one Ortto request that got past the fault gate: a fault that stands in for
 * the server, the ban, the key, the throttle, the body's size and JSON, then the endpoint. Every
 * 4xx but 429 counts towards the ban (ban.ts), a refused key included.
 */
import { faultReply, shortenedBody } from '../fault-replies';
import type { IncomingCall, LiveParts, ServiceRules } from '../request-handler';
import type { Reply } from '../router';
import type { BadRequestWatch } from './ban';
import type { OrttoEmulatorOptions } from './options';
import { bannedReply, orttoError, rateLimitReply, rejectedKeyReply } from './replies';
import { orttoRoutes } from './routes';
import type { OrttoState } from './state';

function served(call: IncomingCall, parts: LiveParts<OrttoEmulatorOptions>, state: OrttoState) {
  const { options, limits } = parts;
  if (call.apiKey === undefined || !options.apiKeys.includes(call.apiKey)) {
    return rejectedKeyReply();
  }
  const verdict = limits.take(options.now());
  if (!verdict.allowed) return rateLimitReply(verdict.retryAfterMs);
  if (call.bodyBytes > options.maxBodyBytes) {
    // Ortto's answer to an oversized body is not documented: a 400 that says so.
    return orttoError(
      400,
      'request-too-large',
      `The request is over ${options.maxBodyBytes} bytes.`,
    );
  }
  if (call.bodyInvalid) {
    return orttoError(400, 'bad-request', 'The request body is not valid JSON.');
  }
  const route = call.method === 'POST' ? orttoRoutes[call.segments?.join('/') ?? ''] : undefined;
  if (!route) return orttoError(404, 'not-found', 'There is no such endpoint.');
  const body = shortenedBody(call.fault, call.body, 'people');
  // A short merge of one person stores none: the route would refuse an empty list as a 400.
  if (body !== call.body && (body as { people: unknown[] }).people.length === 0) {
    return { status: 200, body: { people: [] } };
  }
  return route({ body, state, options });
}

function answer(
  call: IncomingCall,
  parts: LiveParts<OrttoEmulatorOptions>,
  state: OrttoState,
  watch: BadRequestWatch,
): Reply {
  const faulty = faultReply(call.fault, call.segments, parts.options);
  if (faulty) return faulty;
  const now = parts.options.now();
  const banLeft = watch.banLeftMs(now);
  if (banLeft > 0) return bannedReply(banLeft);
  const reply = served(call, parts, state);
  if (reply.status >= 400 && reply.status < 500 && reply.status !== 429) {
    watch.record(now, parts.options);
  }
  return reply;
}

const isMerge = (method: string, path: string) => method === 'POST' && path === '/person/merge';

function countContacts(method: string, segments: readonly string[] | undefined, body: unknown) {
  const people = (body as { people?: unknown } | undefined)?.people;
  const path = `/${(segments ?? []).join('/')}`;
  return isMerge(method, path) && Array.isArray(people) ? people.length : 0;
}

/** People an answered merge created or changed (a strategy-3 `merged` changes nobody). */
function storedCount(method: string, path: string, reply: Reply): number {
  return isMerge(method, path) && reply.status === 200 ? (reply.stored ?? 0) : 0;
}

export function orttoRules(
  parts: LiveParts<OrttoEmulatorOptions>,
  state: OrttoState,
  watch: BadRequestWatch,
): ServiceRules {
  return {
    keyHeader: 'x-api-key',
    countContacts,
    storedCount,
    answer: (call) => answer(call, parts, state, watch),
  };
}

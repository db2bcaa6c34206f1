/**
 * One HTTP request through the emulator: record it, apply a scheduled or random fault, decide the
 * answer (pipeline.ts), then answer, hang or wait first as the fault and latency say.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Delays } from './delays';
import type { FaultPlanner } from './faults';
import { apiSegments, parseJson, readBody, sendReply } from './http-io';
import type { Limits } from './limits';
import type { EmulatorOptions } from './options';
import { answer, countContacts } from './pipeline';
import type { RecordedRequest, RequestRecorder } from './recorder';
import { errorReply, type Reply } from './router';
import type { EmulatorState } from './state';

/** The parts configure() may replace while the emulator runs. */
export interface LiveParts {
  options: EmulatorOptions;
  limits: Limits;
  readonly planner: FaultPlanner;
}

export interface HandlerContext {
  readonly parts: LiveParts;
  readonly state: EmulatorState;
  readonly recorder: RequestRecorder;
  readonly delays: Delays;
}

async function decide(
  request: IncomingMessage,
  entry: RecordedRequest,
  segments: string[] | undefined,
  context: HandlerContext,
): Promise<Reply> {
  const { text, tooLarge } = await readBody(request);
  if (tooLarge) {
    return {
      ...errorReply(413, 'The request body is too large.'),
      headers: { connection: 'close' },
    };
  }
  const { body, invalid } = parseJson(text);
  entry.contactCount = countContacts(entry.method, segments, body);
  const header = request.headers.autopilotapikey;
  const call = {
    method: entry.method,
    segments,
    apiKey: typeof header === 'string' ? header : undefined,
    body,
    bodyInvalid: invalid,
    fault: entry.fault,
  };
  const { options, limits } = context.parts;
  return answer(call, { options, limits, state: context.state });
}

/** Contacts an answered upsert stored: one per id it returns (a 'short' fault returns fewer). */
function storedCount(reply: Reply): number {
  if (reply.status >= 300 || typeof reply.body !== 'object' || reply.body === null) return 0;
  const body = reply.body as { contact_ids?: unknown; contact_id?: unknown };
  if (Array.isArray(body.contact_ids)) return body.contact_ids.length;
  return typeof body.contact_id === 'string' ? 1 : 0;
}

export function createRequestHandler(context: HandlerContext) {
  const { parts, recorder } = context;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const segments = apiSegments(request.url);
    const path = segments ? `/${segments.join('/')}` : (request.url ?? '');
    const entry = recorder.start(request.method ?? 'GET', path, parts.options.now());
    entry.fault = parts.planner.pick(entry.number, `${entry.method} ${path}`);
    if (entry.fault === 'reset') {
      entry.outcome = 'reset';
      recorder.finish(entry);
      request.socket.destroy();
      return;
    }
    const reply = await decide(request, entry, segments, context);
    if (entry.fault === 'hang') {
      // Applied but never answered; the socket stays open until the client gives up or close().
      entry.outcome = 'hang';
      recorder.finish(entry);
      return;
    }
    const { latencyMs, slowMs } = parts.options;
    await context.delays.wait(latencyMs + (entry.fault === 'slow' ? slowMs : 0));
    // Recorded before the answer leaves, so a caller that got it also sees it in the log.
    entry.status = reply.status;
    // Only an upsert stores contacts; a read (`GET /contact/{email}`) also answers a contact_id.
    const upsert = entry.method === 'POST' && (path === '/contact' || path === '/contacts');
    entry.contactsStored = upsert ? storedCount(reply) : 0;
    recorder.finish(entry);
    sendReply(response, reply);
  };
}

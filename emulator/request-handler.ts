/**
 * One HTTP request through the emulator, whichever service it plays: record it, apply a scheduled
 * or random fault, let the service's rules decide the answer, then answer, hang or wait first as
 * the fault and latency say.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Delays } from './delays';
import type { FaultPlanner } from './faults';
import { apiSegments, parseJson, readBody, sendReply } from './http-io';
import type { Limits } from './limits';
import type { FaultKind, SharedEmulatorOptions } from './options';
import type { RecordedRequest, RequestRecorder } from './recorder';
import { errorReply, type Reply } from './router';

/** The parts configure() may replace while the emulator runs. */
export interface LiveParts<Options extends SharedEmulatorOptions> {
  options: Options;
  limits: Limits;
  readonly planner: FaultPlanner;
}

export interface IncomingCall {
  readonly method: string;
  /** Decoded path segments below `/v1`, or undefined when the path is not under `/v1`. */
  readonly segments: readonly string[] | undefined;
  readonly apiKey: string | undefined;
  /** Parsed JSON body; `invalid` when it did not parse. */
  readonly body: unknown;
  readonly bodyInvalid: boolean;
  /** Size of the raw body in bytes (Ortto refuses more than 2 MB). */
  readonly bodyBytes: number;
  readonly fault: FaultKind | undefined;
}

/** What makes the emulator one service or the other. */
export interface ServiceRules {
  /** The header that carries the key, lower-case (`autopilotapikey`, `x-api-key`). */
  readonly keyHeader: string;
  /** Contacts or people in a write body, for the request log. */
  countContacts(method: string, segments: readonly string[] | undefined, body: unknown): number;
  /** Contacts an answered request stored, for `counters.contactsAccepted`. */
  storedCount(method: string, path: string, reply: Reply): number;
  answer(call: IncomingCall): Reply;
}

export interface HandlerContext<Options extends SharedEmulatorOptions> {
  readonly parts: LiveParts<Options>;
  readonly rules: ServiceRules;
  readonly recorder: RequestRecorder;
  readonly delays: Delays;
}

async function decide(
  request: IncomingMessage,
  entry: RecordedRequest,
  segments: string[] | undefined,
  rules: ServiceRules,
): Promise<Reply> {
  const { text, tooLarge } = await readBody(request);
  if (tooLarge) {
    return {
      ...errorReply(413, 'The request body is too large.'),
      headers: { connection: 'close' },
    };
  }
  const { body, invalid } = parseJson(text);
  entry.contactCount = rules.countContacts(entry.method, segments, body);
  const header = request.headers[rules.keyHeader];
  return rules.answer({
    method: entry.method,
    segments,
    apiKey: typeof header === 'string' ? header : undefined,
    body,
    bodyInvalid: invalid,
    bodyBytes: Buffer.byteLength(text),
    fault: entry.fault,
  });
}

export function createRequestHandler<Options extends SharedEmulatorOptions>(
  context: HandlerContext<Options>,
) {
  const { parts, recorder, rules } = context;
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
    const reply = await decide(request, entry, segments, rules);
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
    entry.contactsStored = rules.storedCount(entry.method, path, reply);
    recorder.finish(entry);
    sendReply(response, reply);
  };
}

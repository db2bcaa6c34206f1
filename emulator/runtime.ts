/**
 * The running part both emulator modes share: the HTTP server on 127.0.0.1, the request log, the
 * throttles and the fault planner, and changing settings while it runs. Each mode (server.ts for
 * Autopilot, ortto/server.ts) adds its state and its rules (request-handler.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Delays } from './delays';
import { FaultPlanner } from './faults';
import { sendReply } from './http-io';
import { Limits } from './limits';
import { mergeOptions, type SharedEmulatorOptions } from './options';
import { RequestRecorder, type RecordedRequest, type RequestCounters } from './recorder';
import {
  createRequestHandler,
  type HandlerContext,
  type LiveParts,
  type ServiceRules,
} from './request-handler';
import { errorReply } from './router';

/** What every running emulator offers, whichever service it plays. */
export interface RunningEmulatorBase<Options extends SharedEmulatorOptions> {
  /** Base URL ending in `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
  readonly url: string;
  readonly port: number;
  /** The first accepted key, for convenience. */
  readonly apiKey: string;
  readonly options: Options;
  readonly requests: readonly RecordedRequest[];
  readonly counters: RequestCounters;
  /** Changes settings while running; a new rate, burst, quota or clock restarts the throttles. */
  configure(changes: Partial<Options>): void;
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /** Resolves once `count` requests since start have been answered, reset or left hanging. */
  waitForRequests(count: number): Promise<void>;
  clearRecords(): void;
  close(): Promise<void>;
}

export function createParts<Options extends SharedEmulatorOptions>(
  options: Options,
): LiveParts<Options> {
  return {
    options,
    limits: new Limits(options, options.now()),
    planner: new FaultPlanner(options, options.seed),
  };
}

function reconfigure<Options extends SharedEmulatorOptions>(
  parts: LiveParts<Options>,
  changes: Partial<Options>,
): void {
  parts.options = mergeOptions(parts.options, changes);
  const throttles = ['rate', 'burst', 'dailyQuota', 'now'];
  if (throttles.some((key) => key in changes)) {
    parts.limits = new Limits(parts.options, parts.options.now());
  }
  parts.planner.update(parts.options, changes.seed);
}

async function listen<Options extends SharedEmulatorOptions>(
  context: HandlerContext<Options>,
): Promise<Server> {
  const handle = createRequestHandler(context);
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendReply(response, errorReply(500, 'The emulator failed.'));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(context.parts.options.port, '127.0.0.1', () => resolve());
  });
  return server;
}

/** Listens on 127.0.0.1; the mode adds its state and helpers to the object returned. */
export async function startRuntime<Options extends SharedEmulatorOptions>(
  parts: LiveParts<Options>,
  rules: ServiceRules,
): Promise<RunningEmulatorBase<Options>> {
  const recorder = new RequestRecorder();
  const delays = new Delays();
  const server = await listen({ parts, rules, recorder, delays });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    get apiKey() {
      return parts.options.apiKeys[0] ?? '';
    },
    get options() {
      return parts.options;
    },
    requests: recorder.requests,
    counters: recorder.counters,
    configure: (changes) => reconfigure(parts, changes),
    onRequest: (listener) => recorder.onRequest(listener),
    waitForRequests: (count) => recorder.waitForRequests(count),
    clearRecords: () => recorder.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

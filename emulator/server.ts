/**
 * A local Autopilot REST API v1 for tests, benchmarks and people (`npm run emulator`). It speaks the
 * endpoints and JSON of ../shared/docs/autopilot-api.md on 127.0.0.1, throttles and fails on demand
 * (options.ts), and records every request so callers can assert on what arrived.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Delays } from './delays';
import { FaultPlanner } from './faults';
import { sendReply } from './http-io';
import { Limits } from './limits';
import { defaultEmulatorOptions, mergeOptions, type EmulatorOptions } from './options';
import { RequestRecorder, type RecordedRequest, type RequestCounters } from './recorder';
import { createRequestHandler, type HandlerContext, type LiveParts } from './request-handler';
import { errorReply } from './router';
import { EmulatorState, type StoredList } from './state';

export { emulatorTestKey, faultKinds } from './options';
export type { EmulatorOptions, FaultKind } from './options';
export type { RecordedRequest, RequestCounters } from './recorder';
export type { StoredContact, StoredList } from './state';

export interface RunningEmulator {
  /** Base URL ending in `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
  readonly url: string;
  readonly port: number;
  /** The first accepted key, for convenience. */
  readonly apiKey: string;
  readonly options: EmulatorOptions;
  readonly state: EmulatorState;
  readonly requests: readonly RecordedRequest[];
  readonly counters: RequestCounters;
  /** Changes settings while running; a new rate, burst, quota or clock restarts the throttles. */
  configure(options: Partial<EmulatorOptions>): void;
  onRequest(listener: (request: RecordedRequest) => void): () => void;
  /** Resolves once `count` requests since start have been answered, reset or left hanging. */
  waitForRequests(count: number): Promise<void>;
  /** The first list with this title (case-insensitive). */
  findList(name: string): StoredList | undefined;
  /** Contacts on the named list, in the read shape GET /contact returns. */
  contactsInList(name: string): Record<string, unknown>[];
  /** One contact in the read shape, by email or id. */
  contact(emailOrId: string): Record<string, unknown> | undefined;
  clearRecords(): void;
  close(): Promise<void>;
}

function createParts(options: EmulatorOptions): LiveParts {
  return {
    options,
    limits: new Limits(options, options.now()),
    planner: new FaultPlanner(options, options.seed),
  };
}

function reconfigure(parts: LiveParts, changes: Partial<EmulatorOptions>): void {
  parts.options = mergeOptions(parts.options, changes);
  const throttles: (keyof EmulatorOptions)[] = ['rate', 'burst', 'dailyQuota', 'now'];
  if (throttles.some((key) => key in changes)) {
    parts.limits = new Limits(parts.options, parts.options.now());
  }
  parts.planner.update(parts.options, changes.seed);
}

async function listen(context: HandlerContext): Promise<Server> {
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

function inspection(state: EmulatorState) {
  const findList = (name: string) => {
    const wanted = name.trim().toLowerCase();
    return [...state.lists.values()].find((list) => list.title.trim().toLowerCase() === wanted);
  };
  return {
    findList,
    contactsInList(name: string) {
      const list = findList(name);
      const members = list ? [...(state.memberships.get(list.list_id) ?? [])] : [];
      return members.flatMap((id) => {
        const contact = state.findContact(id);
        return contact ? [state.toRecord(contact)] : [];
      });
    },
    contact(emailOrId: string) {
      const contact = state.findContact(emailOrId);
      return contact ? state.toRecord(contact) : undefined;
    },
  };
}

export async function startEmulator(
  options: Partial<EmulatorOptions> = {},
): Promise<RunningEmulator> {
  const parts = createParts(mergeOptions(defaultEmulatorOptions, options));
  const state = new EmulatorState(() => parts.options.now());
  parts.options.customFields.forEach((field) => state.addCustomField(field));
  const recorder = new RequestRecorder();
  const delays = new Delays();
  const server = await listen({ parts, state, recorder, delays });
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
    state,
    requests: recorder.requests,
    counters: recorder.counters,
    configure: (changes) => reconfigure(parts, changes),
    onRequest: (listener) => recorder.onRequest(listener),
    waitForRequests: (count) => recorder.waitForRequests(count),
    ...inspection(state),
    clearRecords: () => recorder.clear(),
    close: () =>
      new Promise<void>((resolve) => {
        delays.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

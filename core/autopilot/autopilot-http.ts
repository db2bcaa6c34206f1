/**
 * One authenticated JSON request to Autopilot with a timeout, turned into a parsed body or a
 * DestinationError. The key travels only in the `autopilotapikey` header (autopilot-api.md §1) and
 * is scrubbed from anything the server echoes back, so it cannot reach a message or a log. Every
 * request of the client goes through here, so none of them follows a redirect.
 */
import { errorFromFailure, errorFromResponse } from './autopilot-errors';
import { unreadableAnswer } from './autopilot-wire';

interface AutopilotHttpOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly now: () => number;
}

interface AutopilotRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path below the base URL, already encoded, starting with `/`. */
  readonly path: string;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

/** Joins path segments, encoding each (emails appear in paths: `/contact/{email}`). */
export function apiPath(...segments: string[]): string {
  return segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw unreadableAnswer();
  }
}

export class AutopilotHttp {
  readonly #options: AutopilotHttpOptions;
  readonly #baseUrl: string;

  constructor(options: AutopilotHttpOptions) {
    this.#options = options;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Resolves with the parsed JSON body (undefined when empty); rejects with DestinationError. */
  async send(request: AutopilotRequest): Promise<unknown> {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      accept: 'application/json',
      autopilotapikey: this.#options.apiKey,
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let status: number;
    let retryAfter: string | null;
    let text: string;
    try {
      const response = await this.#options.fetch(`${this.#baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        // Never follow a redirect: the key and the contacts stay with the endpoint the person chose
        // (issue 12, item 6). The 3xx comes back as a response and becomes a fault below.
        redirect: 'manual',
        signal,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      // Reading the body is still under the timeout: a server can stall halfway through it.
      text = await response.text();
    } catch (error) {
      // The caller cancelled (pause, quit): not Autopilot's fault, so pass the abort through as is.
      if (request.signal?.aborted) throw request.signal.reason ?? error;
      throw errorFromFailure(error, { timedOut: timeout.aborted });
    }
    if (status < 200 || status >= 300) {
      throw errorFromResponse({
        status,
        retryAfter,
        bodyText: text,
        nowMs: this.#options.now(),
        redact: (value) => this.redact(value),
      });
    }
    return parseBody(text);
  }

  redact(text: string): string {
    const key = this.#options.apiKey;
    return key.length > 0 ? text.split(key).join('[redacted]') : text;
  }
}

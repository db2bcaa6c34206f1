/**
 * One authenticated Ortto call: `POST <endpoint>/<path>` with the key in `X-Api-Key` and a JSON
 * body (every Ortto call, reads included, is a POST: ortto-api.md, Transport), with a timeout,
 * turned into a parsed body or a DestinationError. The key is scrubbed from anything the server
 * echoes back, and no redirect is ever followed.
 */
import { DestinationError } from '../destination-port/destination';
import { BadRequestGuard } from './bad-request-guard';
import { errorFromOrttoFailure, errorFromOrttoResponse, orttoMessages } from './ortto-errors';

interface OrttoHttpOptions {
  /** Base URL ending in `/v1`. */
  readonly endpoint: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** The clock of the bad-request guard. */
  readonly now?: () => number;
}

/** A 400 that answers for each person (`details`), which the merge reads as per-person refusals. */
function isPersonRefusal(status: number, text: string): boolean {
  if (status !== 400) return false;
  try {
    return Array.isArray((JSON.parse(text) as { details?: unknown } | null)?.details);
  } catch {
    return false;
  }
}

const defaultOrttoTimeoutMs = 30_000;

export class OrttoHttp {
  readonly #options: OrttoHttpOptions;
  readonly #endpoint: string;
  readonly #guard: BadRequestGuard;

  constructor(options: OrttoHttpOptions) {
    this.#options = options;
    this.#endpoint = options.endpoint.replace(/\/+$/, '');
    this.#guard = new BadRequestGuard(options.now ?? Date.now);
  }

  /**
   * `path` below the endpoint, without a leading slash (`person/merge`). With `personRefusals`, a
   * 400 that lists each person's status is returned as the answer instead of thrown.
   */
  async post(
    path: string,
    body: unknown,
    signal?: AbortSignal,
    personRefusals = false,
  ): Promise<unknown> {
    this.#guard.begin();
    let bad = false;
    try {
      const answer = await this.#send(path, body, signal);
      bad = answer.status >= 400 && answer.status < 500 && answer.status !== 429;
      return this.#read(answer, personRefusals);
    } finally {
      this.#guard.end(bad);
    }
  }

  async #send(path: string, body: unknown, signal: AbortSignal | undefined) {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs ?? defaultOrttoTimeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let status: number;
    let text: string;
    try {
      const response = await (this.#options.fetch ?? fetch)(`${this.#endpoint}/${path}`, {
        method: 'POST',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-api-key': this.#options.apiKey,
        },
        body: JSON.stringify(body),
        redirect: 'manual',
        signal: combined,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      throw errorFromOrttoFailure(error, { timedOut: timeout.aborted });
    }
    return { status, text };
  }

  #read({ status, text }: { status: number; text: string }, personRefusals: boolean): unknown {
    if (personRefusals && isPersonRefusal(status, text)) return JSON.parse(text) as unknown;
    if (status < 200 || status >= 300) {
      throw errorFromOrttoResponse({
        status,
        bodyText: text,
        redact: (value) => this.#redact(value),
      });
    }
    try {
      return text.trim() === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      throw new DestinationError('transient', orttoMessages.unreadable, { status });
    }
  }

  #redact(text: string): string {
    const key = this.#options.apiKey;
    return key.length > 0 ? text.split(key).join('[redacted]') : text;
  }
}

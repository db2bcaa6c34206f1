/**
 * Ortto's answers when something is wrong (ortto-api.md): a 400 with `{request_id, code, error,
 * details}`, 429 bodies for the throttle and the ban with no rate-limit headers, and the key's
 * refusal.
 */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../router';

export interface PersonProblem {
  readonly status: 'invalid' | 'suppressed';
  readonly error: string;
}

export function orttoError(
  status: number,
  code: string,
  error: string,
  details?: readonly PersonProblem[],
): Reply {
  const body = { request_id: randomUUID(), code, error, ...(details ? { details } : {}) };
  return { status, body };
}

const wholeSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Over the rate: 429 and when to come back, in the body only (Ortto sends no headers). */
export function rateLimitReply(retryAfterMs: number): Reply {
  return {
    status: 429,
    body: {
      error: {
        code: 'rate-limit',
        message: 'rate limit',
        'try-in-seconds': wholeSeconds(retryAfterMs),
      },
    },
  };
}

export function bannedReply(banLeftMs: number): Reply {
  return {
    status: 429,
    body: {
      error: {
        code: 'banned',
        message: 'too many bad requests',
        'try-in-seconds': wholeSeconds(banLeftMs),
      },
    },
  };
}

/** Ortto's wording for a refused key is not documented; the shape follows its other errors. */
export function rejectedKeyReply(): Reply {
  return {
    status: 401,
    body: { error: 'The API key is missing or not valid.', code: 'invalid-api-key' },
  };
}

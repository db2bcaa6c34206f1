/**
 * Exponential backoff with jitter ("full jitter" kept above half the step so waits never collapse
 * to nothing): attempt 1 waits about `baseMs`, each further attempt doubles, capped at `maxMs`.
 * Jitter spreads retries of pipelined batches so they do not hit the server in lockstep.
 */
interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const transientBackoff: BackoffPolicy = { baseMs: 300, maxMs: 30_000 };
export const rateLimitBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 60_000 };

export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

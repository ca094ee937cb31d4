export interface BackoffPolicy {
  /** The first retry waits about this long; each next one doubles it. */
  baseMs: number;
  /** No wait grows beyond this. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 100, maxMs: 2000 };

/**
 * "Equal jitter": half the exponential step fixed, half random, so retries from many
 * callers spread out yet never come back immediately. `floorMs` raises the wait when the
 * IM Service said how long to wait (a 1008 answer).
 *
 * Whole milliseconds: the result is added to `Date.now()` and stored in integer (PostgreSQL
 * `bigint`) columns, which refuse a fraction.
 */
export function backoffDelayMs(policy: BackoffPolicy, retry: number, floorMs = 0, random = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  return Math.ceil(Math.max(floorMs, step / 2 + random() * (step / 2)));
}

/**
 * A strict rolling-window counter: a call is admitted only if the cost admitted during the
 * last `spanMs` milliseconds plus its own cost stays within the limit. This is the strictest
 * reading of "N per second", the one the gateway must survive.
 *
 * Admitted calls live in a ring of (time, cost) pairs. Every admitted call costs at least 1,
 * so at most `limit` of them can be inside one window: the ring never needs to grow, and
 * expiring old entries only moves the head (amortised O(1) per call).
 */
export class RollingWindow {
  private readonly times: Float64Array;
  private readonly costs: Float64Array;
  private head = 0;
  private count = 0;
  private usedCost = 0;

  constructor(
    readonly limit: number,
    readonly spanMs = 1000,
  ) {
    if (!Number.isInteger(limit) || limit < 0) {
      throw new RangeError(`rate limit must be a non-negative integer, got ${limit}`);
    }
    const capacity = Math.max(1, limit);
    this.times = new Float64Array(capacity);
    this.costs = new Float64Array(capacity);
  }

  /** Cost admitted in the window ending at `now`. */
  used(now: number): number {
    this.expire(now);
    return this.usedCost;
  }

  /** Whether a call of this cost would be admitted at `now`. Does not record it. */
  fits(cost: number, now: number): boolean {
    return this.used(now) + cost <= this.limit;
  }

  /**
   * Records an admitted call. Call it right after `fits` returned true for the same
   * `cost` and `now`: that is what guarantees the ring has room.
   */
  record(cost: number, now: number): void {
    this.expire(now);
    if (this.count === this.times.length) {
      throw new Error('RollingWindow.record called for a call that does not fit');
    }
    const slot = (this.head + this.count) % this.times.length;
    this.times[slot] = now;
    this.costs[slot] = cost;
    this.count += 1;
    this.usedCost += cost;
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
    this.usedCost = 0;
  }

  private expire(now: number): void {
    const oldestKept = now - this.spanMs; // an entry at exactly now - span has left the window
    while (this.count > 0 && (this.times[this.head] as number) <= oldestKept) {
      this.usedCost -= this.costs[this.head] as number;
      this.head = (this.head + 1) % this.times.length;
      this.count -= 1;
    }
  }
}

import Bottleneck from 'bottleneck';
import { ImRateLimitedError } from './errors.js';

/** One IM rate class: a budget of calls per rolling window, shared by every path in the class. */
export interface RateClass {
  name: string;
  /** Calls allowed to start in any rolling window. */
  limit: number;
  /** The window length; the IM Service counts per second. */
  windowMs: number;
}

export const GROUP_CALLS: RateClass = { name: 'group', limit: 100, windowMs: 1000 };
export const MESSAGE_PUBLISH: RateClass = { name: 'publish', limit: 20, windowMs: 1000 };

export interface ScheduleOptions {
  /** The IM path, for the error a shed call answers. */
  path: string;
  /** Budget units the call costs (a message to 3 groups costs 3). Default 1. */
  weight?: number;
  /** Epoch ms by which the call must have started; a call that cannot make it is shed at once. */
  deadlineAt?: number;
}

export interface LimiterStats {
  /** Budget units waiting for a slot. */
  queued: number;
  /** Budget units started and not yet given back (in flight or inside their window). */
  inUse: number;
}

/**
 * The port every IM call goes through. A Redis-shared implementation can replace the
 * local one without callers noticing: they only schedule work and ask for projections.
 */
export interface CallLimiter {
  readonly rateClass: RateClass;
  /** Runs `send` when the budget allows; refuses with a shed `ImRateLimitedError` when the deadline cannot be met. */
  schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T>;
  /** How long a call of `weight` scheduled now would wait before it starts. */
  projectedWaitMs(weight?: number): number;
  stats(): LimiterStats;
  stop(): Promise<void>;
}

export interface LimiterOptions {
  /**
   * Extra time a slot stays taken past the window. Covers the rounding of the IM Service's
   * millisecond clock; the window itself is measured from the moment the call settled.
   */
  safetyMarginMs?: number;
}

/**
 * A strict sliding-log limiter on Bottleneck.
 *
 * Each start takes one unit from a reservoir of `limit`; the unit comes back `windowMs`
 * after the call has *settled*, not after it started. The IM Service stamps a call some
 * time between our send and our receipt of its answer, so measuring the window from the
 * answer guarantees that the IM Service sees at most `limit` calls in any rolling window,
 * whatever the network latency or event-loop stalls. `minTime` spaces starts evenly so
 * the budget is spent as a steady stream rather than bursts.
 */
export class SlidingWindowLimiter implements CallLimiter {
  private readonly bottleneck: Bottleneck;
  private readonly marginMs: number;
  private readonly spacingMs: number;
  private readonly pendingReleases = new Set<NodeJS.Timeout>();
  private queuedWeight = 0;
  private inUseWeight = 0;
  private stopped = false;

  constructor(
    readonly rateClass: RateClass,
    options: LimiterOptions = {},
  ) {
    this.marginMs = options.safetyMarginMs ?? 5;
    this.spacingMs = rateClass.windowMs / rateClass.limit;
    this.bottleneck = new Bottleneck({
      reservoir: rateClass.limit,
      minTime: this.spacingMs,
      id: `im-${rateClass.name}`,
    });
  }

  schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T> {
    const weight = options.weight ?? 1;
    if (!Number.isInteger(weight) || weight < 1 || weight > this.rateClass.limit) {
      return Promise.reject(new RangeError(`weight must be an integer from 1 to ${this.rateClass.limit}`));
    }
    if (this.stopped) return Promise.reject(new Error(`limiter ${this.rateClass.name} is stopped`));
    const shed = this.shedIfLate(options, weight);
    if (shed) return Promise.reject(shed);

    this.queuedWeight += weight;
    return this.bottleneck.schedule({ weight }, () => this.start(options, weight, send));
  }

  projectedWaitMs(weight = 1): number {
    const free = this.rateClass.limit - this.inUseWeight;
    const ahead = this.queuedWeight + weight;
    if (ahead <= free) return Math.ceil(this.queuedWeight * this.spacingMs);
    // Past the free units, the queue drains at one window per `limit` units.
    const cycleMs = this.rateClass.windowMs + this.marginMs;
    return Math.ceil(Math.max(this.queuedWeight * this.spacingMs, ((ahead - free) * cycleMs) / this.rateClass.limit));
  }

  stats(): LimiterStats {
    return { queued: this.queuedWeight, inUse: this.inUseWeight };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.pendingReleases) clearTimeout(timer);
    this.pendingReleases.clear();
    await this.bottleneck.stop({ dropWaitingJobs: true });
  }

  private shedIfLate(options: ScheduleOptions, weight: number): ImRateLimitedError | null {
    if (options.deadlineAt === undefined) return null;
    const waitMs = this.projectedWaitMs(weight);
    const budgetMs = options.deadlineAt - Date.now();
    if (waitMs <= budgetMs) return null;
    return new ImRateLimitedError(options.path, Math.max(1, Math.ceil(waitMs - Math.max(0, budgetMs))), true);
  }

  private async start<T>(options: ScheduleOptions, weight: number, send: () => Promise<T>): Promise<T> {
    this.queuedWeight -= weight;
    this.inUseWeight += weight;
    if (options.deadlineAt !== undefined && Date.now() > options.deadlineAt) {
      // The projection was wrong (a stall, a burst of retries): nothing was sent, so the units come back now.
      this.release(weight);
      throw new ImRateLimitedError(options.path, Math.ceil(this.projectedWaitMs(weight)) || 1, true);
    }
    try {
      return await send();
    } finally {
      this.releaseAfterWindow(weight, performance.now());
    }
  }

  private releaseAfterWindow(weight: number, settledAt: number): void {
    const holdMs = this.rateClass.windowMs + this.marginMs;
    const check = () => {
      // Timers may fire early when the event loop's cached clock was stale; check against a real clock.
      const remaining = settledAt + holdMs - performance.now();
      if (remaining > 0) return this.arm(check, remaining);
      this.release(weight);
    };
    this.arm(check, holdMs);
  }

  private arm(callback: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.pendingReleases.delete(timer);
      callback();
    }, Math.ceil(delayMs));
    this.pendingReleases.add(timer);
  }

  private release(weight: number): void {
    if (this.stopped) return;
    this.inUseWeight -= weight;
    void this.bottleneck.incrementReservoir(weight);
  }
}

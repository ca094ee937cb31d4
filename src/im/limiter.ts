import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import { ImRateLimitedError } from './errors.js';
import { NO_OBSERVER, type ImObserver } from './observer.js';
import { LOCAL_BACKEND, type BottleneckBackend, type CallLimiter, type LimiterStats, type RateClass, type ScheduleOptions } from './rate-limit.js';

export interface LimiterOptions {
  /** Extra time a slot stays taken past the window: covers the IM Service's millisecond clock. */
  safetyMarginMs?: number;
  backend?: BottleneckBackend;
  observer?: ImObserver;
  /**
   * The longest one call may take (its attempt timeout). A slot is given back no later than
   * this plus the window, even by an instance that died holding it (clustered mode).
   */
  maxCallMs?: number;
}

/**
 * A strict sliding-window limiter on Bottleneck.
 *
 * A call holds one of `limit` concurrency slots from the moment it starts until `windowMs`
 * after it has *settled*. The IM Service stamps a call somewhere between our send and our
 * receipt of its answer, so two calls sharing a slot always reach it at least a window apart:
 * at most `limit` calls in any rolling window, whatever the latency or event-loop stalls.
 * `minTime` spreads the starts evenly. Because slots are Bottleneck's own running jobs, the
 * clustered mode shares them through Redis, and frees those of an instance that died.
 */
export class SlidingWindowLimiter implements CallLimiter {
  private bottleneck: Bottleneck;
  private generation: number;
  private readonly backend: BottleneckBackend;
  private readonly observer: ImObserver;
  private readonly marginMs: number;
  private readonly spacingMs: number;
  private readonly slotExpirationMs: number;
  private readonly stopping = new AbortController();
  private queuedWeight = 0;
  private inUseWeight = 0;

  constructor(
    readonly rateClass: RateClass,
    options: LimiterOptions = {},
  ) {
    this.marginMs = options.safetyMarginMs ?? 2;
    this.spacingMs = rateClass.windowMs / rateClass.limit;
    this.slotExpirationMs = (options.maxCallMs ?? 60_000) + rateClass.windowMs + this.marginMs + 1000;
    setMaxListeners(0, this.stopping.signal); // one listener per held slot
    this.backend = options.backend ?? LOCAL_BACKEND;
    this.observer = options.observer ?? NO_OBSERVER;
    this.generation = this.backend.generation?.() ?? 0;
    this.bottleneck = this.createBottleneck();
    // Calls already queued when the backend lost its state move to the rebuilt Bottleneck.
    this.backend.onRecovered?.(() => this.moveToCurrentGeneration());
  }

  async schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T> {
    const weight = options.weight ?? 1;
    if (!Number.isInteger(weight) || weight < 1 || weight > this.rateClass.limit) {
      throw new RangeError(`weight must be an integer from 1 to ${this.rateClass.limit}`);
    }
    if (this.stopping.signal.aborted) throw new Error(`limiter ${this.rateClass.name} is stopped`);
    const shed = this.shedIfLate(options, weight);
    if (shed) {
      this.observer.shed(this.rateClass.name);
      throw shed;
    }

    this.queuedWeight += weight;
    try {
      return await this.runInSlot(options, weight, send);
    } catch (error) {
      if (error instanceof ImRateLimitedError && error.shed) this.observer.shed(this.rateClass.name);
      throw error;
    } finally {
      this.queuedWeight -= weight;
    }
  }

  projectedWaitMs(weight = 1): number {
    const { queued, inUse } = this.stats();
    const free = this.rateClass.limit - inUse;
    const ahead = queued + weight;
    if (ahead <= free) return Math.ceil(queued * this.spacingMs);
    // Past the free slots, the queue drains at one window per `limit` calls.
    const cycleMs = this.rateClass.windowMs + this.marginMs;
    return Math.ceil(Math.max(queued * this.spacingMs, ((ahead - free) * cycleMs) / this.rateClass.limit));
  }

  stats(): LimiterStats {
    const local = { queued: this.queuedWeight, inUse: this.inUseWeight };
    const shared = this.backend.sharedStats?.();
    return shared ? { queued: Math.max(shared.queued, local.queued), inUse: Math.max(shared.inUse, local.inUse) } : local;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.bottleneck.stop({ dropWaitingJobs: true }).catch(() => undefined);
    await this.backend.stop?.();
  }

  /**
   * Schedules the call in a slot. A slot lost to the backend before the call started (Redis
   * forgot the limiter) is asked for again once the backend has recovered: nothing was sent.
   */
  private async runInSlot<T>(options: ScheduleOptions, weight: number, send: () => Promise<T>): Promise<T> {
    for (;;) {
      await this.waitForBackend(options);
      const generation = this.generation;
      let started = false;
      const queuedAt = performance.now();
      const result = new Promise<T>((resolve, reject) => {
        const job = this.bottleneck.schedule({ weight, expiration: this.slotExpirationMs }, async () => {
          started = true;
          this.observer.waited(this.rateClass.name, performance.now() - queuedAt);
          await this.holdSlot(options, weight, send, resolve, reject);
        });
        job.catch((error: unknown) => {
          if (started) return; // the call ran; the caller already has its outcome
          reject(new SlotLost(error));
        });
      });
      try {
        return await this.unlessLate(result, options, () => started);
      } catch (error) {
        if (!(error instanceof SlotLost)) throw error;
        this.backend.onError?.(error.cause);
        if (this.stopping.signal.aborted) throw new Error(`limiter ${this.rateClass.name} is stopped`);
        const recovering = this.backend.ready?.() !== undefined || this.backend.generation?.() !== generation;
        if (!recovering) throw unavailable(options.path);
      }
    }
  }

  /**
   * A call still waiting for a slot at its deadline is refused then (nothing was sent; its job
   * will find the deadline passed and give the slot back). One that started is waited for.
   */
  private unlessLate<T>(result: Promise<T>, options: ScheduleOptions, started: () => boolean): Promise<T> {
    if (options.deadlineAt === undefined) return result;
    const timers = new AbortController();
    const late = (async () => {
      for (let waitMs = options.deadlineAt! - Date.now(); ; waitMs = 50) {
        await sleep(Math.max(1, waitMs), undefined, { signal: timers.signal });
        if (!started()) throw new ImRateLimitedError(options.path, Math.max(1, this.projectedWaitMs()), true);
      }
    })();
    late.catch(() => undefined);
    return Promise.race([result, late]).finally(() => timers.abort()) as Promise<T>;
  }

  /** Runs the call, hands its outcome to the caller, then keeps the slot for one window past the answer. */
  private async holdSlot<T>(
    options: ScheduleOptions,
    weight: number,
    send: () => Promise<T>,
    resolve: (value: T) => void,
    reject: (error: unknown) => void,
  ): Promise<void> {
    if (options.deadlineAt !== undefined && Date.now() > options.deadlineAt) {
      // The projection was wrong (a stall, a burst of retries): nothing is sent, and the slot is free at once.
      reject(new ImRateLimitedError(options.path, Math.max(1, this.projectedWaitMs(weight)), true));
      return;
    }
    this.inUseWeight += weight;
    try {
      resolve(await send());
    } catch (error) {
      reject(error);
    }
    try {
      await this.untilWindowPassed(performance.now());
    } finally {
      this.inUseWeight -= weight;
    }
  }

  /** Timers may fire early when the event loop's clock is stale: the wait is checked against a real clock. */
  private async untilWindowPassed(settledAt: number): Promise<void> {
    const releaseAt = settledAt + this.rateClass.windowMs + this.marginMs;
    for (let remaining = releaseAt - performance.now(); remaining > 0; remaining = releaseAt - performance.now()) {
      try {
        await sleep(Math.ceil(remaining), undefined, { signal: this.stopping.signal });
      } catch {
        return; // stopping: nothing more will be sent through this limiter
      }
    }
  }

  /** Waits out a backend recovery (within the call's deadline), then moves to a Bottleneck of the new generation. */
  private async waitForBackend(options: ScheduleOptions): Promise<void> {
    const recovery = this.backend.ready?.();
    if (recovery) {
      const budgetMs = options.deadlineAt === undefined ? Infinity : options.deadlineAt - Date.now();
      const deadline = new AbortController();
      const inTime = await Promise.race([
        recovery.then(() => true),
        sleep(Math.max(0, Math.min(budgetMs, 2 ** 31 - 1)), undefined, { signal: deadline.signal }).then(() => false, () => true),
      ]);
      deadline.abort();
      if (!inTime) throw unavailable(options.path);
    }
    this.moveToCurrentGeneration();
  }

  private moveToCurrentGeneration(): void {
    const generation = this.backend.generation?.() ?? 0;
    if (generation === this.generation || this.stopping.signal.aborted) return;
    const previous = this.bottleneck;
    this.generation = generation;
    this.bottleneck = this.createBottleneck();
    // Jobs still queued there come back to `runInSlot`, which schedules them here. The old one
    // must also stop its heartbeat (Bottleneck's stop() does not), or it reports errors forever.
    void previous
      .stop({ dropWaitingJobs: true })
      .catch(() => undefined)
      .then(() => previous.disconnect(false))
      .catch(() => undefined);
  }

  private shedIfLate(options: ScheduleOptions, weight: number): ImRateLimitedError | null {
    if (options.deadlineAt === undefined) return null;
    const waitMs = this.projectedWaitMs(weight);
    const budgetMs = options.deadlineAt - Date.now();
    if (waitMs <= budgetMs) return null;
    return new ImRateLimitedError(options.path, Math.max(1, Math.ceil(waitMs - Math.max(0, budgetMs))), true);
  }

  private createBottleneck(): Bottleneck {
    const bottleneck = this.backend.create({
      id: `im-${this.rateClass.name}`,
      maxConcurrent: this.rateClass.limit,
      minTime: this.spacingMs,
    });
    // Only the current Bottleneck speaks for the backend: a retired one's errors are history.
    bottleneck.on('error', (error: unknown) => {
      if (bottleneck === this.bottleneck) this.backend.onError?.(error);
    });
    return bottleneck;
  }
}

/** A job Bottleneck could not run, for a reason of its own (never the call's). */
class SlotLost extends Error {
  constructor(override readonly cause: unknown) {
    super('the limiter lost the slot before the call started');
  }
}

/** The shared budget cannot be consulted: refuse rather than risk passing it. */
function unavailable(path: string): ImRateLimitedError {
  return new ImRateLimitedError(path, 1000, true);
}

import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { ImRateLimitedError } from './errors.js';
import { LOCAL_BUDGET } from './local-budget.js';
import { NO_OBSERVER, type ImObserver } from './observer.js';
import { pacingFor, type CallLimiter, type LimiterStats, type RateBudget, type RateClass, type ScheduleOptions, type SlotBackend, type StartPacing } from './rate-limit.js';

export interface LimiterOptions {
  /** Extra time a slot stays taken past the window: covers the IM Service's millisecond clock. */
  safetyMarginMs?: number;
  /** Where the slots are kept: this process's memory by default, or Redis (`SharedBudget`). */
  budget?: RateBudget;
  observer?: ImObserver;
  /**
   * The longest one call may take (its attempt timeout). A slot is given back no later than
   * this plus three windows, even by an instance that died holding it (clustered mode).
   */
  maxCallMs?: number;
}

/**
 * A strict sliding-window limiter on slots (in memory, or in Redis shared by every instance).
 *
 * A call holds one of `limit` slots from the moment it starts until `windowMs` (and a margin)
 * after it has *settled*. The IM Service stamps a call somewhere between our send and our
 * receipt of its answer, so two calls sharing a slot always reach it at least a window apart:
 * at most `limit` calls in any rolling window, whatever the latency or event-loop stalls. The
 * window after the answer is counted by the backend (this process's clock, or Redis's, so that a
 * waiting instance takes the slot the moment it frees rather than when the holder's timer fires).
 * A call whose slot is free starts in the tick it was scheduled (no timer in between); the
 * clustered budget also frees the slots of an instance that died.
 */
export class SlidingWindowLimiter implements CallLimiter {
  private readonly slots: SlotBackend;
  private readonly observer: ImObserver;
  private readonly marginMs: number;
  private readonly pacing: StartPacing;
  private readonly stopping = new AbortController();
  private queuedWeight = 0;
  private inUseWeight = 0;

  constructor(
    readonly rateClass: RateClass,
    options: LimiterOptions = {},
  ) {
    this.marginMs = options.safetyMarginMs ?? 2;
    // Two windows of margin past the latest a holder gives its slot back: an event-loop stall or a
    // late timer must not let Redis expire a slot whose window is still open.
    const expirationMs = (options.maxCallMs ?? 60_000) + rateClass.windowMs + this.marginMs + 2 * rateClass.windowMs;
    setMaxListeners(0, this.stopping.signal); // one listener per call waiting on its deadline
    const countedAfterAnswerMs = rateClass.windowMs + this.marginMs;
    this.pacing = pacingFor(rateClass);
    this.slots = (options.budget ?? LOCAL_BUDGET).slotsFor({ rateClass, countedAfterAnswerMs, expirationMs, pacing: this.pacing });
    this.observer = options.observer ?? NO_OBSERVER;
  }

  async schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T> {
    const weight = options.weight ?? 1;
    if (!Number.isInteger(weight) || weight < 1 || weight > this.rateClass.limit) {
      throw new RangeError(`weight must be an integer from 1 to ${this.rateClass.limit}`);
    }
    if (this.stopping.signal.aborted) throw this.stoppedError();
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

  wouldWaitPast(weight: number, deadlineAt: number): number | null {
    const waitMs = this.projectedWaitMs(weight);
    const budgetMs = deadlineAt - Date.now();
    if (waitMs <= budgetMs) return null;
    return Math.max(1, Math.ceil(waitMs - Math.max(0, budgetMs)));
  }

  stats(): LimiterStats {
    const local = { queued: this.queuedWeight, inUse: this.inUseWeight };
    const budget = this.slots.budgetStats();
    return budget ? { queued: Math.max(budget.queued, local.queued), inUse: Math.max(budget.inUse, local.inUse) } : local;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.slots.stop();
  }

  /** How long a call of `weight` scheduled now would wait before it starts. */
  private projectedWaitMs(weight = 1): number {
    const { queued, inUse } = this.stats();
    const free = this.rateClass.limit - inUse;
    const ahead = queued + weight;
    // The free slots go at the pacing's rate past its burst; past them, one window per `limit` calls.
    const pacedMs = Math.max(0, ahead - this.pacing.burst) * this.pacing.intervalMs;
    if (ahead <= free) return Math.ceil(pacedMs);
    const cycleMs = this.rateClass.windowMs + this.marginMs;
    return Math.ceil(Math.max(pacedMs, ((ahead - free) * cycleMs) / this.rateClass.limit));
  }

  /**
   * Runs the call in a slot. A slot the backend could not give (the shared budget unreachable,
   * or the limiter stopping) is a refusal: nothing was sent.
   */
  private runInSlot<T>(options: ScheduleOptions, weight: number, send: () => Promise<T>): Promise<T> {
    let started = false;
    const queuedAt = performance.now();
    const result = new Promise<T>((resolve, reject) => {
      const holder = async () => {
        started = true;
        this.observer.waited(this.rateClass.name, performance.now() - queuedAt);
        return this.holdSlot(options, weight, send, resolve, reject);
      };
      this.slots.hold(weight, options.deadlineAt, holder).catch(() => {
        reject(this.stopping.signal.aborted ? this.stoppedError() : unavailable(options.path));
      });
    });
    return this.unlessLate(result, options, () => started);
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

  /** Runs the call and hands its outcome to the caller: true when it was sent (its slot then counts one window past the answer). */
  private async holdSlot<T>(
    options: ScheduleOptions,
    weight: number,
    send: () => Promise<T>,
    resolve: (value: T) => void,
    reject: (error: unknown) => void,
  ): Promise<boolean> {
    if (options.deadlineAt !== undefined && Date.now() > options.deadlineAt) {
      // The projection was wrong (a stall, a burst of retries): nothing is sent, and the slot is free at once.
      reject(new ImRateLimitedError(options.path, Math.max(1, this.projectedWaitMs(weight)), true));
      return false;
    }
    this.inUseWeight += weight;
    try {
      resolve(await send());
    } catch (error) {
      reject(error);
    }
    this.inUseWeight -= weight;
    return true;
  }

  private shedIfLate(options: ScheduleOptions, weight: number): ImRateLimitedError | null {
    if (options.deadlineAt === undefined) return null;
    const retryAfterMs = this.wouldWaitPast(weight, options.deadlineAt);
    return retryAfterMs === null ? null : new ImRateLimitedError(options.path, retryAfterMs, true);
  }

  private stoppedError(): Error {
    return new Error(`limiter ${this.rateClass.name} is stopped`);
  }
}

/** The shared budget cannot be consulted: refuse rather than risk passing it. */
function unavailable(path: string): ImRateLimitedError {
  return new ImRateLimitedError(path, 1000, true);
}

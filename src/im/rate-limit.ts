/**
 * The contracts of IM rate limiting: the rate classes, what a caller asks of a limiter, and what
 * a limiter asks of the slots it runs on (in-process, or clustered through Redis). The limiter
 * itself is `limiter.ts`; the backends are `local-budget.ts` and `cluster.ts`.
 */

/** One IM rate class: a budget of calls per rolling window, shared by every path in the class. */
export interface RateClass {
  name: string;
  /** Calls allowed to start in any rolling window. */
  limit: number;
  /** The window length; the IM Service counts per second. */
  windowMs: number;
}

/**
 * One window per rate class, shared by every endpoint in it: the docs give "100 per second" per
 * endpoint page without saying per endpoint or per app, and a shared window is safe under both
 * readings (an assumption, src/im/README.md).
 */
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
  /** Budget units waiting for a slot (in every instance, when the budget is shared). */
  queued: number;
  /** Budget units taken and not yet given back: in flight, or inside their window. */
  inUse: number;
}

/**
 * The port every IM call goes through. Callers only schedule work and ask whether it would be in
 * time; whether the budget is this process's or shared through Redis is the implementation's affair.
 */
export interface CallLimiter {
  readonly rateClass: RateClass;
  /** Runs `send` when the budget allows; refuses with a shed `ImRateLimitedError` when the deadline cannot be met. */
  schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T>;
  /**
   * The one answer to "would `weight` units asked for now start after `deadlineAt`?": the ms to
   * come back after when they would, null when they would start in time. The limiter sheds by it,
   * and so does a change that must not write what it could not send in time.
   */
  wouldWaitPast(weight: number, deadlineAt: number): number | null;
  stats(): LimiterStats;
  stop(): Promise<void>;
}

/** What a backend needs to lay out one rate class's slots. */
export interface SlotLayout {
  rateClass: RateClass;
  /**
   * How long a unit stays counted after a holder that may have sent its call has settled: one
   * window and a margin past the answer, counted by the backend's own clock (this process's, or
   * Redis's), so the next call on that unit reaches the IM Service at least a window after it.
   */
  countedAfterAnswerMs: number;
  /** A slot is given back no later than this after its holder started, even by an instance that died holding it. */
  expirationMs: number;
  /** Starts past a burst are spread this far apart (see `SlotBackend`). */
  pacing: StartPacing;
}

/**
 * How starts are spread: up to `burst` units start at once, then one per `intervalMs` (a generic
 * cell rate: each unit moves a theoretical start time `intervalMs` on, and a start may run at
 * most `burst - 1` intervals ahead of it). Not a limit: twice the budget's own rate, so it only
 * smooths a bunch of starts (see `SlotBackend`).
 */
export interface StartPacing {
  burst: number;
  intervalMs: number;
}

/** Bursts of a tenth of the budget (at least 2), then half its spacing: 10 group calls at once, then one per 5 ms. */
export function pacingFor(rateClass: RateClass): StartPacing {
  return { burst: Math.max(2, Math.ceil(rateClass.limit / 10)), intervalMs: rateClass.windowMs / rateClass.limit / 2 };
}

/**
 * Where one rate class's slots live: at most `limit` units counted at once, each counted from its
 * take until `countedAfterAnswerMs` after its call's answer. This alone keeps the budget strict:
 * two calls on one unit reach the IM Service more than a window apart, so no rolling window holds
 * more than `limit` calls. Starts are paced (`StartPacing`), for throughput, not strictness: a
 * unit's next call follows its last by one cycle, so a bunch of starts comes back as a bunch every
 * cycle; unpaced, the backlog's calls came in bunches and each call (so each cycle) took longer
 * (bench:cluster on the loaded 2-core machine, traced: median call 8-19 ms instead of 2.5-7).
 * The pacing used before (every cold start `windowMs / limit` apart) made a second call on an
 * idle budget wait up to 10 ms; a burst now starts at once.
 */
export interface SlotBackend {
  /**
   * Runs `holder` once `weight` units are free; when it settles, its units stay counted for
   * `countedAfterAnswerMs` if it answers true (its call may have reached the IM Service, or it
   * threw) and are free at once if it answers false (nothing was sent). Rejects only when
   * `holder` never started (the budget could not be reached before `deadlineAt`, or the backend
   * stopped): nothing was sent. `holder` runs at most once; the promise settles with it.
   */
  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<boolean>): Promise<void>;
  /** The budget's counts as the backend keeps them (every instance's when shared); null when unknown (Redis unreadable). */
  budgetStats(): LimiterStats | null;
  stop(): Promise<void>;
}

/**
 * Where the rate classes' budgets are kept: in this process (`LOCAL_BUDGET`, `local-budget.ts`),
 * or in Redis for every instance that uses it (`SharedBudget`, `cluster.ts`).
 */
export interface RateBudget {
  slotsFor(layout: SlotLayout): SlotBackend;
}

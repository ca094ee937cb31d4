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
  /** A slot is given back no later than this after its holder started, even by an instance that died holding it. */
  expirationMs: number;
}

/**
 * Where one rate class's slots live: at most `limit` units held at once (this alone keeps the budget
 * strict). Cold units (not given back within the last window) start at least `windowMs / limit`
 * apart, so a backlog on an idle budget never leaves in one burst; a warm unit (given back within
 * the last window) starts at once: its last start was a whole cycle ago, so the starts stay as
 * spread as they were. Spacing every take made the spacing a second limit of exactly `limit` per
 * window, behind which every bunch of slots coming back at once (an event-loop stall) queued: a
 * shared budget under a backlog ran at 91-95% of the limit, its grants waiting 38-59 ms on average
 * for a spaced start. How long a slot stays held is the limiter's affair (its holder's life).
 */
export interface SlotBackend {
  /**
   * Runs `holder` once `weight` units are free and keeps them until it settles, then resolves.
   * Rejects only when `holder` never started (the budget could not be reached before
   * `deadlineAt`, or the backend stopped): nothing was sent. `holder` runs at most once.
   */
  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<void>): Promise<void>;
  /** The budget as every instance uses it; null when this process's own counts are the whole budget. */
  sharedStats(): LimiterStats | null;
  stop(): Promise<void>;
}

/**
 * Where the rate classes' budgets are kept: in this process (`LOCAL_BUDGET`, `local-budget.ts`),
 * or in Redis for every instance that uses it (`SharedBudget`, `cluster.ts`).
 */
export interface RateBudget {
  slotsFor(layout: SlotLayout): SlotBackend;
}

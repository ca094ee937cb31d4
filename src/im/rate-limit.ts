import Bottleneck from 'bottleneck';

/**
 * The contracts of IM rate limiting: the rate classes, what a caller asks of a limiter, and what
 * a limiter asks of the Bottleneck backend it runs on (in-process, or clustered through Redis).
 * The limiter itself is `limiter.ts`; the Redis backend is `cluster.ts`.
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
 * The port every IM call goes through. Callers only schedule work and ask for projections;
 * whether the budget is this process's or shared through Redis is the implementation's affair.
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

/** Builds the Bottleneck a limiter runs on: in-process by default, or clustered through Redis (see `cluster.ts`). */
export interface BottleneckBackend {
  create(settings: Bottleneck.ConstructorOptions): Bottleneck;
  /** The budget as every instance uses it, when shared; null when this process is alone. */
  sharedStats?(): LimiterStats | null;
  /** Called with any error from the current Bottleneck: a backend may start a recovery. */
  onError?(error: unknown): void;
  /** Resolves once the backend can take work again (after a recovery); undefined when it can now. */
  ready?(): Promise<void> | undefined;
  /** Counts recoveries: a limiter whose Bottleneck is from an older generation builds a new one. */
  generation?(): number;
  /** Registers a callback for the end of each recovery. */
  onRecovered?(callback: () => void): void;
  stop?(): Promise<void>;
}

export const LOCAL_BACKEND: BottleneckBackend = { create: (settings) => new Bottleneck(settings) };

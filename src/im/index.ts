import type { Logger } from 'pino';
import { ImClient, type ImClientOptions } from './client.js';
import type { SharedBudget } from './cluster.js';
import { SlidingWindowLimiter } from './limiter.js';
import { GROUP_CALLS, MESSAGE_PUBLISH, type RateClass } from './rate-limit.js';

export * from './client.js';
export * from './errors.js';
export * from './limiter.js';
export * from './rate-limit.js';
export { SharedBudget } from './cluster.js';
export type { ImObserver } from './observer.js';
export type { Credentials } from './sign.js';

export interface ImPortOptions extends Omit<ImClientOptions, 'limiters' | 'logger'> {
  logger: Logger;
  /** Overrides of the IM Service's budgets (benchmarks raise them together with the emulator's). */
  rateClasses?: { group?: RateClass; publish?: RateClass };
  /** Shares the budgets with every instance using the same Redis; absent: this process's own. */
  sharedBudget?: SharedBudget;
}

/** Builds the IM client with one limiter per rate class. */
export function createImClient(options: ImPortOptions): ImClient {
  const limiter = (rateClass: RateClass) =>
    new SlidingWindowLimiter(rateClass, {
      ...(options.sharedBudget ? { budget: options.sharedBudget } : {}),
      ...(options.observer ? { observer: options.observer } : {}),
      maxCallMs: options.attemptTimeoutMs ?? 5000,
    });
  const limiters = {
    group: limiter(options.rateClasses?.group ?? GROUP_CALLS),
    publish: limiter(options.rateClasses?.publish ?? MESSAGE_PUBLISH),
  };
  return new ImClient({ ...options, limiters });
}

import Bottleneck from 'bottleneck';
import { GROUP_CALLS, type CallLimiter, type ScheduleOptions } from '../src/im/rate-limit.js';

/**
 * A baseline: plain Bottleneck behind the project's limiter port, so the same client
 * and the same calls run through it. No shedding, no sliding log.
 */
export class PlainBottleneckLimiter implements CallLimiter {
  readonly rateClass = GROUP_CALLS;
  private readonly bottleneck: Bottleneck;

  constructor(options: Bottleneck.ConstructorOptions) {
    this.bottleneck = new Bottleneck(options);
  }

  schedule<T>(options: ScheduleOptions, send: () => Promise<T>): Promise<T> {
    return this.bottleneck.schedule({ weight: options.weight ?? 1 }, send);
  }

  wouldWaitPast(): null {
    return null;
  }

  stats() {
    const counts = this.bottleneck.counts();
    return { queued: counts.QUEUED, inUse: counts.EXECUTING };
  }

  async stop(): Promise<void> {
    await this.bottleneck.stop({ dropWaitingJobs: true });
  }
}

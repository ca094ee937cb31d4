import Bottleneck from 'bottleneck';
import type { RateBudget, SlotBackend, SlotLayout } from './rate-limit.js';

/**
 * The budget of this process alone: one Bottleneck per rate class, in memory. The clustered
 * budget (`cluster.ts`) lays out and holds its slots the same way, on a Bottleneck kept in Redis.
 */
export const LOCAL_BUDGET: RateBudget = { slotsFor: (layout) => new LocalSlots(layout) };

class LocalSlots implements SlotBackend {
  private readonly bottleneck: Bottleneck;

  constructor(private readonly layout: SlotLayout) {
    this.bottleneck = new Bottleneck(bottleneckSettings(layout));
  }

  hold(weight: number, _deadlineAt: number | undefined, holder: () => Promise<void>): Promise<void> {
    return holdIn(this.bottleneck, weight, this.layout.expirationMs, holder);
  }

  sharedStats(): null {
    return null;
  }

  async stop(): Promise<void> {
    await this.bottleneck.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }
}

/** A rate class's slots as Bottleneck counts them: concurrency slots, with starts spread evenly. */
export function bottleneckSettings(layout: SlotLayout): Bottleneck.ConstructorOptions {
  const { name, limit, windowMs } = layout.rateClass;
  return { id: `im-${name}`, maxConcurrent: limit, minTime: windowMs / limit };
}

/**
 * Runs `holder` in `weight` slots of `bottleneck`, resolving once it is done. Rejects only when
 * it never started, with Bottleneck's reason; once it has run, the outcome was its own (even a
 * slot that expired or could not be given back is no concern of the call's).
 */
export async function holdIn(bottleneck: Bottleneck, weight: number, expirationMs: number, holder: () => Promise<void>): Promise<void> {
  let started = false;
  try {
    await bottleneck.schedule({ weight, expiration: expirationMs }, () => {
      started = true;
      return holder();
    });
  } catch (error) {
    if (!started) throw error;
  }
}

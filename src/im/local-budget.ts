import type { RateBudget, SlotBackend, SlotLayout } from './rate-limit.js';
import { SlotQueue, type SlotAnswer, type SlotSource } from './slot-queue.js';

/**
 * The budget of this process alone: each rate class's slots counted in memory. Taking a free slot
 * is synchronous, so a call that finds room starts in the tick it was made (Bottleneck's local
 * store, used before, went through three timers first: about 4 ms with the window empty).
 */
export const LOCAL_BUDGET: RateBudget = { slotsFor: (layout) => new LocalSlots(layout) };

class LocalSlots implements SlotBackend {
  private readonly queue: SlotQueue;

  constructor(layout: SlotLayout) {
    this.queue = new SlotQueue(new LocalSlotSource(layout));
  }

  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<void>): Promise<void> {
    return this.queue.hold(weight, deadlineAt, holder);
  }

  sharedStats(): null {
    return null;
  }

  async stop(): Promise<void> {
    this.queue.stop();
  }
}

/** At most `limit` units held at once; starts at least `windowMs / limit` apart, each planned from the last (no drift). */
class LocalSlotSource implements SlotSource {
  private held = 0;
  private nextStartAt = 0;
  private readonly limit: number;
  private readonly spacingMs: number;

  constructor(layout: SlotLayout) {
    this.limit = layout.rateClass.limit;
    this.spacingMs = layout.rateClass.windowMs / layout.rateClass.limit;
  }

  take(weight: number): SlotAnswer {
    if (this.held + weight > this.limit) return { retryInMs: null };
    const now = performance.now();
    const startAt = Math.max(now, this.nextStartAt);
    this.nextStartAt = startAt + this.spacingMs;
    this.held += weight;
    return {
      startInMs: startAt - now,
      release: () => {
        this.held -= weight;
      },
    };
  }
}

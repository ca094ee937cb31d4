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

/**
 * At most `limit` units held at once. A unit given back within the last window is warm: taking it
 * starts at once. Cold starts are spread `windowMs / limit` apart, each planned from the last (no
 * drift). See `SlotLayout`.
 */
class LocalSlotSource implements SlotSource {
  private held = 0;
  private nextStartAt = 0;
  /** When each warm unit was given back, oldest first. */
  private readonly warm: number[] = [];
  private readonly limit: number;
  private readonly spacingMs: number;
  private readonly windowMs: number;

  constructor(layout: SlotLayout) {
    this.limit = layout.rateClass.limit;
    this.spacingMs = layout.rateClass.windowMs / layout.rateClass.limit;
    this.windowMs = layout.rateClass.windowMs;
  }

  take(weight: number): SlotAnswer {
    if (this.held + weight > this.limit) return { retryInMs: null };
    const now = performance.now();
    while (this.warm.length > 0 && this.warm[0]! < now - this.windowMs) this.warm.shift();
    let startAt = now;
    if (this.warm.length >= weight) {
      this.warm.splice(0, weight);
    } else {
      startAt = Math.max(now, this.nextStartAt);
      this.nextStartAt = startAt + this.spacingMs;
    }
    this.held += weight;
    return {
      startInMs: startAt - now,
      release: () => {
        this.held -= weight;
        const at = performance.now();
        for (let unit = 0; unit < weight; unit++) this.warm.push(at);
      },
    };
  }
}

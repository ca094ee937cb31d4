import type { LimiterStats, RateBudget, SlotBackend, SlotLayout } from './rate-limit.js';
import { SlotQueue, type SlotAnswer, type SlotSource } from './slot-queue.js';

/**
 * The budget of this process alone: each rate class's slots counted in memory. Taking a free slot
 * is synchronous, so a call that finds room starts in the tick it was made (Bottleneck's local
 * store, used before, went through three timers first: about 4 ms with the window empty).
 */
export const LOCAL_BUDGET: RateBudget = { slotsFor: (layout) => new LocalSlots(layout) };

class LocalSlots implements SlotBackend {
  private readonly source: LocalSlotSource;
  private readonly queue: SlotQueue;

  constructor(layout: SlotLayout) {
    this.source = new LocalSlotSource(layout);
    this.queue = new SlotQueue(this.source);
  }

  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<boolean>): Promise<void> {
    return this.queue.hold(weight, deadlineAt, holder);
  }

  budgetStats(): LimiterStats {
    return { queued: this.queue.queuedWeight(), inUse: this.source.counted() };
  }

  async stop(): Promise<void> {
    this.queue.stop();
  }
}

/**
 * At most `limit` units counted: held by a call in flight, or cooling, until `countedAfterAnswerMs`
 * after its answer on this process's monotonic clock; starts paced (`StartPacing`). A take that
 * finds no room is told when the next cooling unit frees (or to wait for a give-back when every
 * unit is in flight), one ahead of its pace when it may start.
 */
class LocalSlotSource implements SlotSource {
  private held = 0;
  /** When each cooling unit frees (`performance.now()`), in order: every unit cools for the same time. */
  private readonly cooling: number[] = [];
  /** The pacing's theoretical next start (`performance.now()`). */
  private nextStartAt = 0;

  constructor(private readonly layout: SlotLayout) {}

  counted(): number {
    this.forgetCooled(performance.now());
    return this.held + this.cooling.length;
  }

  take(weight: number): SlotAnswer {
    const now = performance.now();
    this.forgetCooled(now);
    const short = this.held + this.cooling.length + weight - this.layout.rateClass.limit;
    if (short > 0) return { retryInMs: short <= this.cooling.length ? this.cooling[short - 1]! - now : null };
    const { burst, intervalMs } = this.layout.pacing;
    const allowedAt = this.nextStartAt - (burst - 1) * intervalMs;
    if (allowedAt > now) return { retryInMs: allowedAt - now };
    this.nextStartAt = Math.max(this.nextStartAt, now) + weight * intervalMs;
    this.held += weight;
    return {
      release: (sent) => {
        this.held -= weight;
        if (!sent) return;
        const freeAt = performance.now() + this.layout.countedAfterAnswerMs;
        for (let unit = 0; unit < weight; unit++) this.cooling.push(freeAt);
      },
    };
  }

  private forgetCooled(now: number): void {
    let cooled = 0;
    while (cooled < this.cooling.length && this.cooling[cooled]! <= now) cooled++;
    if (cooled > 0) this.cooling.splice(0, cooled);
  }
}

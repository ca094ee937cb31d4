/**
 * The calls waiting for slots, in order, over a store of slots (this process's memory, or Redis).
 * A call whose slots are free starts in the same tick it asked: no timer stands between a free
 * slot and its holder. A waiting call asks again when a slot is given back (`wake`), or at the
 * moment the store said the next unit frees (the end of a window it counts on its own clock).
 */

/** Slots taken: the holder starts at once, then gives them back with `release` (`sent`: its call may have reached the IM Service). */
export interface SlotGrant {
  release: (sent: boolean) => void | Promise<void>;
}

/** Slots not taken: ask again after `retryInMs`, or (null) when a slot is given back. */
export interface SlotRefusal {
  retryInMs: number | null;
}

export type SlotAnswer = SlotGrant | SlotRefusal;

/** Where slots are taken; answers synchronously when it can (in memory), or after a round trip (Redis). */
export interface SlotSource {
  take(weight: number): SlotAnswer | Promise<SlotAnswer>;
}

interface Waiter {
  weight: number;
  deadlineAt: number | undefined;
  holder: () => Promise<boolean>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SlotQueue {
  private readonly waiting: Waiter[] = [];
  private retryTimer: NodeJS.Timeout | undefined;
  /** When the retry timer fires (`performance.now()`), if one is set. */
  private retryAt = Infinity;
  /** A take is in flight (asynchronous sources): one at a time keeps the order. */
  private taking = false;
  /** The earliest moment a wake asked for while a take was in flight (kept until a refusal): that refusal may be stale by then. */
  private wakeWhileTakingAt = Infinity;
  private stopped = false;

  constructor(private readonly source: SlotSource) {}

  /** Runs `holder` once `weight` slots are taken, gives them back when it settles; rejects only when it never started. */
  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<boolean>): Promise<void> {
    if (this.stopped) return Promise.reject(new Error('the slot queue is stopped'));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ weight, deadlineAt, holder, resolve, reject });
      this.pump();
    });
  }

  /** Budget units waiting here for a slot. */
  queuedWeight(): number {
    let total = 0;
    for (const waiter of this.waiting) total += waiter.weight;
    return total;
  }

  /** A slot was given back (here or by another instance), or will be in `afterMs`: the head asks again then. */
  wake(afterMs = 0): void {
    const at = performance.now() + Math.max(0, afterMs);
    if (this.taking) {
      this.wakeWhileTakingAt = Math.min(this.wakeWhileTakingAt, at);
    } else if (afterMs <= 0) {
      this.pump();
    } else if (this.waiting.length > 0) {
      this.retryNoLaterThan(at);
    }
  }

  /** Refuses every call still waiting (nothing was sent for them); calls already holding slots finish. */
  stop(): void {
    this.stopped = true;
    this.clearRetry();
    const stopped = new Error('the slot queue is stopped');
    for (const waiter of this.waiting.splice(0)) waiter.reject(stopped);
  }

  private pump(): void {
    this.clearRetry();
    while (!this.taking && !this.stopped && this.waiting.length > 0) {
      const head = this.waiting[0]!;
      if (head.deadlineAt !== undefined && Date.now() > head.deadlineAt) {
        // Its caller has already been refused (the limiter watches the deadline): nothing to take for it.
        this.waiting.shift();
        head.reject(new Error('no slot was free before the call\'s deadline'));
        continue;
      }
      let answer: SlotAnswer | Promise<SlotAnswer>;
      try {
        answer = this.source.take(head.weight);
      } catch (error) {
        this.refuseHead(head, error);
        continue;
      }
      if (answer instanceof Promise) {
        this.taking = true;
        answer.then(
          (settled) => {
            this.taking = false;
            if (this.answered(head, settled)) this.pump();
          },
          (error: unknown) => {
            this.taking = false;
            this.refuseHead(head, error);
            this.pump();
          },
        );
        return;
      }
      if (!this.answered(head, answer)) return;
    }
  }

  /** Applies the source's answer for `head`: true when the next waiter may ask at once. */
  private answered(head: Waiter, answer: SlotAnswer): boolean {
    if (!('release' in answer)) {
      if (this.stopped) return false;
      const woken = this.wakeWhileTakingAt;
      this.wakeWhileTakingAt = Infinity;
      if (woken <= performance.now()) return true;
      const retryAt = answer.retryInMs === null ? Infinity : performance.now() + answer.retryInMs;
      this.retryNoLaterThan(Math.min(retryAt, woken));
      return false;
    }
    if (this.stopped || this.waiting[0] !== head) {
      // Stopped while the take was in flight: the waiter was refused, so the slots go back unused.
      void answer.release(false);
      return false;
    }
    this.waiting.shift();
    this.run(head, answer);
    return true;
  }

  private run(waiter: Waiter, grant: SlotGrant): void {
    let holding: Promise<boolean>;
    try {
      holding = waiter.holder();
    } catch {
      holding = Promise.resolve(true);
    }
    holding
      .catch(() => true) // whether it sent anything is unknown: counted as sent
      .then((sent) => grant.release(sent))
      .catch(() => undefined)
      .then(() => {
        waiter.resolve();
        this.wake();
      });
  }

  /** Sets the retry timer to fire at `at` (`performance.now()`), unless one fires sooner. */
  private retryNoLaterThan(at: number): void {
    if (at === Infinity || at >= this.retryAt) return;
    clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(at - performance.now())));
  }

  private clearRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryAt = Infinity;
  }

  private refuseHead(head: Waiter, error: unknown): void {
    if (this.waiting[0] === head) this.waiting.shift();
    head.reject(error);
  }
}

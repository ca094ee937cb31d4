/**
 * The calls waiting for slots, in order, over a store of slots (this process's memory, or Redis).
 * A call whose slots are free starts in the same tick it asked: no timer stands between a free
 * slot and its holder, and a slot given back wakes the queue at once.
 */

/** Slots taken: the holder starts in `startInMs` (the spacing between starts), then gives them back with `release`. */
export interface SlotGrant {
  startInMs: number;
  release: () => void | Promise<void>;
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
  holder: () => Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class SlotQueue {
  private readonly waiting: Waiter[] = [];
  private readonly pendingStarts = new Map<NodeJS.Timeout, () => void>();
  private retryTimer: NodeJS.Timeout | undefined;
  /** A take is in flight (asynchronous sources): one at a time keeps the order. */
  private taking = false;
  /** A slot was given back while a take was in flight: its refusal may be stale, so ask again. */
  private wokenWhileTaking = false;
  private stopped = false;

  constructor(private readonly source: SlotSource) {}

  /** Runs `holder` once `weight` slots are taken, keeps them until it settles; rejects only when it never started. */
  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<void>): Promise<void> {
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

  /** A slot may have been given back (here or by another instance): the head asks again. */
  wake(): void {
    if (this.taking) {
      this.wokenWhileTaking = true;
      return;
    }
    this.pump();
  }

  /** Refuses every call still waiting (nothing was sent for them); calls already holding slots finish. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const stopped = new Error('the slot queue is stopped');
    for (const [timer, refuse] of this.pendingStarts) {
      clearTimeout(timer);
      refuse();
    }
    this.pendingStarts.clear();
    for (const waiter of this.waiting.splice(0)) waiter.reject(stopped);
  }

  private pump(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
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
        this.wokenWhileTaking = false;
        answer.then(
          (settled) => {
            this.taking = false;
            if (this.answered(head, settled) || this.wokenWhileTaking) this.pump();
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

  /** Applies the source's answer for `head`: true when it was granted (the next waiter may ask). */
  private answered(head: Waiter, answer: SlotAnswer): boolean {
    if (!('release' in answer)) {
      if (answer.retryInMs !== null && !this.stopped) {
        this.retryTimer = setTimeout(() => this.pump(), Math.max(1, Math.ceil(answer.retryInMs)));
      }
      return false;
    }
    if (this.stopped || this.waiting[0] !== head) {
      // Stopped while the take was in flight: the waiter was refused, so the slots go back unused.
      void answer.release();
      return false;
    }
    this.waiting.shift();
    if (answer.startInMs <= 0) {
      this.run(head, answer);
    } else {
      const timer = setTimeout(() => {
        this.pendingStarts.delete(timer);
        this.run(head, answer);
      }, Math.ceil(answer.startInMs));
      this.pendingStarts.set(timer, () => {
        void answer.release();
        head.reject(new Error('the slot queue is stopped'));
      });
    }
    return true;
  }

  private run(waiter: Waiter, grant: SlotGrant): void {
    let holding: Promise<void>;
    try {
      holding = waiter.holder();
    } catch {
      holding = Promise.resolve();
    }
    holding
      .catch(() => undefined)
      .then(() => grant.release())
      .catch(() => undefined)
      .then(() => {
        waiter.resolve();
        this.wake();
      });
  }

  private refuseHead(head: Waiter, error: unknown): void {
    if (this.waiting[0] === head) this.waiting.shift();
    head.reject(error);
  }
}

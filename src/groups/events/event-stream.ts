/**
 * One subscriber's stream of released events: the log's replay first (read a page at a time, only
 * when the subscriber has taken the previous one), then what the hub fans out live, each event
 * once and in cursor order. Nothing here grows without bound: at most `bufferLimit` live events
 * wait for a slow subscriber; one more and the stream ends with a `lagged` item that names the
 * last cursor the subscriber received, to resume `after` it.
 */

/** What the hub needs of an event: where it stands in the log, and whose group it is. */
export interface StreamedEvent {
  cursor: string;
  /** The global sequence behind the cursor, for comparisons without decoding it. */
  sequence: number;
  groupId: string;
}

/** A place in the log: a cursor and its sequence. */
export type LogPosition = Pick<StreamedEvent, 'cursor' | 'sequence'>;

/** Why a stream ended early: the subscriber resumes `after` the cursor it last received. */
export type StreamEndReason = 'lagged' | 'shuttingDown';

/** The last item of a stream that ended before its subscriber or its group did. */
export interface StreamEnd {
  kind: 'streamEnd';
  reason: StreamEndReason;
  /** The cursor of the last event delivered (or the position the stream started at). */
  resumeAfter: string | null;
}

export type StreamItem<E> = E | StreamEnd;

/** Which live events a stream takes, and after which one it ends (a removal, a dismissal). */
export interface StreamRules<E> {
  accepts(event: E): boolean;
  endsAfter(event: E): boolean;
}

export interface EventStreamOptions<E extends StreamedEvent> {
  rules: StreamRules<E>;
  /** The position the stream starts after: the client's `after`, or the hub's cursor when it gave none. */
  startAfter: LogPosition | null;
  /** Pages of the log after a cursor, when the client gave `after`; null: live only. */
  replay: ((after: string | null) => Promise<E[]>) | null;
  /** The hub's cursor when the stream registered: live events all come after it. */
  liveFrom: number | null;
  bufferLimit: number;
  /** Called once, however the stream ends (its last item taken, the client gone, shutdown). */
  onClose(): void;
  /** Counts each event handed to the subscriber. */
  onDelivered(): void;
}

export class EventStream<E extends StreamedEvent> implements AsyncIterableIterator<StreamItem<E>> {
  private readonly live: E[] = [];
  private replayed: E[] = [];
  private replaying: boolean;
  private lastDelivered: LogPosition | null;
  private ending: StreamEndReason | null = null;
  private done = false;
  private waiter: (() => void) | null = null;

  constructor(private readonly options: EventStreamOptions<E>) {
    this.lastDelivered = options.startAfter;
    this.replaying = options.replay !== null;
  }

  get isOpen(): boolean {
    return !this.done;
  }

  /**
   * Skips everything up to `position` (the log's last cursor when a client subscribed without
   * `after`: "from now"), before anything was delivered: the hub may still be fanning out older ones.
   */
  skipThrough(position: LogPosition): void {
    if (this.lastDelivered === null || position.sequence > this.lastDelivered.sequence) this.lastDelivered = position;
  }

  /** From the hub, in cursor order: queued for the subscriber, or the stream ends as lagged. */
  offer(event: E): void {
    if (this.done || this.ending || !this.options.rules.accepts(event)) return;
    if (this.live.length >= this.options.bufferLimit) {
      this.live.length = 0;
      this.end('lagged');
      return;
    }
    this.live.push(event);
    this.wake();
  }

  /** Ends the stream after what the subscriber already took, with a final item saying why. */
  end(reason: StreamEndReason): void {
    if (this.done || this.ending) return;
    this.ending = reason;
    this.replaying = false;
    this.replayed = [];
    this.wake();
  }

  async next(): Promise<IteratorResult<StreamItem<E>>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      if (this.ending) {
        const end: StreamEnd = { kind: 'streamEnd', reason: this.ending, resumeAfter: this.lastDelivered?.cursor ?? null };
        this.close();
        return { done: false, value: end };
      }
      const event = await this.nextEvent();
      if (event === undefined) continue;
      if (this.lastDelivered !== null && event.sequence <= this.lastDelivered.sequence) continue;
      this.lastDelivered = event;
      this.options.onDelivered();
      if (this.options.rules.endsAfter(event)) this.close();
      return { done: false, value: event };
    }
  }

  async return(): Promise<IteratorResult<StreamItem<E>>> {
    this.close();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** The next candidate (replayed, then live), or undefined when the state changed while waiting. */
  private async nextEvent(): Promise<E | undefined> {
    if (this.replayed.length > 0) return this.replayed.shift();
    if (this.replaying) {
      await this.readReplayPage();
      return undefined;
    }
    if (this.live.length > 0) return this.live.shift();
    await new Promise<void>((resolve) => (this.waiter = resolve));
    return undefined;
  }

  /** One page of the log after the last delivered cursor; replay stops once it reaches the live events. */
  private async readReplayPage(): Promise<void> {
    const page = await this.options.replay!(this.lastDelivered?.cursor ?? null);
    if (!this.replaying) return;
    const { liveFrom } = this.options;
    const last = page.at(-1);
    if (!last || liveFrom === null || last.sequence >= liveFrom) this.replaying = false;
    // Replayed events pass the same rules as live ones: a removal seen in replay ends the stream too.
    this.replayed = page;
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private close(): void {
    if (this.done) return;
    this.done = true;
    this.live.length = 0;
    this.replayed = [];
    this.wake();
    this.options.onClose();
  }
}

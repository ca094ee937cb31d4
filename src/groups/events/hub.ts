import type { Logger } from 'pino';
import { DomainError } from '../errors.js';
import { EventStream, type LogPosition, type StreamedEvent, type StreamRules } from './event-stream.js';

/**
 * One per instance: reads the released events from the log, in cursor order and each once, and
 * fans them out to this instance's streams. The log is the truth and a ring is only a doorbell:
 * whatever rang (this instance's own release, another instance's through Redis, the periodic
 * poll), the hub reads the log after the last cursor it delivered, so a lost, late or
 * out-of-order ring costs at most a poll interval, never an event.
 */

/** What the hub reads of the event log. */
export interface ReleasedEventLog<E extends StreamedEvent> {
  readAfter(cursor: string | null, limit: number): Promise<E[]>;
  /** The last event released, or null when none was. */
  latestPosition(): Promise<LogPosition | null>;
  /** The sequence behind a cursor the log gave (`InvalidInputError` for any other). */
  sequenceOf(cursor: string): number;
  /** True when a read failed because retention pruned events after the cursor it read after. */
  isExpired(error: unknown): boolean;
  /** Who hears of each event in their `viewerEvents` (by sequence): read once per page, whatever the number of streams. */
  viewerAudiences(events: readonly E[]): Promise<Map<number, readonly string[]>>;
}

/** Tells every instance a release happened (Redis pub/sub); a ring may be lost, duplicated or late. */
export interface Doorbell {
  ring(cursor: string): void;
  /** `null`: the doorbell may have missed rings (it reconnected): read the log. */
  onRing(listener: (cursor: string | null) => void): void;
  close(): Promise<void>;
}

export interface HubObserver {
  streamsOpen(kind: StreamKind, delta: number): void;
  delivered(kind: StreamKind): void;
  readFailed(): void;
}

export type StreamKind = 'group' | 'viewer';

export interface HubOptions<E extends StreamedEvent> {
  log: ReleasedEventLog<E>;
  /** Null: this instance hears only its own releases (and the poll). */
  doorbell: Doorbell | null;
  logger: Logger;
  /** How often the log is read whatever rang: the safety net, and the only path between instances without Redis. */
  pollMs: number;
  /** Live events one stream may hold for a slow subscriber (`EVENT_STREAM_BUFFER`). */
  bufferLimit: number;
  /** Streams this instance serves at once (`EVENT_MAX_STREAMS`), and per user (`EVENT_MAX_STREAMS_PER_USER`). */
  maxStreams: number;
  maxStreamsPerUser: number;
  observer?: HubObserver;
}

/** How many events one read of the log takes; the hub reads again until it is caught up. */
const READ_PAGE = 500;

/** A subscription refused because too many are open (`STREAM_LIMIT_REACHED`): retry later, or close one. */
export class StreamLimitError extends DomainError {
  constructor(readonly scope: 'instance' | 'user', readonly limit: number) {
    super(
      scope === 'instance'
        ? `This instance serves at most ${limit} event streams at once; retry later or on another instance.`
        : `A user may hold at most ${limit} event streams at once; close one first.`,
    );
  }
}

interface OpenStream<E extends StreamedEvent> {
  stream: EventStream<E>;
  /** The index it is filed under: `byGroup` by group id, or `byViewer` by user id. */
  index: Map<string, Set<OpenStream<E>>>;
  key: string;
}

export class EventHub<E extends StreamedEvent> {
  private last: LogPosition | null = null;
  private readonly byGroup = new Map<string, Set<OpenStream<E>>>();
  private readonly byViewer = new Map<string, Set<OpenStream<E>>>();
  private readonly perUser = new Map<string, number>();
  private open = 0;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private poll: NodeJS.Timeout | null = null;
  private closed = false;
  /** True once a ring or poll found no stream open and did not read: `last` may be behind the log. */
  private idle = false;

  constructor(private readonly options: HubOptions<E>) {}

  /** Starts at the log's latest cursor: a stream replays older events from the log itself. */
  async start(): Promise<void> {
    this.last = await this.options.log.latestPosition();
    this.options.doorbell?.onRing((cursor) => this.rang(cursor));
    this.poll = setInterval(() => this.catchUp(), this.options.pollMs).unref();
  }

  /** After this instance's release commits: read it, and ring every other instance. */
  released(cursor: string | null): void {
    if (cursor !== null) this.options.doorbell?.ring(cursor);
    this.rang(cursor);
  }

  /** Streams open now, for the gauge and for tests. */
  get openStreams(): number {
    return this.open;
  }

  /**
   * Registers a stream for `userId` (refused past the limits), then hands it its replay: live
   * events from this moment on are queued on it before the replay is read, so none falls between.
   */
  async openStream(input: {
    kind: StreamKind;
    userId: string;
    groupId: string | null;
    after: string | null;
    rules: StreamRules<E>;
    replay: (after: string | null) => Promise<E[]>;
  }): Promise<EventStream<E>> {
    const { maxStreams, maxStreamsPerUser, bufferLimit, log, observer } = this.options;
    if (this.idle) await this.skipIdleStretch();
    if (this.open >= maxStreams) throw new StreamLimitError('instance', maxStreams);
    const held = this.perUser.get(input.userId) ?? 0;
    if (held >= maxStreamsPerUser) throw new StreamLimitError('user', maxStreamsPerUser);
    const index = input.groupId === null ? this.byViewer : this.byGroup;
    const key = input.groupId ?? input.userId;
    const entry: OpenStream<E> = { index, key, stream: undefined as unknown as EventStream<E> };
    entry.stream = new EventStream<E>({
      rules: input.rules,
      startAfter: input.after === null ? this.last : { cursor: input.after, sequence: log.sequenceOf(input.after) },
      replay: input.after === null ? null : input.replay,
      liveFrom: this.last?.sequence ?? null,
      bufferLimit,
      onClose: () => this.forget(entry, input.userId, input.kind),
      onDelivered: () => observer?.delivered(input.kind),
    });
    this.open++;
    this.perUser.set(input.userId, held + 1);
    observer?.streamsOpen(input.kind, 1);
    let streams = index.get(key);
    if (!streams) index.set(key, (streams = new Set()));
    streams.add(entry);
    // Opened while the instance stops: it ends at once, so it cannot hold the drain.
    if (this.closed) entry.stream.end('shuttingDown');
    return entry.stream;
  }

  /** Ends every stream with a final item telling its subscriber to resume, and stops reading. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    for (const index of [this.byGroup, this.byViewer]) {
      for (const streams of index.values()) for (const entry of streams) entry.stream.end('shuttingDown');
    }
    await this.reading?.catch(() => undefined);
    await this.options.doorbell?.close();
  }

  private rang(cursor: string | null): void {
    if (cursor !== null && this.last !== null && safeSequence(this.options.log, cursor) <= this.last.sequence) return;
    this.catchUp();
  }

  /** One read at a time; a ring during a read asks for one more after it. */
  private catchUp(): void {
    if (this.closed) return;
    // Nobody to deliver to: no read (an idle instance costs its database nothing); the first stream skips ahead.
    if (this.open === 0) {
      this.idle = true;
      return;
    }
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readUntilCaughtUp()
      .catch((error: unknown) => {
        if (this.options.log.isExpired(error)) return this.expired();
        this.options.observer?.readFailed();
        this.options.logger.warn({ err: error }, 'reading released events failed; the next poll retries');
      })
      .finally(() => {
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          this.catchUp();
        }
      });
  }

  /**
   * The hub fell behind retention (its reads failed for longer than `EVENT_RETENTION_HOURS`): what
   * it missed is gone. Every stream ends with `lagged`; resuming, each learns its cursor expired
   * (and refetches); the next stream starts from the log's last position.
   */
  private expired(): void {
    this.options.logger.error('the event hub fell behind the events kept: every stream ends, its clients refetch');
    for (const index of [this.byGroup, this.byViewer]) {
      for (const streams of index.values()) for (const entry of streams) entry.stream.end('lagged');
    }
    this.idle = true;
  }

  /**
   * Before the first stream after an idle stretch: the log's last position, which no stream needs
   * anything before, unless a stream registered meanwhile (the reads then catch up from `last`).
   */
  private async skipIdleStretch(): Promise<void> {
    const latest = await this.options.log.latestPosition();
    if (this.open === 0 && latest !== null && (this.last === null || latest.sequence > this.last.sequence)) this.last = latest;
    this.idle = false;
  }

  private async readUntilCaughtUp(): Promise<void> {
    for (;;) {
      this.readAgain = false;
      const page = await this.options.log.readAfter(this.last?.cursor ?? null, READ_PAGE);
      const audiences = this.byViewer.size > 0 && page.length > 0 ? await this.options.log.viewerAudiences(page) : null;
      for (const event of page) this.fanOut(event, audiences?.get(event.sequence) ?? []);
      if (page.length < READ_PAGE || this.closed) return;
    }
  }

  private fanOut(event: E, audience: readonly string[]): void {
    if (this.last !== null && event.sequence <= this.last.sequence) return;
    this.last = event;
    for (const entry of this.byGroup.get(event.groupId) ?? []) entry.stream.offer(event);
    for (const userId of audience) for (const entry of this.byViewer.get(userId) ?? []) entry.stream.offer(event);
  }

  private forget(entry: OpenStream<E>, userId: string, kind: StreamKind): void {
    const streams = entry.index.get(entry.key);
    if (!streams?.delete(entry)) return;
    if (streams.size === 0) entry.index.delete(entry.key);
    this.open--;
    const held = (this.perUser.get(userId) ?? 1) - 1;
    if (held > 0) this.perUser.set(userId, held);
    else this.perUser.delete(userId);
    this.options.observer?.streamsOpen(kind, -1);
  }
}

/** A ring's cursor as a sequence; a ring that is no cursor (another deployment's, say) just asks for a read. */
function safeSequence(log: { sequenceOf(cursor: string): number }, cursor: string): number {
  try {
    return log.sequenceOf(cursor);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LimiterStats, RateBudget, SlotBackend, SlotLayout } from './rate-limit.js';
import { isSharedStateLost, sharedSlotKeys, withSlotScripts, type SharedSlotCommands, type SharedSlotKeys } from './shared-slots-scripts.js';
import { SlotQueue, type SlotAnswer, type SlotSource } from './slot-queue.js';

export interface SharedBudgetOptions {
  /** `redis://…`: every gateway instance pointing at it shares one budget per rate class. */
  url: string;
  /** Namespaces the limiter's Redis keys (several deployments may share one Redis). */
  keyPrefix: string;
  logger: Logger;
}

/** How often the cluster-wide counts are read (for load shedding); each read also notices a lost state. */
const STATS_INTERVAL_MS = 200;
/** An instance that has not reported its queue for this long is left out of the cluster-wide queue. */
const QUEUED_FRESH_MS = 2000;
/** A waiting instance asks again this often when every unit is in flight, in case no announcement reaches it. */
const FULL_RETRY_MS = 100;
/**
 * A command Redis has not answered by then fails: a Redis that stops answering without closing
 * the socket must refuse IM calls (as when it is unreachable), not hold the queue indefinitely.
 */
const COMMAND_TIMEOUT_MS = 500;
/** How long `stop` waits for the calls in flight to hand their units back. */
const STOP_WAIT_MS = 250;

/**
 * The budget every instance using this Redis shares: one connection for the rate classes' slots
 * (commands fail fast while Redis is unreachable, no offline queue: the limiter then refuses IM
 * calls rather than guess) and one subscribed to the announcements of freed slots.
 */
export class SharedBudget implements RateBudget {
  private readonly client: Redis & SharedSlotCommands;
  private readonly subscriber: Redis;
  /** Per freed-slots channel, the rate classes' slots (one per limiter) to wake. */
  private readonly listeners = new Map<string, Set<(afterMs: number) => void>>();

  constructor(private readonly options: SharedBudgetOptions) {
    const client = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    client.on('error', (error: Error) => options.logger.warn({ err: describe(error) }, 'redis connection error'));
    this.client = withSlotScripts(client);
    // Subscriptions wait for the connection (and are renewed after a reconnect); nothing here decides a call.
    this.subscriber = client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
    this.subscriber.on('error', () => undefined); // the command connection reports the same outage
    this.subscriber.on('message', (channel: string, freesInMs: string) => {
      for (const wake of this.listeners.get(channel) ?? []) wake(Number(freesInMs) || 0);
    });
  }

  slotsFor(layout: SlotLayout): SlotBackend {
    const keys = sharedSlotKeys(this.options.keyPrefix, layout.rateClass.name);
    const wake = (afterMs: number) => slots.wake(afterMs);
    const unlisten = () => this.unlisten(keys.freed, wake);
    const slots = new ClusteredSlots(this.client, keys, layout, this.options.logger, () => this.ping(), unlisten);
    const listening = this.listeners.get(keys.freed);
    if (listening) {
      listening.add(wake);
      return slots;
    }
    this.listeners.set(keys.freed, new Set([wake]));
    this.subscriber.subscribe(keys.freed).catch((error: unknown) => {
      this.options.logger.warn({ err: describe(error) }, 'could not subscribe to freed IM slots; waiting instances poll instead');
    });
    return slots;
  }

  /** A stopped limiter's slots no longer listen; the channel is left when none does. */
  private unlisten(channel: string, wake: (afterMs: number) => void): void {
    const listening = this.listeners.get(channel);
    if (!listening?.delete(wake) || listening.size > 0) return;
    this.listeners.delete(channel);
    this.subscriber.unsubscribe(channel).catch(() => undefined); // closing, or Redis gone: nothing to leave
  }

  /** True when Redis answers: for `/ready`, and for start-up, which waits for the first connection. */
  async ping(): Promise<boolean> {
    try {
      if (this.client.status === 'connecting' || this.client.status === 'wait') await this.connected(2000);
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  private connected(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.client.once('ready', done);
    });
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.subscriber.disconnect();
    this.client.disconnect();
  }
}

/**
 * One rate class's slots in Redis. A slot is taken by one script (atomic: at most `limit` units
 * counted) and given back by another at its call's answer, still counted for one window on Redis's
 * clock; a refused take learns when the next unit frees and asks again at that moment, so the
 * slot's next call starts within a round trip of its window's end, whichever instance waits for
 * it (the holder's own timer, late under load, no longer stands in between). A unit given back
 * unsent is announced so waiting instances ask at once. An instance that dies holding slots loses
 * them when they expire.
 *
 * When Redis forgets the budget (a restart, a FLUSHALL, an eviction) the loss is noticed on the
 * next take or stats read (at most 200 ms): this instance puts back the slots it still holds,
 * then takes none for one window (those of an instance that died are gone for good, and its
 * calls of that window with them, as are the windows Redis was counting for answered calls, each
 * ending at most one window and a margin after the loss: pausing is what keeps the budget strict). Waiting calls stay
 * queued and go on after the pause; nothing was sent for them.
 */
class ClusteredSlots implements SlotBackend, SlotSource {
  private readonly queue = new SlotQueue(this);
  private readonly clientId = randomBytes(8).toString('hex');
  /**
   * The units this instance holds, by lease, with when Redis expires them: what it puts back after
   * a loss. A lease being given back is left out: Redis may run its give-back before the
   * re-registration, which would then put it back for good (until it expires).
   */
  private readonly leases = new Map<string, { weight: number; expiresAt: number; givingBack: boolean }>();
  private token = randomBytes(8).toString('hex');
  /** Settles true once this instance has registered (its token is the one in force). */
  private registered: Promise<boolean>;
  private pausedUntil = 0;
  private recovering = false;
  private stopped = false;
  private cached: LimiterStats | null = null;
  private readonly poller: NodeJS.Timeout;

  constructor(
    private readonly client: Redis & SharedSlotCommands,
    private readonly keys: SharedSlotKeys,
    private readonly layout: SlotLayout,
    private readonly logger: Logger,
    connected: () => Promise<boolean>,
    private readonly unlisten: () => void,
  ) {
    // Redis unreachable at start-up: each take tries again until it registers.
    this.registered = connected().then(() => this.tryRegister());
    this.poller = setInterval(() => void this.readStats(), STATS_INTERVAL_MS).unref();
  }

  hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<boolean>): Promise<void> {
    return this.queue.hold(weight, deadlineAt, holder);
  }

  wake(afterMs: number): void {
    this.queue.wake(afterMs);
  }

  budgetStats(): LimiterStats | null {
    return this.cached;
  }

  /** Refuses the waiting calls; waits a moment for the calls in flight to hand their units back (or they expire). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    this.unlisten();
    this.queue.stop();
    for (const giveUpAt = Date.now() + STOP_WAIT_MS; this.leases.size > 0 && Date.now() < giveUpAt; ) await sleep(5);
  }

  async take(weight: number): Promise<SlotAnswer> {
    if (!(await this.registered)) this.registered = this.tryRegister();
    await this.registered;
    const pausedForMs = this.pausedUntil - Date.now();
    if (pausedForMs > 0) return { retryInMs: pausedForMs };
    const leaseId = randomBytes(8).toString('hex');
    const { expirationMs, countedAfterAnswerMs } = this.layout;
    const { limit } = this.layout.rateClass;
    const k = this.keys;
    const token = this.token;
    try {
      const { burst, intervalMs } = this.layout.pacing;
      const [taken, expiresOrWaitMs] = await this.client.imSlotTake(k.held, k.state, k.next, token, limit, weight, expirationMs, leaseId, burst, intervalMs);
      if (taken < 0) {
        // Paced, or a unit answered within the last window: free at a known moment; one in flight, when it is given back.
        return { retryInMs: expiresOrWaitMs <= countedAfterAnswerMs ? expiresOrWaitMs : FULL_RETRY_MS };
      }
      this.leases.set(leaseId, { weight, expiresAt: expiresOrWaitMs, givingBack: false });
      return { release: (sent) => this.release(leaseId, weight, sent) };
    } catch (error) {
      if (!isSharedStateLost(error)) {
        // A take that timed out may still run in Redis: the give-back, sent after it on the same
        // connection, frees its units then instead of at their expiry (a no-op if it never ran).
        this.client.imSlotRelease(k.held, leaseId, weight, k.freed, 0).catch(() => undefined);
        throw error;
      }
      this.recover(token);
      return { retryInMs: Math.max(1, this.pausedUntil - Date.now()) };
    }
  }

  /**
   * Gives the units back: at once when nothing was sent, else counted one window (and a margin)
   * more on Redis's clock, from the moment Redis hears of the answer (after it, whatever the clocks).
   */
  private async release(leaseId: string, weight: number, sent: boolean): Promise<void> {
    const keepMs = sent ? this.layout.countedAfterAnswerMs : 0;
    const lease = this.leases.get(leaseId);
    if (lease) lease.givingBack = true;
    try {
      await this.client.imSlotRelease(this.keys.held, leaseId, weight, this.keys.freed, keepMs);
    } catch (error) {
      // It expires in Redis instead: the budget stays strict, a little smaller until then.
      if (!this.stopped) this.logger.warn({ rateClass: this.layout.rateClass.name, err: describe(error) }, 'could not give an IM slot back to redis');
    } finally {
      this.leases.delete(leaseId);
    }
  }

  /** Writes a token (or adopts the one in force) and puts back the slots this instance still holds. */
  private async register(): Promise<void> {
    const pairs: Array<string | number> = [];
    for (const [leaseId, { weight, expiresAt, givingBack }] of this.leases) {
      if (givingBack) continue;
      for (let unit = 1; unit <= weight; unit++) pairs.push(`${leaseId}:${unit}`, expiresAt);
    }
    this.token = await this.client.imSlotRegister(this.keys.held, this.keys.state, randomBytes(8).toString('hex'), ...pairs);
  }

  /**
   * Pauses and registers again after a loss seen with `staleToken`; a command sent with an older
   * token than the one in force answers after a recovery already dealt with that loss.
   */
  private recover(staleToken: string): void {
    if (this.recovering || this.stopped || staleToken !== this.token) return;
    this.recovering = true;
    const pauseMs = this.layout.rateClass.windowMs + STATS_INTERVAL_MS;
    this.pausedUntil = Date.now() + pauseMs;
    this.cached = null;
    this.logger.warn(
      { rateClass: this.layout.rateClass.name, pauseMs },
      'redis lost the shared rate limit state: pausing IM calls, then rebuilding it',
    );
    this.registered = this.tryRegister().finally(() => {
      this.recovering = false;
    });
  }

  private tryRegister(): Promise<boolean> {
    return this.register().then(
      () => true,
      (error: unknown) => {
        this.logger.warn({ rateClass: this.layout.rateClass.name, err: describe(error) }, 'shared rate limit could not register with redis');
        return false;
      },
    );
  }

  private async readStats(): Promise<void> {
    if (this.stopped || this.recovering) return;
    const token = this.token;
    try {
      const k = this.keys;
      const [inUse, queued] = await this.client.imSlotStats(k.held, k.state, k.queued, token, this.clientId, this.queue.queuedWeight(), QUEUED_FRESH_MS);
      this.cached = { inUse, queued };
    } catch (error) {
      this.cached = null;
      if (isSharedStateLost(error)) this.recover(token);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

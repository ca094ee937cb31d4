import { setTimeout as sleep } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { bottleneckSettings, holdIn } from './local-budget.js';
import type { LimiterStats, RateBudget, SlotBackend, SlotLayout } from './rate-limit.js';

export interface SharedBudgetOptions {
  /** `redis://…`: every gateway instance pointing at it shares one budget per rate class. */
  url: string;
  /** Namespaces the limiter's Redis keys (several deployments may share one Redis). */
  keyPrefix: string;
  logger: Logger;
}

/** How often the cluster-wide queue and running counts are read for load shedding. */
const STATS_INTERVAL_MS = 200;
/** Bottleneck's heartbeat: how fast a lost Redis state is noticed. */
const HEARTBEAT_MS = 250;
/** An instance silent this long is considered dead and its slots are freed. */
const CLIENT_TIMEOUT_MS = 5000;

/**
 * The budget every instance using this Redis shares: one connection for all the rate classes'
 * slots. Commands fail fast while Redis is unreachable (no offline queue): the limiter then
 * refuses IM calls rather than guess.
 */
export class SharedBudget implements RateBudget {
  private readonly connection: Bottleneck.IORedisConnection;
  private readonly client: Redis;

  constructor(private readonly options: SharedBudgetOptions) {
    this.client = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    this.client.on('error', (error: Error) => options.logger.warn({ err: describe(error) }, 'redis connection error'));
    this.connection = new Bottleneck.IORedisConnection({ client: this.client });
    this.connection.on('error', (error: unknown) => options.logger.warn({ err: describe(error) }, 'redis limiter connection error'));
  }

  slotsFor(layout: SlotLayout): SlotBackend {
    return new ClusteredSlots(this.connection, layout, this.options);
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
    await this.connection.disconnect(false).catch(() => undefined);
    this.client.disconnect();
  }
}

/**
 * Bottleneck's clustered mode for one rate class, with what its stock version lacks on Redis 7:
 * when Redis forgets the limiter (a restart, a FLUSHALL, an eviction), Bottleneck's own
 * recovery never fires (it matches the error text exactly, and Redis 7 prefixes it), so every
 * job would fail. Here the loss is noticed on the first failing call or heartbeat, IM calls
 * pause for one window (the calls of that window are forgotten along with the state, so
 * pausing is what keeps the budget strict), and the Bottleneck is rebuilt: a new generation,
 * to which the calls still waiting move without having sent anything.
 */
class ClusteredSlots implements SlotBackend {
  private current: Bottleneck;
  private generation = 0;
  private recovery: Promise<void> | undefined;
  private stopped = false;
  private cached: LimiterStats | null = null;
  private readonly poller: NodeJS.Timeout;

  constructor(
    private readonly connection: Bottleneck.IORedisConnection,
    private readonly layout: SlotLayout,
    private readonly options: SharedBudgetOptions,
  ) {
    this.current = this.createBottleneck();
    this.poller = setInterval(() => void this.readStats(), STATS_INTERVAL_MS).unref();
  }

  async hold(weight: number, deadlineAt: number | undefined, holder: () => Promise<void>): Promise<void> {
    for (;;) {
      await this.untilRecovered(deadlineAt);
      const generation = this.generation;
      try {
        return await holdIn(this.current, weight, this.layout.expirationMs, holder);
      } catch (error) {
        // The slot was lost before the call started: nothing was sent. Once the Bottleneck is
        // rebuilt (or being rebuilt) it is asked for again; otherwise Redis cannot be consulted.
        this.noticeError(error);
        if (this.stopped || (!this.recovery && this.generation === generation)) throw error;
      }
    }
  }

  sharedStats(): LimiterStats | null {
    return this.cached;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poller);
    await this.current.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }

  private createBottleneck(): Bottleneck {
    const settings = bottleneckSettings(this.layout);
    const bottleneck = new Bottleneck({
      ...settings,
      id: `${this.options.keyPrefix}:${settings.id}`,
      datastore: 'ioredis',
      connection: this.connection,
      clearDatastore: false,
      heartbeatInterval: HEARTBEAT_MS,
      clientTimeout: CLIENT_TIMEOUT_MS,
    });
    // Only the current Bottleneck speaks for the budget: a retired one's errors are history.
    bottleneck.on('error', (error: unknown) => {
      if (bottleneck === this.current) this.noticeError(error);
    });
    // A Bottleneck whose registration failed (Redis unreachable at that moment) never works:
    // every call would wait on its failed start. It is replaced, as after a loss of state.
    bottleneck.ready().catch((error: unknown) => {
      if (this.current !== bottleneck) return;
      this.options.logger.warn({ rateClass: this.layout.rateClass.name, err: describe(error) }, 'shared rate limit could not register with redis');
      this.recover();
    });
    return bottleneck;
  }

  private noticeError(error: unknown): void {
    if (isStateLost(error)) this.recover();
  }

  private recover(): void {
    if (this.recovery || this.stopped) return;
    const pauseMs = this.layout.rateClass.windowMs + HEARTBEAT_MS;
    this.options.logger.warn(
      { rateClass: this.layout.rateClass.name, pauseMs },
      'redis lost the shared rate limit state: pausing IM calls, then rebuilding it',
    );
    this.recovery = sleep(pauseMs).then(() => {
      this.recovery = undefined;
      this.cached = null;
      this.rebuild();
    });
  }

  /** Replaces the Bottleneck; the calls still queued on the old one come back to `hold`, which asks the new one. */
  private rebuild(): void {
    if (this.stopped) return;
    const previous = this.current;
    this.generation++;
    this.current = this.createBottleneck();
    // The old one must also stop its heartbeat (Bottleneck's stop() does not), or it reports errors forever.
    void previous
      .stop({ dropWaitingJobs: true })
      .catch(() => undefined)
      .then(() => previous.disconnect(false))
      .catch(() => undefined);
  }

  /** Waits out a recovery, within the call's deadline: a call that cannot outlast it is refused (nothing sent). */
  private async untilRecovered(deadlineAt: number | undefined): Promise<void> {
    const recovery = this.recovery;
    if (!recovery) return;
    const budgetMs = deadlineAt === undefined ? Infinity : deadlineAt - Date.now();
    const timer = new AbortController();
    const inTime = await Promise.race([
      recovery.then(() => true),
      sleep(Math.max(0, Math.min(budgetMs, 2 ** 31 - 1)), undefined, { signal: timer.signal }).then(() => false, () => true),
    ]);
    timer.abort();
    if (!inTime) throw new Error('the shared rate limit is still being rebuilt at the call\'s deadline');
  }

  private async readStats(): Promise<void> {
    const bottleneck = this.current;
    if (this.recovery || this.stopped) return;
    try {
      const [inUse, queued] = await Promise.all([bottleneck.running(), bottleneck.clusterQueued()]);
      this.cached = { inUse, queued };
    } catch (error) {
      this.cached = null;
      this.noticeError(error);
    }
  }
}

/** Redis forgot the limiter's keys: Bottleneck says so, in words Redis 7 wraps in its own. */
function isStateLost(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return message.includes('SETTINGS_KEY_NOT_FOUND') || message.includes('UNKNOWN_CLIENT');
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

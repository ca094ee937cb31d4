import { setTimeout as sleep } from 'node:timers/promises';
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { BottleneckBackend, LimiterStats, RateClass } from './rate-limit.js';

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
 * One Redis connection shared by the rate classes' limiters. Commands fail fast while Redis
 * is unreachable (no offline queue): the limiter then refuses IM calls rather than guess.
 */
export class SharedBudget {
  readonly connection: Bottleneck.IORedisConnection;
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

  backend(rateClass: RateClass): RedisBackend {
    return new RedisBackend(this, rateClass, this.options);
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
 * pausing is what keeps the budget strict), and the limiter is rebuilt in a new generation.
 */
export class RedisBackend implements BottleneckBackend {
  private current: Bottleneck | null = null;
  private recovery: Promise<void> | undefined;
  private generationCount = 0;
  private cached: LimiterStats | null = null;
  private readonly poller: NodeJS.Timeout;
  private readonly recoveredListeners: Array<() => void> = [];

  constructor(
    private readonly budget: SharedBudget,
    private readonly rateClass: RateClass,
    private readonly options: SharedBudgetOptions,
  ) {
    this.poller = setInterval(() => void this.readStats(), STATS_INTERVAL_MS).unref();
  }

  create(settings: Bottleneck.ConstructorOptions): Bottleneck {
    const bottleneck = new Bottleneck({
      ...settings,
      id: `${this.options.keyPrefix}:${settings.id}`,
      datastore: 'ioredis',
      connection: this.budget.connection,
      clearDatastore: false,
      heartbeatInterval: HEARTBEAT_MS,
      clientTimeout: CLIENT_TIMEOUT_MS,
    });
    // A Bottleneck whose registration failed (Redis unreachable at that moment) never works:
    // every call would wait on its failed start. It is replaced, as after a loss of state.
    bottleneck.ready().catch((error: unknown) => {
      if (this.current !== bottleneck) return;
      this.options.logger.warn({ rateClass: this.rateClass.name, err: describe(error) }, 'shared rate limit could not register with redis');
      this.recover();
    });
    this.current = bottleneck;
    return bottleneck;
  }

  sharedStats(): LimiterStats | null {
    return this.cached;
  }

  onError(error: unknown): void {
    if (isStateLost(error)) this.recover();
  }

  ready(): Promise<void> | undefined {
    return this.recovery;
  }

  generation(): number {
    return this.generationCount;
  }

  onRecovered(callback: () => void): void {
    this.recoveredListeners.push(callback);
  }

  async stop(): Promise<void> {
    clearInterval(this.poller);
  }

  private recover(): void {
    if (this.recovery) return;
    const pauseMs = this.rateClass.windowMs + HEARTBEAT_MS;
    this.options.logger.warn({ rateClass: this.rateClass.name, pauseMs }, 'redis lost the shared rate limit state: pausing IM calls, then rebuilding it');
    this.recovery = sleep(pauseMs).then(() => {
      this.generationCount++;
      this.recovery = undefined;
      this.cached = null;
      for (const listener of this.recoveredListeners) {
        // A listener that throws must neither reject the recovery callers wait on nor go unhandled.
        try {
          listener();
        } catch (error) {
          this.options.logger.error({ rateClass: this.rateClass.name, err: describe(error) }, 'shared rate limit recovery listener failed');
        }
      }
    });
  }

  private async readStats(): Promise<void> {
    const bottleneck = this.current;
    if (!bottleneck || this.recovery) return;
    try {
      const [inUse, queued] = await Promise.all([bottleneck.running(), bottleneck.clusterQueued()]);
      this.cached = { inUse, queued };
    } catch (error) {
      this.cached = null;
      this.onError(error);
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

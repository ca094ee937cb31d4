import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort, killOnExit } from './processes.js';

/**
 * A private redis-server on its own free port, keeping nothing on disk: it may be flushed,
 * stopped and started again (empty: a restart loses every key) without touching the machine's
 * shared Redis. Nothing here imports vitest (see `test/fixtures/redis.ts` for the test side).
 */
export interface PrivateRedis {
  port: number;
  url: string;
  flushAll(): Promise<void>;
  /** SIGKILL; nothing when it is not running. */
  stop(): Promise<void>;
  /** Starts it again and waits until it answers; nothing when it is running. */
  start(): Promise<void>;
}

/** Whether `redis-server` can be started on this machine. */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

export interface RedisServerOptions {
  /** How often `start()` asks whether it answers yet (it gives up after about 5 s). Default 50 ms. */
  pollMs?: number;
}

/** Starts a redis-server on a free port and resolves once it answers PING. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  const start = async () => {
    if (server && server.exitCode === null && server.signalCode === null) return;
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    killOnExit(server);
    await untilRedisAnswers(url, options.pollMs);
  };
  const stop = async () => {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
    port,
    url,
    start,
    stop,
    async flushAll() {
      const client = new Redis(url);
      await client.flushall();
      client.disconnect();
    },
  };
}

/** Resolves once the Redis at `url` answers PING, asking every `pollMs`; throws after about 5 s. */
export async function untilRedisAnswers(url: string, pollMs = 50): Promise<void> {
  const attempts = Math.ceil(5000 / pollMs);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not yet
    } finally {
      client.disconnect();
    }
    await sleep(pollMs);
  }
  throw new Error(`redis-server did not answer at ${url}`);
}

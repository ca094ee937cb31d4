/**
 * The cluster scenario's scene: one IM Service emulator (in this process, default strict limits),
 * one private redis-server, N gateway processes (`node --import tsx src/main.ts`) on one fresh
 * PostgreSQL schema, and an HTTP pool per gateway; then all of it torn down again.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { freePort, spawnGateway, stopGateway, waitForLog, type GatewayProcess } from '../../test/kit/processes.js';
import { startRedisServer, type PrivateRedis } from '../../test/kit/redis-server.js';
import { emulatorLog } from '../../test/kit/emulator.js';
import type { ResolvedOptions } from './options.js';
import { CLUSTER_POSTGRES_URL, dropSchema } from './services.js';

export interface Gateway extends GatewayProcess {
  name: string;
  url: string;
}

/** What the scenario has started so far: filled in as it starts, so that `tearDown` stops exactly that. */
export interface Scene {
  runId: string;
  schema: string;
  emulator: RunningEmulator | null;
  redis: PrivateRedis | null;
  gateways: Gateway[];
  /** One per gateway, in the same order. */
  pools: Pool[];
}

export interface ReadyScene extends Scene {
  emulator: RunningEmulator;
  redis: PrivateRedis;
  /** The gateways' environment; its REDIS_KEY_PREFIX names the shared budget's keys. */
  env: Record<string, string>;
}

export function newScene(): Scene {
  const runId = randomBytes(4).toString('hex');
  return { runId, schema: `cluster_${runId}`, emulator: null, redis: null, gateways: [], pools: [] };
}

export async function setUp(scene: Scene, options: ResolvedOptions): Promise<ReadyScene> {
  const { runId, schema } = scene;
  const databaseUrl = new URL(CLUSTER_POSTGRES_URL);
  databaseUrl.searchParams.set('schema', schema);
  // Default (strict) limits: 100 group calls per rolling second.
  const emulator = (scene.emulator = await startEmulator({ appKey: `cluster-${runId}`, appSecret: randomBytes(16).toString('hex') }));
  options.onSecret?.(emulator.appSecret);
  const redis = (scene.redis = await startRedisServer({ pollMs: 25 }));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: `cluster-${runId}`,
    IM_APP_KEY: emulator.appKey,
    IM_APP_SECRET: emulator.appSecret,
    IM_API_URLS: emulator.url,
    IM_GROUP_RATE_LIMIT: '100',
    AUTH_MODE: 'dev',
    OUTBOX_POLL_MS: '100',
    // `gateway ready` is an info line; nothing is logged per request at info but the operation line.
    LOG_LEVEL: 'info',
    REQUEST_DEADLINE_MS: '20000',
    ...options.gatewayEnv,
  };
  // All at once, as a deployment starts them: the schema and its migrations are created concurrently.
  for (let i = 0; i < options.instances; i++) scene.gateways.push(startGateway(`gateway${i + 1}`, await freePort(), env));
  const startedAt = Date.now();
  await Promise.all(scene.gateways.map((gateway) => waitReady(gateway, 60_000)));
  options.progress(`${options.instances} gateways ready in ${Date.now() - startedAt} ms (schema ${schema}, redis ${redis.url})`);
  const connections = Math.ceil(options.concurrency / options.instances) + 4;
  for (const gateway of scene.gateways) scene.pools.push(new Pool(gateway.url, { connections }));
  return { ...scene, emulator, redis, env };
}

/** Stops whatever `scene` holds, hands every gateway's output on, and drops the schema; never throws. */
export async function tearDown(scene: Scene, options: ResolvedOptions): Promise<void> {
  const { runId, schema, emulator, redis, gateways, pools } = scene;
  await Promise.all(pools.map((pool) => pool.close().catch(() => undefined)));
  await Promise.all(gateways.map((gateway) => stopGateway(gateway)));
  for (const gateway of gateways) options.onOutput?.(gateway.output());
  const keepLogsIn = process.env.CLUSTER_KEEP_LOGS;
  if (keepLogsIn) {
    for (const gateway of gateways) writeFileSync(join(keepLogsIn, `${runId}-${gateway.name}.log`), gateway.output());
    if (emulator) writeFileSync(join(keepLogsIn, `${runId}-emulator.json`), JSON.stringify(await emulatorLog(emulator).catch(() => [])));
  }
  await redis?.stop().catch(() => undefined);
  await emulator?.close().catch(() => undefined);
  await dropSchema(schema).catch((error: unknown) =>
    options.progress(`could not drop schema ${schema}: ${error instanceof Error ? error.message : String(error)}`),
  );
}

function startGateway(name: string, port: number, env: Record<string, string>): Gateway {
  return { ...spawnGateway({ ...env, PORT: String(port) }), name, url: `http://127.0.0.1:${port}` };
}

async function waitReady(gateway: Gateway, timeoutMs: number): Promise<void> {
  try {
    await waitForLog(gateway, 'gateway ready', timeoutMs);
  } catch (error) {
    throw new Error(`${gateway.name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

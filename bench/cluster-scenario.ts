/**
 * The multi-instance scenario shared by `test/cluster/multi-instance.test.ts` and
 * `npm run bench:cluster`: three gateway processes (`node --import tsx src/main.ts`) sharing one PostgreSQL
 * schema, one private redis-server and one IM Service emulator (in this process), fed a backlog
 * of createGroup requests round-robin; every figure is read off the emulator's log and the store.
 *
 * It imports nothing from vitest (the benchmark runs it outside a test runner): the gateway
 * processes and the private redis-server come from `test/support/`, which does not either.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Pool } from 'undici';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { maxInAnyWindow, ratePerSecond } from '../src/emulator/log-stats.js';
import { mutationBody } from '../test/kit/client.js';
import { emulatorGroups, emulatorLog } from '../test/kit/emulator.js';
import { exitStatus, freePort, logLines, spawnGateway, stopGateway, waitForLog, type GatewayProcess } from '../test/kit/processes.js';
import { redisServerInstalled, startRedisServer, type PrivateRedis } from '../test/kit/redis-server.js';

/** The PostgreSQL the scenario uses; override with TEST_POSTGRES_URL. */
export const CLUSTER_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScenarioOptions {
  /** Gateway processes. Default 3. */
  instances?: number;
  /** createGroup requests, spread round-robin. Default 600. */
  requests?: number;
  /** Requests in flight at once (a backlog well past one second's budget). Default 150. */
  concurrency?: number;
  /**
   * createGroup requests per instance sent (and answered) before the measured ones, followed by a
   * pause of one window: freshly spawned processes are cold, and while their first requests crawl
   * through GraphQL and the store no backlog reaches the limiter. The warm-up groups are
   * checked like the others; the rate counts only the measured requests' calls. Default 20 (fewer
   * left the first 100 calls spread over 1.3-1.5 s on a 2-core machine); 0 measures cold processes.
   */
  warmupPerInstance?: number;
  /** Kill redis-server once this many requests were answered, wait `redisDownMs`, start it again (empty). */
  restartRedisAfterAnswers?: number;
  redisDownMs?: number;
  /** Gives up waiting for the outbox to drain after this long. Default 30 s. */
  drainTimeoutMs?: number;
  /** Progress lines (the benchmark sends them to stderr). */
  progress?: (line: string) => void;
  /** Every gateway's output and the emulator secret, for the test suite's leak check. */
  onSecret?: (secret: string) => void;
  onOutput?: (text: string) => void;
  /** Overrides of the gateways' environment (e.g. LOG_LEVEL=debug while investigating). */
  gatewayEnv?: Record<string, string>;
}

export interface RedisRestart {
  /** Epoch ms: redis-server killed, then answering again. */
  stoppedAt: number;
  backAt: number;
  /** The first group call the emulator saw after Redis was back, in ms after `backAt` (null: none). */
  firstCallAfterMs: number | null;
  /** The longest gap between two consecutive group calls from `stoppedAt` on. */
  longestGapMs: number;
  /** Group calls per second from the first call after `backAt` to the last create call. */
  rateAfterRecovery: number;
  /** Lines the gateways logged about losing the shared state. */
  stateLostLogs: number;
}

export interface ScenarioResult {
  instances: number;
  requests: number;
  /** Group calls (every path under /group/) in the busiest rolling 1000 ms. */
  maxInAnyWindow: number;
  /**
   * /group/create.json calls per second while the backlog lasted: from the moment the budget
   * was first full (the 100th call) to the last call. The ramp before it (requests still
   * arriving) is reported apart, as `details.first100Ms` and `details.rateFromFirstCall`.
   */
  ratePerSecond: number;
  /** Calls the emulator answered with code 1008. */
  rejected1008: number;
  /** Store rows beyond one per group id, plus create calls the IM Service acted on beyond one per group. */
  duplicates: number;
  details: {
    groupCalls: number;
    createCalls: number;
    /** /group/create.json calls answered 200. */
    createOk: number;
    storeGroups: number;
    storeDistinct: number;
    imGroups: number;
    /** Successful create calls beyond one per group. */
    imDuplicateCreates: number;
    missingInStore: string[];
    missingAtIm: string[];
    /** Groups whose members differ between the store, the IM Service and the request. */
    memberMismatches: string[];
    notSynced: number;
    pendingOutbox: number;
    failedOutbox: number;
    /** Final answers by `__typename` (after retries). */
    answers: Record<string, number>;
    /** Answers that were retried, by reason. */
    retries: Record<string, number>;
    /** Warm-up requests sent before the measured ones (see `ScenarioOptions.warmupPerInstance`). */
    warmupRequests: number;
    /** ms from the first request sent to the last answer. */
    loadMs: number;
    /** ms from the first request sent until the store was drained. */
    drainedAfterMs: number;
    /** Warnings and errors the gateways logged, by message (counts). */
    gatewayWarnings: Record<string, number>;
    /** Gateways that exited during the scenario (code or signal). */
    gatewayExits: string[];
    /** How long the first 100 create calls took to start (the ramp before the backlog forms). */
    first100Ms: number;
    /** Create calls per second from the 101st to the last: the backlog without the ramp. */
    steadyRatePerSecond: number;
    /** Create calls per second from the very first, ramp included. */
    rateFromFirstCall: number;
    /** Mean time between call k and call k+100 from the 101st on: one slot's cycle (window + margin + latency + hand-off). */
    slotCycleMs: number;
    /**
     * The group budget in Redis once every call's window has passed: slots still counted as taken
     * (should be 0) and the limiter clients registered (one per live gateway). Read from Bottleneck's
     * own keys (`b_<id>_settings`, `b_<id>_client_running`); null when Redis could not be read.
     */
    idleBudget: { runningSlots: number; clients: number } | null;
  };
  redisRestart: RedisRestart | null;
  /** Every broken invariant that is not a rate figure: empty when all is well. */
  problems: string[];
}

// ------------------------------------------------------------------ services

export type Availability = { ok: true } | { ok: false; reason: string };

/** PostgreSQL answers a query within 2 s. */
export async function probePostgres(url = CLUSTER_POSTGRES_URL): Promise<Availability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `PostgreSQL unreachable at ${hostOf(url)} (${error instanceof Error ? error.message || error.name : String(error)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** redis-server can be started here. */
export function probeRedisServer(): Availability {
  return redisServerInstalled() ? { ok: true } : { ok: false, reason: 'redis-server not found' };
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host || 'localhost'}${parsed.pathname}`;
}

/** Bottleneck's clustered state for the group rate class, once idle (see `ScenarioResult.details.idleBudget`). */
async function readIdleBudget(url: string, keyPrefix: string, idleSince: number): Promise<{ runningSlots: number; clients: number } | null> {
  const id = `${keyPrefix}:im-group`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    // Slots are held one window (and a margin) past each answer, then given back: allow for that and a heartbeat.
    await sleep(Math.max(0, idleSince + 1500 - Date.now()));
    let state = { runningSlots: -1, clients: 0 };
    for (const giveUpAt = Date.now() + 3000; ; await sleep(100)) {
      const [running, clients] = await Promise.all([client.hget(`b_${id}_settings`, 'running'), client.zcard(`b_${id}_client_running`)]);
      state = { runningSlots: Number(running ?? 0), clients };
      if (state.runningSlots === 0 || Date.now() > giveUpAt) return state;
    }
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

async function withPg<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ------------------------------------------------------------------ gateway processes

interface Gateway extends GatewayProcess {
  name: string;
  url: string;
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

// ------------------------------------------------------------------ the load

interface Planned {
  index: number;
  groupId: string;
  ownerId: string;
  memberIds: string[];
  key: string;
}

interface CreateAnswer {
  __typename?: string;
  retryAfterMs?: number;
  retryable?: boolean;
  message?: string;
  group?: { groupId: string; syncStatus: string; memberCount: number };
}

/** A retry's reason, or null when the answer is final. */
type Outcome = { final: string } | { retry: string; afterMs: number };

async function sendOnce(pool: Pool, request: Planned): Promise<Outcome> {
  const body = JSON.stringify(
    mutationBody('createGroup', { groupId: request.groupId, name: `Cluster ${request.index}`, memberIds: request.memberIds, idempotencyKey: request.key, notify: false }),
  );
  let status: number;
  let text: string;
  try {
    const response = await pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-user-id': request.ownerId },
      body,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    return { retry: `network: ${error instanceof Error ? error.message : String(error)}`, afterMs: 200 };
  }
  let answer: CreateAnswer | undefined;
  let errors: Array<{ message: string }> | undefined;
  try {
    const json = JSON.parse(text) as { data?: { createGroup?: CreateAnswer } | null; errors?: Array<{ message: string }> };
    answer = json.data?.createGroup;
    errors = json.errors;
  } catch {
    return { final: `HTTP ${status}: not JSON` };
  }
  if (!answer?.__typename) return { final: `HTTP ${status}: ${errors?.map((error) => error.message).join('; ') ?? text.slice(0, 200)}` };
  if (answer.__typename === 'RateLimitedError') return { retry: 'RateLimitedError', afterMs: Math.max(50, answer.retryAfterMs ?? 100) };
  if (answer.__typename === 'UpstreamError' && answer.retryable) return { retry: 'UpstreamError (retryable)', afterMs: 250 };
  if (answer.__typename === 'CreateGroupSuccess' && answer.group?.groupId !== request.groupId) {
    return { final: `CreateGroupSuccess for ${answer.group?.groupId ?? 'no group'}, expected ${request.groupId}` };
  }
  return { final: answer.__typename === 'CreateGroupSuccess' ? 'CreateGroupSuccess' : `${answer.__typename}: ${answer.message ?? ''}` };
}

/** The same request (same idempotency key) until a final answer, for at most `giveUpMs`. */
async function createWithRetries(pool: Pool, request: Planned, retries: Record<string, number>, giveUpMs: number): Promise<string> {
  const giveUpAt = Date.now() + giveUpMs;
  for (;;) {
    const outcome = await sendOnce(pool, request);
    if ('final' in outcome) return outcome.final;
    retries[outcome.retry] = (retries[outcome.retry] ?? 0) + 1;
    if (Date.now() > giveUpAt) return `gave up after retries (last: ${outcome.retry})`;
    // A little jitter, so that refused requests do not come back in one wave.
    await sleep(outcome.afterMs + Math.floor(Math.random() * 50));
  }
}

// ------------------------------------------------------------------ the scenario

interface StoreState {
  groups: number;
  distinct: number;
  notSynced: number;
  pendingOutbox: number;
  failedOutbox: number;
}

async function readStoreState(client: pg.Client, schema: string): Promise<StoreState> {
  const groups = await client.query<{ n: string; d: string; pending: string }>(
    `select count(*) as n, count(distinct group_id) as d, count(*) filter (where sync_status <> 'SYNCED') as pending from "${schema}".groups`,
  );
  const outbox = await client.query<{ pending: string; failed: string }>(
    `select count(*) filter (where status = 'PENDING') as pending, count(*) filter (where status = 'FAILED') as failed from "${schema}".outbox`,
  );
  return {
    groups: Number(groups.rows[0]!.n),
    distinct: Number(groups.rows[0]!.d),
    notSynced: Number(groups.rows[0]!.pending),
    pendingOutbox: Number(outbox.rows[0]!.pending),
    failedOutbox: Number(outbox.rows[0]!.failed),
  };
}

function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function longestGap(times: number[]): number {
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i]! - times[i - 1]!);
  return gap;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((value, i) => value === sortedB[i]);
}

/**
 * Runs the scenario once and tears everything down (gateways, redis-server, emulator, schema),
 * whatever happens. Throws only when the scene cannot be set up; broken invariants are in `problems`.
 */
export async function runClusterScenario(options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const instances = options.instances ?? 3;
  const requests = options.requests ?? 600;
  const concurrency = options.concurrency ?? 150;
  const progress = options.progress ?? (() => undefined);
  const runId = randomBytes(4).toString('hex');
  const schema = `cluster_${runId}`;
  const databaseUrl = new URL(CLUSTER_POSTGRES_URL);
  databaseUrl.searchParams.set('schema', schema);

  let emulator: RunningEmulator | null = null;
  let redis: PrivateRedis | null = null;
  const gateways: Gateway[] = [];
  const pools: Pool[] = [];
  try {
    // Default (strict) limits: 100 group calls per rolling second.
    emulator = await startEmulator({ appKey: `cluster-${runId}`, appSecret: randomBytes(16).toString('hex') });
    options.onSecret?.(emulator.appSecret);
    redis = await startRedisServer({ pollMs: 25 });
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
    for (let i = 0; i < instances; i++) gateways.push(startGateway(`gateway${i + 1}`, await freePort(), env));
    const startedAt = Date.now();
    await Promise.all(gateways.map((gateway) => waitReady(gateway, 60_000)));
    progress(`${instances} gateways ready in ${Date.now() - startedAt} ms (schema ${schema}, redis ${redis.url})`);
    for (const gateway of gateways) pools.push(new Pool(gateway.url, { connections: Math.ceil(concurrency / instances) + 4 }));

    const plan = (tag: string, index: number): Planned => ({
      index,
      groupId: `cl${runId}${tag}${index}`,
      ownerId: `owner${index % 7}`,
      memberIds: [`m${tag}${index}a`, `m${tag}${index}b`],
      key: `cluster-${runId}-${tag}${index}`,
    });
    const warmups = Array.from({ length: (options.warmupPerInstance ?? 20) * instances }, (_, index) => plan('w', index));
    const planned = Array.from({ length: requests }, (_, index) => plan('n', index));
    const everyGroup = [...warmups, ...planned];

    const answers: Record<string, number> = {};
    const retries: Record<string, number> = {};
    if (warmups.length > 0) {
      // A few at a time per instance, then one window's pause: the measured calls start on an idle budget.
      let nextWarmup = 0;
      const warmupWorker = async () => {
        for (let i = nextWarmup++; i < warmups.length; i = nextWarmup++) {
          const answer = await createWithRetries(pools[i % instances]!, warmups[i]!, retries, 60_000);
          answers[answer] = (answers[answer] ?? 0) + 1;
        }
      };
      await Promise.all(Array.from({ length: 4 * instances }, warmupWorker));
      await sleep(1200);
      progress(`warm-up: ${warmups.length} requests answered`);
    }
    let answered = 0;
    let restart: { stoppedAt: number; backAt: number } | null = null;
    let restarting: Promise<void> | null = null;
    const maybeRestartRedis = () => {
      if (restarting || options.restartRedisAfterAnswers === undefined || answered < options.restartRedisAfterAnswers) return;
      restarting = (async () => {
        const stoppedAt = Date.now();
        await redis!.stop();
        progress(`redis-server killed after ${answered} answers`);
        await sleep(options.redisDownMs ?? 300);
        await redis!.start();
        restart = { stoppedAt, backAt: Date.now() };
        progress(`redis-server back (empty) after ${restart.backAt - stoppedAt} ms`);
      })();
    };

    const loadStartedAt = Date.now();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < planned.length; i = next++) {
        const request = planned[i]!;
        const answer = await createWithRetries(pools[i % instances]!, request, retries, 60_000);
        answers[answer] = (answers[answer] ?? 0) + 1;
        answered++;
        maybeRestartRedis();
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, worker));
    if (restarting) await restarting;
    const loadMs = Date.now() - loadStartedAt;
    progress(`${requests} requests answered in ${loadMs} ms; answers (warm-up included): ${JSON.stringify(answers)}; retries ${JSON.stringify(retries)}`);

    // The outbox drains: every group SYNCED, no PENDING row (the dispatchers finish what the requests left).
    const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
    let state = await withPg(CLUSTER_POSTGRES_URL, (client) => readStoreState(client, schema));
    const drainGiveUpAt = Date.now() + drainTimeoutMs;
    while ((state.notSynced > 0 || state.pendingOutbox > 0) && Date.now() < drainGiveUpAt) {
      await sleep(200);
      state = await withPg(CLUSTER_POSTGRES_URL, (client) => readStoreState(client, schema));
    }
    const drainedAfterMs = Date.now() - loadStartedAt;

    // ---- what the store holds
    const { storeMembers, storeDuplicates } = await withPg(CLUSTER_POSTGRES_URL, async (client) => {
      const members = await client.query<{ group_id: string; user_id: string }>(`select group_id, user_id from "${schema}".group_members`);
      const dupes = await client.query<{ group_id: string; n: string }>(
        `select group_id, count(*) as n from "${schema}".groups group by group_id having count(*) > 1`,
      );
      const byGroup = new Map<string, string[]>();
      for (const row of members.rows) byGroup.set(row.group_id, [...(byGroup.get(row.group_id) ?? []), row.user_id]);
      const storeGroupIds = await client.query<{ group_id: string }>(`select group_id from "${schema}".groups`);
      for (const row of storeGroupIds.rows) if (!byGroup.has(row.group_id)) byGroup.set(row.group_id, []);
      return { storeMembers: byGroup, storeDuplicates: dupes.rows };
    });

    // ---- what the IM Service saw
    const log = await emulatorLog(emulator);
    const groupCalls = log.filter((entry) => entry.path.startsWith('/group/'));
    const createCalls = groupCalls.filter((entry) => entry.path === '/group/create.json');
    // The rate counts the measured requests' calls only: every warm-up call was answered before the pause.
    const createTimes = createCalls.filter((entry) => entry.at >= loadStartedAt).map((entry) => entry.at).sort((a, b) => a - b);
    const imGroups = await emulatorGroups(emulator);
    const imMembers = new Map(imGroups.map((group) => [group.groupId, group.members]));
    const createOk = createCalls.filter((entry) => entry.code === 200).length;
    const imDuplicateCreates = Math.max(0, createOk - imGroups.length);
    const storeExtraRows = state.groups - state.distinct;

    const missingInStore: string[] = [];
    const missingAtIm: string[] = [];
    const memberMismatches: string[] = [];
    for (const request of everyGroup) {
      const expected = [request.ownerId, ...request.memberIds];
      const inStore = storeMembers.get(request.groupId);
      const atIm = imMembers.get(request.groupId);
      if (!inStore) missingInStore.push(request.groupId);
      if (!atIm) missingAtIm.push(request.groupId);
      if ((inStore && !sameMembers(inStore, expected)) || (atIm && !sameMembers(atIm, expected))) {
        memberMismatches.push(`${request.groupId}: expected ${expected.join(',')}, store ${inStore?.join(',') ?? '-'}, IM ${atIm?.join(',') ?? '-'}`);
      }
    }
    const strangers = [...new Set([...storeMembers.keys(), ...imMembers.keys()])].filter((id) => !everyGroup.some((request) => request.groupId === id));

    // Read after the idle wait, like the gateways' logs below: a recovery that keeps recurring shows in both.
    const lastGroupCall = Math.max(...groupCalls.map((entry) => entry.at), Date.now() - 60_000);
    const idleBudget = await readIdleBudget(redis.url, env.REDIS_KEY_PREFIX!, lastGroupCall);
    const gatewayWarnings: Record<string, number> = {};
    for (const gateway of gateways) {
      for (const line of logLines(gateway.output())) {
        if (line.level >= 40) gatewayWarnings[line.msg] = (gatewayWarnings[line.msg] ?? 0) + 1;
      }
    }
    const steadyTimes = createTimes.slice(100);
    const cycles = createTimes.slice(200).map((at, i) => at - createTimes[i + 100]!);
    const gatewayExits = gateways.flatMap((gateway) => {
      const exit = exitStatus(gateway);
      return exit === null ? [] : [`${gateway.name}: ${exit}`];
    });

    const problems: string[] = [];
    const wrongAnswers = Object.entries(answers).filter(([answer]) => answer !== 'CreateGroupSuccess');
    if (wrongAnswers.length > 0) problems.push(`final answers other than CreateGroupSuccess: ${JSON.stringify(Object.fromEntries(wrongAnswers))}`);
    if (state.notSynced > 0 || state.pendingOutbox > 0) {
      problems.push(`not drained after ${drainTimeoutMs} ms: ${state.notSynced} groups not SYNCED, ${state.pendingOutbox} outbox rows PENDING`);
    }
    if (state.failedOutbox > 0) problems.push(`${state.failedOutbox} outbox rows FAILED`);
    if (missingInStore.length > 0) problems.push(`${missingInStore.length} groups missing in PostgreSQL, e.g. ${missingInStore.slice(0, 5).join(', ')}`);
    if (missingAtIm.length > 0) problems.push(`${missingAtIm.length} groups missing at the IM Service, e.g. ${missingAtIm.slice(0, 5).join(', ')}`);
    if (memberMismatches.length > 0) problems.push(`${memberMismatches.length} groups with other members, e.g. ${memberMismatches.slice(0, 3).join('; ')}`);
    if (strangers.length > 0) problems.push(`${strangers.length} groups nobody asked for, e.g. ${strangers.slice(0, 5).join(', ')}`);
    if (storeDuplicates.length > 0 || storeExtraRows > 0) problems.push(`PostgreSQL holds ${storeExtraRows} extra group rows (${storeDuplicates.map((row) => `${row.group_id}×${row.n}`).join(', ')})`);
    if (imDuplicateCreates > 0) problems.push(`the IM Service acted on ${imDuplicateCreates} create calls beyond one per group (${createOk} successful for ${imGroups.length} groups)`);
    if (gatewayExits.length > 0) problems.push(`gateways exited during the run: ${gatewayExits.join('; ')}`);

    let redisRestart: RedisRestart | null = null;
    const done = restart as { stoppedAt: number; backAt: number } | null;
    if (done) {
      const times = groupCalls.map((entry) => entry.at).sort((a, b) => a - b);
      const firstAfter = times.find((at) => at >= done.backAt);
      const fromStop = times.filter((at) => at >= done.stoppedAt);
      const lastCreate = createTimes.at(-1) ?? 0;
      const afterRecovery = createTimes.filter((at) => firstAfter !== undefined && at >= firstAfter && at <= lastCreate);
      redisRestart = {
        stoppedAt: done.stoppedAt,
        backAt: done.backAt,
        firstCallAfterMs: firstAfter === undefined ? null : firstAfter - done.backAt,
        longestGapMs: longestGap(fromStop),
        rateAfterRecovery: round(ratePerSecond(afterRecovery)),
        stateLostLogs: gateways.reduce(
          (count, gateway) => count + logLines(gateway.output()).filter((line) => line.msg.startsWith('redis lost the shared rate limit state')).length,
          0,
        ),
      };
    } else if (options.restartRedisAfterAnswers !== undefined) {
      problems.push('Redis was never restarted (too few answers?)');
    }

    return {
      instances,
      requests,
      maxInAnyWindow: maxInAnyWindow(groupCalls.map((entry) => entry.at)),
      ratePerSecond: round(ratePerSecond(steadyTimes)),
      rejected1008: log.filter((entry) => entry.code === 1008).length,
      duplicates: storeExtraRows + imDuplicateCreates,
      details: {
        groupCalls: groupCalls.length,
        createCalls: createCalls.length,
        createOk,
        storeGroups: state.groups,
        storeDistinct: state.distinct,
        imGroups: imGroups.length,
        imDuplicateCreates,
        missingInStore,
        missingAtIm,
        memberMismatches,
        notSynced: state.notSynced,
        pendingOutbox: state.pendingOutbox,
        failedOutbox: state.failedOutbox,
        answers,
        retries,
        warmupRequests: warmups.length,
        loadMs,
        drainedAfterMs,
        gatewayWarnings,
        gatewayExits,
        first100Ms: createTimes.length >= 100 ? createTimes[99]! - createTimes[0]! : NaN,
        steadyRatePerSecond: round(ratePerSecond(steadyTimes)),
        rateFromFirstCall: round(ratePerSecond(createTimes)),
        slotCycleMs: cycles.length > 0 ? round(cycles.reduce((sum, ms) => sum + ms, 0) / cycles.length, 1) : NaN,
        idleBudget,
      },
      redisRestart,
      problems,
    };
  } finally {
    await Promise.all(pools.map((pool) => pool.close().catch(() => undefined)));
    await Promise.all(gateways.map((gateway) => stopGateway(gateway)));
    for (const gateway of gateways) options.onOutput?.(gateway.output());
    if (process.env.CLUSTER_KEEP_LOGS) {
      const { writeFileSync } = await import('node:fs');
      for (const gateway of gateways) writeFileSync(join(process.env.CLUSTER_KEEP_LOGS, `${runId}-${gateway.name}.log`), gateway.output());
      if (emulator) writeFileSync(join(process.env.CLUSTER_KEEP_LOGS, `${runId}-emulator.json`), JSON.stringify(await emulatorLog(emulator).catch(() => [])));
    }
    await redis?.stop().catch(() => undefined);
    await emulator?.close().catch(() => undefined);
    await withPg(CLUSTER_POSTGRES_URL, (client) => client.query(`drop schema if exists "${schema}" cascade`)).catch((error: unknown) =>
      progress(`could not drop schema ${schema}: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

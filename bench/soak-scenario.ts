/**
 * The soak: gateway processes (`node --import tsx src/main.ts`) on one PostgreSQL schema, optionally sharing
 * a private redis-server, against one IM Service emulator (in this process) injecting the fault
 * mix, fed createGroup and addGroupMembers requests (with notices) the way a client would send
 * them: retried with the same idempotency key when the answer says so. Afterwards the faults
 * stop, the outbox drains, and the store is compared with the IM Service.
 * Used by `npm run bench:soak` and the red-team tests in test/resilience/red-team.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import type { Faults } from '../src/emulator/faults.js';
import { openStore, type Store } from '../src/groups/store/database.js';
import { compare, imGroups, noticeFigures, readStore } from '../test/kit/convergence.js';
import { exitStatus, freePort, spawnGateway, stopGateway, waitForLog, type GatewayProcess } from '../test/kit/processes.js';
import { startRedisServer, type PrivateRedis } from '../test/kit/redis-server.js';
import { CLUSTER_POSTGRES_URL, dropSchema } from './cluster/services.js';
import { mutationBody } from '../test/kit/client.js';

/** 500s, 504s (acted), hangs (acted, no answer), drops (not acted, no answer), 1008 storms. */
export const FAULT_MIX: Partial<Faults> = { error500Rate: 0.1, timeout504Rate: 0.05, hangRate: 0.02, dropRate: 0.03, rateLimitedRate: 0.02 };

export interface SoakOptions {
  instances?: number;
  redis?: boolean;
  faults?: Partial<Faults> | null;
  /** Logical changes to make (each may take several requests); stops earlier at `durationMs`. */
  changes?: number;
  durationMs?: number;
  /** Changes in flight at once. */
  concurrency?: number;
  /** Every n-th change adds a member to a group created earlier; the others create a group. 0: creates only. */
  addEvery?: number;
  drainTimeoutMs?: number;
  progress?: (line: string) => void;
  onSecret?: (secret: string) => void;
  onOutput?: (text: string) => void;
}

export interface SoakResult {
  requests: number;
  crashes: number;
  unanswered: number;
  lost: number;
  duplicateGroups: number;
  duplicateNotices: number;
  rssGrowthMb: number;
  details: {
    changes: number;
    answers: Record<string, number>;
    noticesExpected: number;
    noticesPublished: number;
    /** Notices never published: given up unconfirmed after an ambiguous failure (at most once). */
    noticesLost: number;
    unconfirmedNotices: number;
    storeGroups: number;
    imGroups: number;
    drained: boolean;
    gatewayExits: string[];
    problems: string[];
  };
}

interface Answer {
  typename: string | null;
  retryAfterMs?: number;
  retryable?: boolean;
}

async function post(url: string, query: string, variables: unknown, userId: string): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': userId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: Record<string, { __typename: string; retryAfterMs?: number; retryable?: boolean }>; errors?: Array<{ extensions?: { code?: string } }> };
    const result = body.data ? Object.values(body.data)[0] : undefined;
    if (result) return { typename: result.__typename, retryAfterMs: result.retryAfterMs, retryable: result.retryable };
    return { typename: `error:${body.errors?.[0]?.extensions?.code ?? response.status}` };
  } catch {
    return { typename: null };
  }
}

async function rssMb(url: string): Promise<number | null> {
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    const line = text.split('\n').find((entry) => entry.startsWith('process_resident_memory_bytes '));
    return line ? Number(line.split(' ')[1]) / 2 ** 20 : null;
  } catch {
    return null;
  }
}

export async function runSoak(options: SoakOptions = {}): Promise<SoakResult> {
  const { instances = 2, concurrency = 20, addEvery = 3, durationMs = 60_000, changes: maxChanges = Infinity } = options;
  const log = options.progress ?? (() => undefined);
  const schema = `soak_${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = new URL(CLUSTER_POSTGRES_URL);
  databaseUrl.searchParams.set('schema', schema);
  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    const emulator: RunningEmulator = await startEmulator({ appKey: 'soak-key', appSecret: randomBytes(16).toString('hex'), seed: 11 });
    cleanups.push(() => emulator.close());
    options.onSecret?.(emulator.appSecret);
    const redis: PrivateRedis | null = options.redis === false ? null : await startRedisServer();
    if (redis) cleanups.push(() => redis.stop());
    const env = {
      DATABASE_URL: databaseUrl.toString(),
      ...(redis ? { REDIS_URL: redis.url } : {}),
      IM_APP_KEY: emulator.appKey,
      IM_APP_SECRET: emulator.appSecret,
      IM_API_URLS: emulator.url,
      AUTH_MODE: 'dev',
      IM_CALL_TIMEOUT_MS: '1000',
      REQUEST_DEADLINE_MS: '1500',
      OUTBOX_LEASE_MS: '3000',
      OUTBOX_POLL_MS: '200',
      LOG_LEVEL: 'info',
    };
    const gateways: Array<GatewayProcess & { url: string }> = [];
    for (let i = 0; i < instances; i++) {
      const port = await freePort();
      const gateway = { ...spawnGateway({ ...env, PORT: String(port) }), url: `http://127.0.0.1:${port}` };
      gateways.push(gateway);
      cleanups.push(async () => {
        await stopGateway(gateway);
        options.onOutput?.(gateway.output());
      });
    }
    // One at a time: they migrate the same fresh schema.
    for (const gateway of gateways) await waitForLog(gateway, 'gateway ready', 60_000);
    // Warm up (JIT, pools), then read the memory the load starts from.
    let noticesExpected = 0;
    for (const [i, gateway] of gateways.entries()) {
      for (let k = 0; k < 20; k++) {
        const input = { groupId: `warm${i}_${k}`, name: `Warm ${k}`, memberIds: [`w${k}`], idempotencyKey: `warm${i}_${k}` };
        const { query, variables } = mutationBody('createGroup', input);
        const answer = await post(gateway.url, query, variables, 'warmup');
        if (answer.typename === 'CreateGroupSuccess') noticesExpected++;
      }
    }
    const rssBefore = await Promise.all(gateways.map((gateway) => rssMb(gateway.url)));
    if (options.faults !== null) emulator.setFaults(options.faults ?? FAULT_MIX);
    log(`load: ${instances} instances, faults ${JSON.stringify(options.faults ?? FAULT_MIX)}`);

    const answers: Record<string, number> = {};
    const created: string[] = [];
    let requests = 0;
    let unanswered = 0;
    let changes = 0;
    const stopAt = Date.now() + durationMs;
    const change = async (index: number) => {
      const gateway = () => gateways[requests % gateways.length]!;
      const isCreate = created.length === 0 || addEvery === 0 || index % addEvery !== addEvery - 1;
      const groupId = isCreate ? `soak${index}` : created[index % created.length]!;
      const owner = isCreate ? `owner${index % 20}` : `owner${Number(groupId.slice(4)) % 20}`;
      const { query, variables } = isCreate
        ? mutationBody('createGroup', { groupId, name: `Soak ${index}`, memberIds: [`m${index}`], idempotencyKey: `c${index}` })
        : mutationBody('addGroupMembers', { groupId, userIds: [`x${index}`], idempotencyKey: `a${index}` });
      for (let attempt = 0; attempt < 60; attempt++) {
        requests++;
        const answer = await post(gateway().url, query, variables, owner);
        if (answer.typename === null) unanswered++;
        const retry = answer.typename === null || answer.typename === 'RateLimitedError' || (answer.typename === 'UpstreamError' && answer.retryable);
        if (!retry || attempt === 59) {
          const final = answer.typename ?? 'unanswered';
          answers[final] = (answers[final] ?? 0) + 1;
          if (final.endsWith('Success')) {
            noticesExpected++;
            if (isCreate) created.push(groupId);
          }
          return;
        }
        await sleep(Math.min(answer.retryAfterMs ?? 100, 500));
      }
    };
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (changes < maxChanges && Date.now() < stopAt) await change(changes++);
      }),
    );
    log(`load done: ${changes} changes, ${requests} requests; draining`);

    emulator.setFaults({ error500Rate: 0, timeout504Rate: 0, hangRate: 0, dropRate: 0, rateLimitedRate: 0 });
    const store: Store = await openStore(databaseUrl.toString());
    cleanups.push(() => store.close());
    const giveUpAt = Date.now() + (options.drainTimeoutMs ?? 120_000);
    let state = await readStore(store.db);
    while ((state.pendingRows > 0 || state.notSynced.length > 0) && Date.now() < giveUpAt) {
      await sleep(500);
      state = await readStore(store.db);
    }
    const rssAfter = await Promise.all(gateways.map((gateway) => rssMb(gateway.url)));
    const gatewayExits = gateways.flatMap((gateway, i) => (exitStatus(gateway) === null ? [] : [`instance ${i}: ${exitStatus(gateway)}`]));
    const im = await imGroups(emulator.url);
    const { mismatched, extraAtIm } = compare(state.groups, im);
    const inStore = new Set(state.groups.map((group) => group.groupId));
    const missingFromStore = created.filter((groupId) => !inStore.has(groupId));
    const notices = await noticeFigures(emulator.url);
    const problems = [
      ...(state.pendingRows > 0 ? [`${state.pendingRows} outbox rows still pending`] : []),
      ...(state.notSynced.length > 0 ? [`${state.notSynced.length} groups not SYNCED`] : []),
      ...Object.keys(answers).filter((name) => name.startsWith('error:') || name === 'unanswered').map((name) => `${answers[name]} answered ${name}`),
    ];
    return {
      requests,
      crashes: gatewayExits.length,
      unanswered,
      lost: mismatched.length + missingFromStore.length,
      duplicateGroups: extraAtIm.length,
      duplicateNotices: notices.duplicates,
      rssGrowthMb: Math.round(Math.max(0, ...rssAfter.map((after, i) => (after ?? 0) - (rssBefore[i] ?? 0))) * 10) / 10,
      details: {
        changes,
        answers,
        noticesExpected,
        noticesPublished: notices.published,
        noticesLost: Math.max(0, noticesExpected - notices.distinct),
        unconfirmedNotices: state.unconfirmedNotices,
        storeGroups: state.groups.length,
        imGroups: im.length,
        drained: state.pendingRows === 0,
        gatewayExits,
        problems,
      },
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await dropSchema(schema).catch(() => undefined);
  }
}

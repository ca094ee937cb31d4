/**
 * What the cluster scenario left behind, read once the load is over: the store (after the outbox
 * drained), the IM Service emulator's log and groups, the shared budget in Redis once idle, and the
 * gateways' own logs and exits. Nothing here judges; `verify.ts` does.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type pg from 'pg';
import type { LoggedRequest, RunningEmulator } from '../../src/emulator/index.js';
import { GROUP_CALLS } from '../../src/im/rate-limit.js';
import { sharedSlotKeys } from '../../src/im/shared-slots-scripts.js';
import { exitStatus, logLines } from '../../test/kit/processes.js';
import { emulatorGroups, emulatorLog } from '../../test/kit/emulator.js';
import type { ScenarioResult } from './result.js';
import { CLUSTER_POSTGRES_URL, withPg } from './services.js';
import type { ReadyScene } from './setup.js';

export interface StoreState {
  groups: number;
  distinct: number;
  notSynced: number;
  pendingOutbox: number;
  failedOutbox: number;
}

export interface Observation {
  /** The store's counts once drained (or when the drain timed out). */
  state: StoreState;
  /** ms from the first measured request until the store was drained. */
  drainedAfterMs: number;
  /** Members by group id, for every group row (a group without members maps to []). */
  storeMembers: Map<string, string[]>;
  /** Group ids with more than one row. */
  storeDuplicates: Array<{ group_id: string; n: string }>;
  log: LoggedRequest[];
  imGroups: Array<{ groupId: string; members: string[] }>;
  idleBudget: ScenarioResult['details']['idleBudget'];
  gatewayWarnings: Record<string, number>;
  gatewayExits: string[];
  /** Lines the gateways logged about losing the shared rate limit state. */
  stateLostLogs: number;
}

export async function observe(scene: ReadyScene, loadStartedAt: number, drainTimeoutMs: number): Promise<Observation> {
  const { schema } = scene;
  // The outbox drains: every group SYNCED, no PENDING row (the dispatchers finish what the requests left).
  let state = await withPg(CLUSTER_POSTGRES_URL, (client) => readStoreState(client, schema));
  const drainGiveUpAt = Date.now() + drainTimeoutMs;
  while ((state.notSynced > 0 || state.pendingOutbox > 0) && Date.now() < drainGiveUpAt) {
    await sleep(200);
    state = await withPg(CLUSTER_POSTGRES_URL, (client) => readStoreState(client, schema));
  }
  const drainedAfterMs = Date.now() - loadStartedAt;

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

  const log = await emulatorLog(scene.emulator);
  const imGroups = await emulatorGroups(scene.emulator);

  // Read after the idle wait, like the gateways' logs below: a recovery that keeps recurring shows in both.
  const groupCallTimes = log.filter((entry) => entry.path.startsWith('/group/')).map((entry) => entry.at);
  const lastGroupCall = Math.max(...groupCallTimes, Date.now() - 60_000);
  const idleBudget = await readIdleBudget(scene.redis.url, scene.env.REDIS_KEY_PREFIX!, lastGroupCall);
  const gatewayWarnings: Record<string, number> = {};
  let stateLostLogs = 0;
  for (const gateway of scene.gateways) {
    for (const line of logLines(gateway.output())) {
      if (line.level >= 40) gatewayWarnings[line.msg] = (gatewayWarnings[line.msg] ?? 0) + 1;
      if (line.msg.startsWith('redis lost the shared rate limit state')) stateLostLogs++;
    }
  }
  const gatewayExits = scene.gateways.flatMap((gateway) => {
    const exit = exitStatus(gateway);
    return exit === null ? [] : [`${gateway.name}: ${exit}`];
  });
  return { state, drainedAfterMs, storeMembers, storeDuplicates, log, imGroups, idleBudget, gatewayWarnings, gatewayExits, stateLostLogs };
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

/** The shared budget's state for the group rate class, once idle (see `ScenarioResult.details.idleBudget`). */
async function readIdleBudget(url: string, keyPrefix: string, idleSince: number): Promise<{ runningSlots: number; clients: number } | null> {
  const keys = sharedSlotKeys(keyPrefix, GROUP_CALLS.name);
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    // Slots are held one window (and a margin) past each answer, then given back: allow for that and a heartbeat.
    await sleep(Math.max(0, idleSince + 1500 - Date.now()));
    let state = { runningSlots: -1, clients: 0 };
    for (const giveUpAt = Date.now() + 3000; ; await sleep(100)) {
      // Units whose expiry is still ahead: given back units are gone, a dead instance's expire.
      const [running, clients] = await Promise.all([client.zcount(keys.held, `(${Date.now()}`, '+inf'), client.hlen(keys.queued)]);
      state = { runningSlots: running, clients };
      if (state.runningSlots === 0 || Date.now() > giveUpAt) return state;
    }
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually } from '../fixtures/gateway.js';
import { imGroups as imGroupsAt, type GroupState } from '../kit/convergence.js';
import { startFailoverScene, type FailoverScene } from '../kit/failover.js';
import type { GatewayKit } from '../kit/gateway-kit.js';
import { emulatorLog } from '../fixtures/im.js';
import { describeEachStore } from '../fixtures/stores.js';

const GROUPS = 300;
const MEMBER_CHANGES = 300;
const WORKERS = 24;

/** Answers worth retrying: nothing happened, or the gateway asked to come back. */
function shouldRetry(typename: string | undefined, retryable?: boolean): boolean {
  return typename === undefined || typename === 'RateLimitedError' || (typename === 'UpstreamError' && retryable === true);
}

/** Runs `tasks` with `workers` at a time. */
async function inParallel(tasks: Array<() => Promise<void>>, workers: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

describeEachStore('under IM faults: 500s, 504s, hangs, 1008 storms, and the primary down', (target) => {
  let backup: RunningEmulator;
  let fixture: GatewayKit;
  let scene: FailoverScene;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  const created = new Set<string>();

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    scene = await startFailoverScene(target, {
      seed: 7,
      faults: { error500Rate: 0.1, timeout504Rate: 0.05, hangRate: 0.02 },
    });
    ({ kit: fixture, backup } = scene);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await scene.close();
  });

  it('answers every request, and converges so that the store and the IM Service agree', async () => {
    const createTasks = Array.from({ length: GROUPS }, (_, i) => async () => {
      const input = { groupId: `fault${i}`, name: `Fault ${i}`, memberIds: [`m${i}a`, `m${i}b`], idempotencyKey: `create-${i}` };
      for (let attempt = 0; attempt < 40; attempt++) {
        const result = (await fixture.response.createGroup({ ...input, notify: false }, { as: `owner${i % 10}` })).data?.createGroup;
        if (result?.__typename === 'CreateGroupSuccess') return void created.add(input.groupId);
        if (!shouldRetry(result?.__typename, result?.__typename === 'UpstreamError' ? result.retryable : undefined)) {
          throw new Error(`createGroup ${i} answered ${JSON.stringify(result)}`);
        }
        await sleep(result?.__typename === 'RateLimitedError' ? Math.min(result.retryAfterMs, 500) : 50);
      }
      throw new Error(`createGroup ${i} never succeeded`);
    });
    await inParallel(createTasks, WORKERS);
    expect(created.size).toBe(GROUPS);

    // A 1008 storm from other tenants in the middle of the member changes.
    const storm = (async () => {
      await sleep(500);
      backup.setFaults({ rateLimitedRate: 0.5 });
      await sleep(1500);
      backup.setFaults({ rateLimitedRate: 0 });
    })();
    const changeTasks = Array.from({ length: MEMBER_CHANGES }, (_, i) => async () => {
      const groupId = `fault${i % GROUPS}`;
      const owner = `owner${(i % GROUPS) % 10}`;
      for (let attempt = 0; attempt < 40; attempt++) {
        const response =
          i % 3 === 2
            ? (await fixture.response.removeGroupMembers({ groupId, userIds: [`m${i % GROUPS}a`], notify: false }, { as: owner })).data?.removeGroupMembers
            : (await fixture.response.addGroupMembers({ groupId, userIds: [`extra${i}`], idempotencyKey: `add-${i}`, notify: false }, { as: owner })).data?.addGroupMembers;
        if (response?.__typename.endsWith('Success')) return;
        if (!shouldRetry(response?.__typename, response?.__typename === 'UpstreamError' ? response.retryable : undefined)) {
          throw new Error(`change ${i} answered ${JSON.stringify(response)}`);
        }
        await sleep(100);
      }
      throw new Error(`change ${i} never succeeded`);
    });
    await inParallel(changeTasks, WORKERS);
    await storm;

    // The outbox drains once the faults stop mattering.
    backup.setFaults({ error500Rate: 0, timeout504Rate: 0, hangRate: 0 });
    const db = fixture.app.store.db;
    await eventually(async () => (await db.selectFrom('outbox').select('id').where('status', '=', 'PENDING').execute()).length === 0, 30_000, 200);

    const stored = await db.selectFrom('groups').selectAll().where('dismissed_at', 'is', null).orderBy('group_id').execute();
    const members = await db.selectFrom('group_members').select(['group_id', 'user_id']).execute();
    const storeGroups: GroupState[] = stored.map((group) => ({
      groupId: group.group_id,
      name: group.name,
      members: members.filter((m) => m.group_id === group.group_id).map((m) => m.user_id).sort(),
    }));
    const imGroups = await imGroupsAt(backup.url);

    expect(stored.every((group) => group.sync_status === 'SYNCED')).toBe(true);
    expect(storeGroups).toHaveLength(GROUPS);
    expect(imGroups).toEqual(storeGroups);
    expect(unhandled).toEqual([]);

    // The faults did happen: otherwise this test would prove nothing.
    const codes = new Set((await emulatorLog(backup)).map((entry) => entry.code));
    for (const code of [1000, 1050, 1008, null]) expect(codes).toContain(code);
    expect(fixture.logLines.some((line) => line.includes('im origin failing, switching'))).toBe(true);
  }, 120_000);
});

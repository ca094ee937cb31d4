import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually } from '../fixtures/gateway.js';
import { emulatorLog } from '../fixtures/im.js';
import { describeEachStore } from '../fixtures/stores.js';
import { moderationMismatches } from '../kit/convergence.js';
import { startFailoverScene, type FailoverScene } from '../kit/failover.js';
import type { GatewayKit } from '../kit/gateway-kit.js';

/**
 * Moderation under the fault mix (500s, 504s, hangs, a 1008 storm, the primary down): every
 * mute, unmute, whole-group mute and role change is answered, retried by the client with its
 * idempotency key where the answer says so, and once the faults stop the IM Service holds
 * exactly what the store says about who may speak.
 */
const GROUPS = 12;
const MEMBERS = 30;

type Answer = { __typename: string; retryable?: boolean } | null | undefined;

function shouldRetry(answer: Answer): boolean {
  return !answer || answer.__typename === 'RateLimitedError' || (answer.__typename === 'UpstreamError' && answer.retryable === true);
}

describeEachStore('moderation under IM faults', (target) => {
  let backup: RunningEmulator;
  let kit: GatewayKit;
  let scene: FailoverScene;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    scene = await startFailoverScene(target, { seed: 11 });
    ({ kit, backup } = scene);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await scene.close();
  });

  /** Sends one change until it is answered for good; the same idempotency key every time. */
  async function settle(send: (idempotencyKey: string) => Promise<Answer>, idempotencyKey: string): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const answer = await send(idempotencyKey);
      if (answer?.__typename.endsWith('Success')) return;
      if (!shouldRetry(answer)) throw new Error(`${idempotencyKey} answered ${JSON.stringify(answer)}`);
      await sleep(100);
    }
    throw new Error(`${idempotencyKey} never succeeded`);
  }

  it('answers every change, and converges: the IM Service holds the store’s bans, whitelists and gags', async () => {
    const groupIds = Array.from({ length: GROUPS }, (_, i) => `modfault${i}`);
    const membersOf = (i: number) => Array.from({ length: MEMBERS }, (_, m) => `g${i}m${m}`);
    for (const [i, groupId] of groupIds.entries()) {
      await settle((key) => kit.createGroup({ groupId, name: `Moderated ${i}`, memberIds: membersOf(i), notify: false, idempotencyKey: key }, { as: 'boss' }), `create-${i}`);
      await settle((key) => kit.setGroupMemberRole({ groupId, userId: membersOf(i)[0]!, role: 'ADMIN', idempotencyKey: key }, { as: 'boss' }), `admin-${i}`);
    }

    backup.setFaults({ error500Rate: 0.1, timeout504Rate: 0.05, hangRate: 0.02 });
    const storm = (async () => {
      await sleep(300);
      backup.setFaults({ rateLimitedRate: 0.5 });
      await sleep(1000);
      backup.setFaults({ rateLimitedRate: 0 });
    })();
    await Promise.all(
      groupIds.map(async (groupId, i) => {
        const members = membersOf(i);
        await settle((key) => kit.muteGroupMembers({ groupId, userIds: members.slice(2), minutes: 30, idempotencyKey: key }, { as: 'boss' }), `mute-${i}`);
        await settle((key) => kit.setGroupMuted({ groupId, muted: true, idempotencyKey: key }, { as: members[0]! }), `ban-${i}`);
        await settle((key) => kit.unmuteGroupMembers({ groupId, userIds: members.slice(2, 7), idempotencyKey: key }, { as: 'boss' }), `unmute-${i}`);
        await settle((key) => kit.setGroupMemberRole({ groupId, userId: members[1]!, role: 'ADMIN', idempotencyKey: key }, { as: 'boss' }), `promote-${i}`);
        if (i % 2 === 0) await settle((key) => kit.transferGroupOwnership({ groupId, userId: members[8]!, notify: false, idempotencyKey: key }, { as: 'boss' }), `transfer-${i}`);
        if (i % 3 === 0) await settle((key) => kit.setGroupMuted({ groupId, muted: false, idempotencyKey: key }, { as: 'boss' }), `unban-${i}`);
      }),
    );
    await storm;

    backup.setFaults({ error500Rate: 0, timeout504Rate: 0, hangRate: 0 });
    const db = kit.app.store.db;
    await eventually(async () => (await db.selectFrom('outbox').select('id').where('status', '=', 'PENDING').execute()).length === 0, 30_000, 200);

    const statuses = await db.selectFrom('groups').select('sync_status').execute();
    expect(statuses.every((group) => group.sync_status === 'SYNCED')).toBe(true);
    expect(await moderationMismatches(db, backup.url)).toEqual([]);
    const banned = await db.selectFrom('groups').select('group_id').where('muted', '=', 1).execute();
    expect(banned).toHaveLength(GROUPS - Math.ceil(GROUPS / 3));
    expect(unhandled).toEqual([]);

    // The faults did happen: otherwise this test would prove nothing.
    const codes = new Set((await emulatorLog(backup)).map((entry) => entry.code));
    for (const code of [1000, 1050, 1008, null]) expect(codes).toContain(code);
  }, 120_000);
});

import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup, emulatorLog, emulatorMessages } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { ConfigError, loadConfig, type Config } from '../../src/config.js';

/**
 * A notice never fails, withdraws or undoes the change it describes: only group calls decide
 * that. And the request's deadline never cuts a publish mid-way (a publish cut so may have gone
 * out, and is never repeated): a notice not through in time follows through the outbox. Notices
 * that ride their group call (Create, Add, Quit, Rename) leave no row of their own: the ones that
 * stay publishes here are Transfer (no group call) and the leading Kicked and Dismiss.
 */

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function notices(fixture: GatewayKit, groupId: string) {
  return fixture.app.store.db
    .selectFrom('outbox')
    .select(['status', 'last_error'])
    .where('group_id', '=', groupId)
    .where('kind', '=', 'publishNotification')
    .orderBy('id')
    .execute();
}

async function group(fixture: GatewayKit, groupId: string) {
  return fixture.app.store.db.selectFrom('groups').selectAll().where('group_id', '=', groupId).executeTakeFirstOrThrow();
}

describeEachStore('notices never fail their change', (target) => {
  async function gateway(config: Partial<Config>): Promise<GatewayKit> {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, outbox: { leaseMs: 15_000, pollMs: 50 }, ...config } });
    opened.push({ fixture, database });
    return fixture;
  }

  async function create(fixture: GatewayKit, groupId: string, memberIds: string[]): Promise<void> {
    const created = await fixture.response.createGroup({ groupId, name: groupId, memberIds }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
  }

  /**
   * A backlog of publishes: Create notices of other groups, each naming members enough that it
   * cannot ride its create call (the bundle limit), so it queues as a publish of its own.
   */
  async function createNoticeBacklog(fixture: GatewayKit, count: number): Promise<void> {
    const members = Array.from({ length: 250 }, (_, i) => `member${String(i).padStart(3, '0')}${'x'.repeat(55)}`);
    for (let i = 0; i < count; i++) await create(fixture, `flood${i}`, members);
  }

  it('a transfer whose notice the IM Service answers 1008 stands, and its notice follows once the limit passes', { timeout: 30_000 }, async () => {
    const fixture = await gateway({ requestDeadlineMs: 1000 });
    await create(fixture, 'club', ['bob']);
    // The Create notice rode the create call: no row of its own.
    await eventually(async () => (await emulatorMessages(fixture.emulator)).length === 1);

    fixture.emulator.setFaults({ rateLimitedRate: 1 });
    const transferred = await fixture.response.transferGroupOwnership({ groupId: 'club', userId: 'bob' }, { as: 'alice' });
    expect(transferred.errors).toBeUndefined();
    expect(transferred.data?.transferGroupOwnership.__typename).toBe('TransferGroupOwnershipSuccess');
    expect((await group(fixture, 'club')).owner_id).toBe('bob');

    fixture.emulator.setFaults({ rateLimitedRate: 0 });
    await eventually(async () => (await notices(fixture, 'club'))[0]?.status === 'DONE', 15_000);
    expect((await group(fixture, 'club')).owner_id).toBe('bob');
    expect(await emulatorMessages(fixture.emulator)).toHaveLength(2);
  });

  it('a removal and a dismissal behind a backlog of notices stand, PENDING, and reach the IM Service in order', { timeout: 60_000 }, async () => {
    const fixture = await gateway({ requestDeadlineMs: 300, rateLimits: { group: 100, publish: 2 } });
    await create(fixture, 'club', ['bob', 'carol']);
    await create(fixture, 'gone', ['bob']);
    // The backlog: publishes of other groups' notices, past the publish budget (2 per second).
    await createNoticeBacklog(fixture, 8);

    const removed = await fixture.response.removeGroupMembers({ groupId: 'club', userIds: ['bob'] }, { as: 'alice' });
    expect(removed.data?.removeGroupMembers.__typename).toBe('RemoveGroupMembersSuccess');
    const dismissed = await fixture.response.dismissGroup({ groupId: 'gone' }, { as: 'alice' });
    expect(dismissed.data?.dismissGroup.__typename).toBe('DismissGroupSuccess');
    expect((await group(fixture, 'gone')).dismissed_at).not.toBeNull();

    await eventually(async () => (await group(fixture, 'club')).sync_status === 'SYNCED' && (await group(fixture, 'gone')).sync_status === 'SYNCED', 40_000);
    expect((await emulatorGroup(fixture.emulator, 'club'))?.members).toEqual(['alice', 'carol']);
    expect((await emulatorGroup(fixture.emulator, 'gone'))?.members ?? []).toEqual([]);
    // Each leading notice (Kicked, Dismiss) was published, on its own, before its group call.
    expect((await notices(fixture, 'club')).map((row) => row.status)).toEqual(['DONE']);
    expect((await notices(fixture, 'gone')).map((row) => row.status)).toEqual(['DONE']);
    const log = await emulatorLog(fixture.emulator);
    const messages = await emulatorMessages(fixture.emulator);
    const publishedAt = (groupId: string, operation: string) =>
      messages.find((message) => message.toGroupId === groupId && JSON.stringify(message.content).includes(`"operation":"${operation}"`))!.at as number;
    const answeredAt = (path: string) => log.find((entry) => entry.path === path && entry.code === 200)!.at;
    expect(answeredAt('/group/quit.json')).toBeGreaterThanOrEqual(publishedAt('club', 'Kicked'));
    expect(answeredAt('/group/dismiss.json')).toBeGreaterThanOrEqual(publishedAt('gone', 'Dismiss'));
  });

  it('a notice due as the request deadline nears is published once, with a full attempt, never cut by the deadline', { timeout: 60_000 }, async () => {
    // A healthy but slow IM Service: every call takes 1.8 s, the request's deadline is 2 s.
    const fixture = await gateway({ requestDeadlineMs: 2000, imCallTimeoutMs: 5000 });
    fixture.emulator.setFaults({ latencyMs: 1800 });
    // Creates whose notices ride their calls, then transfers whose notices are publishes of their own.
    for (const groupId of ['one', 'two', 'three']) await create(fixture, groupId, ['bob']);
    for (const groupId of ['one', 'two', 'three']) {
      const transferred = await fixture.response.transferGroupOwnership({ groupId, userId: 'bob' }, { as: 'alice' });
      expect(transferred.data?.transferGroupOwnership.__typename).toBe('TransferGroupOwnershipSuccess');
    }

    await eventually(async () => (await emulatorMessages(fixture.emulator)).length === 6, 30_000);
    for (const groupId of ['one', 'two', 'three']) {
      await eventually(async () => (await notices(fixture, groupId))[0]?.status === 'DONE', 15_000);
    }
    const text = await (await fetch(`${fixture.url}/metrics`)).text();
    expect(text).toMatch(/^outbox_notices_unconfirmed_total 0$/m);
  });

  it('stop() waits for a poll pass under way: no row is claimed once it returns', async () => {
    const fixture = await gateway({});
    await create(fixture, 'club', ['bob']);
    await eventually(async () => (await group(fixture, 'club')).sync_status === 'SYNCED');
    const { dispatcher, repositories } = fixture.app;
    await dispatcher.stop();
    const notice = { kind: 'publishNotification', groupId: 'club', fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Test' } };
    await repositories.outbox.insert(fixture.app.store.db, { groupId: 'club', kind: notice.kind, payload: notice, now: Date.now() });

    // The loop's first pass starts just as the process stops.
    dispatcher.start();
    await dispatcher.stop();
    const atStop = await notices(fixture, 'club');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing moved after stop() returned, and the notice was not claimed: it goes at the next start.
    expect(await notices(fixture, 'club')).toEqual(atStop);
    const row = await fixture.app.store.db.selectFrom('outbox').select(['status', 'locked_until']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'PENDING', locked_until: null });
    dispatcher.start();
    await eventually(async () => (await notices(fixture, 'club'))[0]?.status === 'DONE');
  });
});

describe('OUTBOX_LEASE_MS', () => {
  it('must leave a full IM call timeout and a second inside a claim, or no notice would ever be published', () => {
    expect(loadConfig({ OUTBOX_LEASE_MS: '6000', IM_CALL_TIMEOUT_MS: '5000' }).outbox.leaseMs).toBe(6000);
    expect(() => loadConfig({ OUTBOX_LEASE_MS: '5999', IM_CALL_TIMEOUT_MS: '5000' })).toThrow(ConfigError);
    expect(() => loadConfig({ OUTBOX_LEASE_MS: '2000' })).toThrow(/OUTBOX_LEASE_MS.*IM_CALL_TIMEOUT_MS/);
  });
});

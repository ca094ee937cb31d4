import { afterEach, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { eventually } from '../fixtures/gateway.js';
import { emulatorGroup, emulatorLog, emulatorMessages } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * Notices that trail their group call ride it (`bindNotifyMsg`): Create on the create, Add on the
 * join, Quit on the quit, Rename on the refresh (the last call of several), inside the group
 * budget. A bound notice reaches the IM Service at most once: a call carrying it that may have
 * acted is not repeated within the attempt, and later attempts send the call bare (a call that
 * certainly did nothing gives it back: `notice-state.test.ts`). Leading notices
 * (Kicked, Dismiss) and notices too large to ride stay publishes of their own.
 */

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function calls(fixture: GatewayKit, path: string): Promise<number> {
  return (await emulatorLog(fixture.emulator)).filter((entry) => entry.path === path).length;
}

async function operations(fixture: GatewayKit, groupId: string): Promise<string[]> {
  const messages = await emulatorMessages(fixture.emulator);
  return messages.filter((message) => message.toGroupId === groupId).map((message) => String((message.content as { operation?: unknown }).operation));
}

async function unconfirmedMetric(fixture: GatewayKit): Promise<number> {
  const text = await (await fetch(`${fixture.url}/metrics`)).text();
  return Number(text.split('\n').find((line) => line.startsWith('outbox_notices_unconfirmed_total '))?.split(' ')[1]);
}

async function syncStatus(fixture: GatewayKit, groupId: string): Promise<string> {
  return (await fixture.app.store.db.selectFrom('groups').select('sync_status').where('group_id', '=', groupId).executeTakeFirstOrThrow()).sync_status;
}

async function givenUpNotices(fixture: GatewayKit) {
  return fixture.app.store.db.selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'publishNotification').execute();
}

async function noticeRows(fixture: GatewayKit): Promise<number> {
  return (await fixture.app.store.db.selectFrom('outbox').select('id').where('kind', '=', 'publishNotification').execute()).length;
}

describeEachStore('notices bundled into group calls', (target) => {
  async function gateway(config: Partial<Config> = {}): Promise<GatewayKit> {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, outbox: { leaseMs: 15_000, pollMs: 50 }, ...config } });
    opened.push({ fixture, database });
    return fixture;
  }

  it('Create, Add, Quit and Rename each reach the group once, with their call, and no publish; Kicked and Dismiss still go first, on their own', async () => {
    const fixture = await gateway();
    const as = { as: 'alice' };
    expect((await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob'] }, as)).data?.createGroup.__typename).toBe('CreateGroupSuccess');
    expect((await fixture.response.addGroupMembers({ groupId: 'club', userIds: ['carol', 'dave'] }, as)).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    expect((await fixture.response.leaveGroup({ groupId: 'club' }, { as: 'bob' })).data?.leaveGroup.__typename).toBe('LeaveGroupSuccess');
    expect((await fixture.response.updateGroup({ groupId: 'club', name: 'Book club' }, as)).data?.updateGroup.__typename).toBe('UpdateGroupSuccess');
    // Answered once their group calls settled: the notices are there already.
    expect(await operations(fixture, 'club')).toEqual(['Create', 'Add', 'Quit', 'Rename']);
    expect(await calls(fixture, '/message/group/publish.json')).toBe(0);
    expect(await noticeRows(fixture)).toBe(0);

    expect((await fixture.response.removeGroupMembers({ groupId: 'club', userIds: ['dave'] }, as)).data?.removeGroupMembers.__typename).toBe('RemoveGroupMembersSuccess');
    expect((await fixture.response.dismissGroup({ groupId: 'club' }, as)).data?.dismissGroup.__typename).toBe('DismissGroupSuccess');
    await eventually(async () => (await operations(fixture, 'club')).length === 6);
    expect(await operations(fixture, 'club')).toEqual(['Create', 'Add', 'Quit', 'Rename', 'Kicked', 'Dismiss']);
    expect(await calls(fixture, '/message/group/publish.json')).toBe(2);
    // Each leading notice was published before its call arrived.
    const log = await emulatorLog(fixture.emulator);
    const publishes = log.flatMap((entry, at) => (entry.path === '/message/group/publish.json' ? [at] : []));
    // The removal's quit is the last quit (bob's leave came before); the dismissal has one call.
    expect(publishes[0]).toBeLessThan(log.findLastIndex((entry) => entry.path === '/group/quit.json'));
    expect(publishes[1]).toBeLessThan(log.findIndex((entry) => entry.path === '/group/dismiss.json'));
    expect(await unconfirmedMetric(fixture)).toBe(0);
  });

  for (const [fault, published] of [
    ['timeout504', 1],
    ['error500', 0],
  ] as const) {
    it(`a bound create answered ${fault} is finished by the outbox without its notice: ${published} message, never two`, { timeout: 30_000 }, async () => {
      const fixture = await gateway({ requestDeadlineMs: 2000 });
      fixture.emulator.setFaults({ failNext: [fault] });
      const created = await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob'] }, { as: 'alice' });
      // The IM Service may have acted: the change stands, pending, and the outbox finishes it.
      expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
      await eventually(async () => (await syncStatus(fixture, 'club')) === 'SYNCED', 15_000);
      expect((await emulatorGroup(fixture.emulator, 'club'))?.members).toEqual(['alice', 'bob']);
      // Time for any repeat to show up (the outbox retries after about a second).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await calls(fixture, '/group/create.json')).toBe(2);
      expect(await operations(fixture, 'club')).toHaveLength(published);
      expect(await unconfirmedMetric(fixture)).toBe(1);
      // Kept for an operator as a publish given up is: a FAILED notice row, holding nothing.
      expect(await givenUpNotices(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
    });
  }

  it('a bound call that times out at the client is not repeated with its notice: one message', { timeout: 30_000 }, async () => {
    const fixture = await gateway({ requestDeadlineMs: 3000, imCallTimeoutMs: 400, outbox: { leaseMs: 2000, pollMs: 50 } });
    // The IM Service acts, but answers after the client gave up on the attempt.
    fixture.emulator.setFaults({ latencyMs: 700 });
    const created = await fixture.response.createGroup({ groupId: 'slow', name: 'Slow', memberIds: ['bob'] }, { as: 'alice' });
    fixture.emulator.setFaults({ latencyMs: 0 });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    await eventually(async () => (await syncStatus(fixture, 'slow')) === 'SYNCED', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await operations(fixture, 'slow')).toEqual(['Create']);
    expect(await calls(fixture, '/group/create.json')).toBeGreaterThanOrEqual(2);
    expect(await unconfirmedMetric(fixture)).toBe(1);
    expect(await givenUpNotices(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
  });

  it('a bound call whose dispatcher died holding it is sent again once the claim lapses, without its notice', async () => {
    const fixture = await gateway();
    expect((await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob'], notify: false }, { as: 'alice' })).data?.createGroup.__typename).toBe(
      'CreateGroupSuccess',
    );
    const { outbox } = fixture.app.repositories;
    await fixture.app.dispatcher.stop();
    // A join another instance claimed, with its Add notice bound, and then died holding (it may have sent both).
    const notice = { fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Add' } };
    const join = { kind: 'joinGroup', groupId: 'club', userIds: ['carol'], notice };
    const id = await outbox.insert(fixture.app.store.db, { groupId: 'club', kind: join.kind, payload: join, now: Date.now() });
    expect(await outbox.claim(id, Date.now(), 300)).toBeDefined();
    fixture.app.dispatcher.start();

    await eventually(async () => (await outbox.get(id))?.status === 'DONE', 10_000);
    expect((await emulatorGroup(fixture.emulator, 'club'))?.members).toEqual(['alice', 'bob', 'carol']);
    expect(await emulatorMessages(fixture.emulator)).toEqual([]);
    expect(await givenUpNotices(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
    expect(await unconfirmedMetric(fixture)).toBe(1);
    expect(fixture.logLines.filter((line) => line.includes('bound notice interrupted mid-call'))).toHaveLength(1);
  });

  it('a create of more than 1000 users binds its notice to the last call, once every member is in', { timeout: 30_000 }, async () => {
    const fixture = await gateway();
    const members = Array.from({ length: 1499 }, (_, i) => `u${i}`);
    const created = await fixture.response.createGroup({ groupId: 'many', name: 'Many', memberIds: members }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    expect(await operations(fixture, 'many')).toEqual(['Create']);
    expect(await calls(fixture, '/message/group/publish.json')).toBe(0);
    const log = await emulatorLog(fixture.emulator);
    const [message] = await emulatorMessages(fixture.emulator);
    // Sent with the join of the last 500, not with the create of the first 1000.
    expect(log.filter((entry) => entry.path === '/group/join.json')).toHaveLength(1);
    expect(message!.at).toBeGreaterThanOrEqual(log.find((entry) => entry.path === '/group/join.json')!.at);
    expect((await emulatorGroup(fixture.emulator, 'many'))?.members).toHaveLength(1500);
  });

  it('a notice too large to ride its call stays a publish; every part arrives once', { timeout: 30_000 }, async () => {
    const fixture = await gateway();
    const members = Array.from({ length: 250 }, (_, i) => `member${String(i).padStart(3, '0')}${'x'.repeat(55)}`);
    const created = await fixture.response.createGroup({ groupId: 'big', name: 'Big', memberIds: members }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    const rows = await noticeRows(fixture);
    expect(rows).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await operations(fixture, 'big')).length === rows);
    expect(new Set(await operations(fixture, 'big'))).toEqual(new Set(['Create']));
    expect(await calls(fixture, '/message/group/publish.json')).toBe(rows);
    expect(await calls(fixture, '/group/create.json')).toBe(1);
  });

  it('notify: false binds nothing to the calls: no message at all', async () => {
    const fixture = await gateway();
    const quiet = { notify: false };
    const as = { as: 'alice' };
    expect((await fixture.response.createGroup({ groupId: 'quiet', name: 'Quiet', memberIds: ['bob'], ...quiet }, as)).data?.createGroup.__typename).toBe('CreateGroupSuccess');
    expect((await fixture.response.addGroupMembers({ groupId: 'quiet', userIds: ['carol'], ...quiet }, as)).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    expect((await fixture.response.leaveGroup({ groupId: 'quiet', ...quiet }, { as: 'bob' })).data?.leaveGroup.__typename).toBe('LeaveGroupSuccess');
    expect((await fixture.response.updateGroup({ groupId: 'quiet', name: 'Hush', ...quiet }, as)).data?.updateGroup.__typename).toBe('UpdateGroupSuccess');
    expect(await syncStatus(fixture, 'quiet')).toBe('SYNCED');
    // The emulator records every bound message: none means no call carried one.
    expect(await emulatorMessages(fixture.emulator)).toEqual([]);
    expect(await calls(fixture, '/group/create.json')).toBe(1);
  });
});

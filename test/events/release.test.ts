import { expect, it } from 'vitest';
import type { GroupEvent } from '../../src/groups/events/event.js';
import { eventually } from '../fixtures/gateway.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { describeEachStore } from '../fixtures/stores.js';
import { ADMIN, MEMBER, OWNER, eventKinds, nextGroupId, storedGroup } from '../kit/factories.js';
import { useStoreGateways, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * An event is seen only once its change stands: never for a change the IM Service refused
 * (undone) or never heard of (withdrawn), and for a change still on its way (PENDING) only once
 * the outbox delivered it, after the group's earlier changes. `onReleased` hears of each after commit.
 */
async function group(kit: GatewayKit, memberIds = [ADMIN, MEMBER]): Promise<string> {
  const groupId = nextGroupId('rel');
  await kit.must.createGroup({ groupId, name: 'Release', memberIds, notify: false }, { as: OWNER });
  // Under a short deadline on a busy machine the create itself may answer PENDING: the tests start from a group that stands.
  await eventually(async () => (await storedGroup(kit, groupId))?.syncStatus === 'SYNCED');
  return groupId;
}

describeEachStore('events are released once their change stands', (target) => {
  const gateway = useStoreGateways(target);

  it('an IM refusal (the change undone) leaves no event, and holds none of the group\'s later ones', async () => {
    const kit = await gateway({ config: { maxGroupMembers: 5 } });
    const groupId = await group(kit);
    // Drift: the IM Service holds two members the store does not know of, so it refuses the next join (1002, over its cap).
    await kit.app.im.joinGroup({ groupId, userIds: ['ghost1', 'ghost2'] });

    const answer = await kit.addGroupMembers({ groupId, userIds: ['newcomer'], notify: false }, { as: OWNER });
    expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: 1002, retryable: false });
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });

    expect(await eventKinds(kit, groupId)).toEqual(['GroupCreated', 'MemberRoleChanged']);
    expect((await kit.app.events.readAfter(null, 100)).map((event) => event.kind)).not.toContain('MembersAdded');
    expect(await kit.app.store.db.selectFrom('group_events').select('kind').where('kind', '=', 'MembersAdded').execute()).toEqual([]);
  });

  it('a withdrawn change (the IM Service unreachable) leaves no event, and holds none of the group\'s later ones', async () => {
    const emulator = await startFixtureEmulator();
    const kit = await gateway({ emulator, config: { requestDeadlineMs: 1000 } });
    const groupId = await group(kit);
    await emulator.close();

    const answer = await kit.addGroupMembers({ groupId, userIds: ['newcomer'], notify: false }, { as: OWNER });
    expect(answer).toMatchObject({ __typename: 'UpstreamError', retryable: true });
    // A change that sends nothing goes through while the IM Service is away.
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });

    expect(await eventKinds(kit, groupId)).toEqual(['GroupCreated', 'MemberRoleChanged']);
  });

  it('a PENDING change appears only once the outbox delivered it, and a later change of the group only after it', async () => {
    const kit = await gateway({ config: { requestDeadlineMs: 300 } });
    const groupId = await group(kit);
    kit.emulator.setFaults({ hangRate: 1 });

    const answer = await kit.addGroupMembers({ groupId, userIds: ['late'], notify: false }, { as: OWNER });
    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', group: { syncStatus: 'PENDING' } });
    // Committed, and sends nothing, but comes after the pending addition: it waits for it.
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect(await eventKinds(kit, groupId)).toEqual(['GroupCreated']);

    kit.emulator.setFaults({ hangRate: 0 });
    await eventually(async () => (await storedGroup(kit, groupId))?.syncStatus === 'SYNCED', 20_000);
    await expectKindsSoon(kit, groupId, ['GroupCreated', 'MembersAdded', 'MemberRoleChanged']);
  });

  it('a change given up after OUTBOX_MAX_ATTEMPTS stays in the store, FAILED, and so its events are released', async () => {
    const kit = await gateway({ config: { requestDeadlineMs: 500, outbox: { leaseMs: 15_000, pollMs: 100, maxAttempts: 2 } } });
    const groupId = await group(kit);
    kit.emulator.setFaults({ code1000Groups: [groupId], code1000Status: 200 });

    const answer = await kit.addGroupMembers({ groupId, userIds: ['stormed'], notify: false }, { as: OWNER });
    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', group: { syncStatus: 'PENDING' } });
    expect(await eventKinds(kit, groupId)).toEqual(['GroupCreated']);

    await eventually(async () => (await storedGroup(kit, groupId))?.syncStatus === 'FAILED', 20_000);
    await expectKindsSoon(kit, groupId, ['GroupCreated', 'MembersAdded']);
  });

  it('onReleased hears of each event once, after its transaction committed, whether released at commit or by the outbox; a failing listener fails nothing', async () => {
    const kit = await gateway({ config: { requestDeadlineMs: 300 } });
    const heard: Array<{ kinds: string[]; readable: Promise<boolean> }> = [];
    kit.app.events.onReleased((events) => {
      // Read at once through the pool: the events are there only if their transaction committed.
      const readable = kit.app.events.readGroupAfter(events[0]!.groupId, null, 100).then((found) => events.every((event) => found.some((seen) => seen.cursor === event.cursor)));
      heard.push({ kinds: events.map((event) => event.kind), readable });
    });
    kit.app.events.onReleased(() => {
      throw new Error('listener bug');
    });
    kit.app.events.onReleased(async () => Promise.reject(new Error('async listener bug')));

    const groupId = await group(kit);
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    kit.emulator.setFaults({ hangRate: 1 });
    await kit.must.updateGroup({ groupId, name: 'Later' }, { as: OWNER });
    expect(heard.map((entry) => entry.kinds)).toEqual([['GroupCreated'], ['MemberRoleChanged']]);
    kit.emulator.setFaults({ hangRate: 0 });
    await eventually(async () => heard.length === 3, 20_000);

    expect(heard.map((entry) => entry.kinds)).toEqual([['GroupCreated'], ['MemberRoleChanged'], ['GroupProfileUpdated']]);
    expect(await Promise.all(heard.map((entry) => entry.readable))).toEqual([true, true, true]);
    expect(kit.logLines.filter((line) => line.includes('event listener failed'))).toHaveLength(6);
  });

  it('an event names its group, actor, time and users, and its cursor orders it after every event released before it', async () => {
    const kit = await gateway();
    const before = Date.now();
    const groupId = await group(kit);
    await kit.must.addGroupMembers({ groupId, userIds: ['x', 'y'], notify: false }, { as: OWNER });
    const events: GroupEvent[] = await kit.app.events.readGroupAfter(groupId, null, 10);
    expect(events.map(({ kind, groupId: id, actorId, userIds }) => ({ kind, id, actorId, userIds }))).toEqual([
      { kind: 'GroupCreated', id: groupId, actorId: OWNER, userIds: [OWNER, ADMIN, MEMBER] },
      { kind: 'MembersAdded', id: groupId, actorId: OWNER, userIds: ['x', 'y'] },
    ]);
    for (const event of events) expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(events[1]!.sequence).toBeGreaterThan(events[0]!.sequence);
    expect(await kit.app.events.latestCursor()).toBe(events[1]!.cursor);
  });
});

/**
 * A release the outbox made in the background (a delivery, a give-up) reaches the log through the
 * releaser, a moment after the group's status changed: wait for it (bounded), then assert exactly.
 */
async function expectKindsSoon(kit: GatewayKit, groupId: string, kinds: string[]): Promise<void> {
  await eventually(async () => JSON.stringify(await eventKinds(kit, groupId)) === JSON.stringify(kinds), 5_000).catch(() => undefined);
  expect(await eventKinds(kit, groupId)).toEqual(kinds);
}

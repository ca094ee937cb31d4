import { beforeAll, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { maxInAnyWindow } from '../fixtures/im.js';
import { describeEachStore } from '../fixtures/stores.js';
import { emulatorLog, emulatorModeration } from '../kit/emulator.js';
import { ADMIN, groupWithRoles, MEMBER, nextGroupId, OWNER, syncedGroup } from '../kit/factories.js';
import { useStoreGateway, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * muteGroupMembers and unmuteGroupMembers over HTTP, on both stores: what the store answers, what
 * the IM Service holds afterwards (its gags with their end), the limits (the IM Service's longest
 * gag, a request's bound on users) and how many IM calls a large mute costs.
 */
const MINUTE = 60_000;
const GAG_ADD = '/group/user/gag/add.json';

describeEachStore('muting members', (target) => {
  const gateway = useStoreGateway(target);
  let kit: GatewayKit;
  beforeAll(() => {
    kit = gateway();
  });

  /** Gag calls the IM Service has had, once nothing is left in the outbox (an earlier change answered PENDING on a loaded machine sends later). */
  async function gagCalls(): Promise<number> {
    const db = kit.app.store.db;
    await eventually(async () => (await db.selectFrom('outbox').select('id').where('status', '=', 'PENDING').execute()).length === 0);
    return (await emulatorLog(kit.emulator)).filter((call) => call.path === GAG_ADD).length;
  }

  async function mutedInStore(groupId: string): Promise<Record<string, string | null>> {
    const group = (await kit.groupModeration({ groupId }, { as: OWNER })).data?.group;
    return Object.fromEntries((group?.members?.edges ?? []).map(({ node }) => [node.userId, node.mutedUntil ?? null]));
  }

  it('mutes a member until the time it answers, and the IM Service gags them until then (to the minute, never earlier)', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const before = Date.now();
    const answer = await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 90 }, { as: ADMIN });
    const after = Date.now();

    expect(answer.mutedUserIds).toEqual([MEMBER]);
    expect(answer.group).toMatchObject({ groupId, muted: false });
    const mutedUntil = Date.parse(answer.mutedMembers[0]!.mutedUntil!);
    expect(mutedUntil).toBeGreaterThanOrEqual(before + 90 * MINUTE);
    expect(mutedUntil).toBeLessThanOrEqual(after + 90 * MINUTE);
    expect(await mutedInStore(groupId)).toEqual({ [OWNER]: null, [ADMIN]: null, [MEMBER]: answer.mutedMembers[0]!.mutedUntil });

    await gagCalls();
    const atIm = await emulatorModeration(kit.emulator, groupId);
    expect(atIm.gagged.map((gag) => gag.userId)).toEqual([MEMBER]);
    const until = atIm.gagged[0]!.until!;
    expect(until).toBeGreaterThanOrEqual(mutedUntil);
    expect(until).toBeLessThanOrEqual(mutedUntil + MINUTE);
  });

  it('unmutes: the store forgets the end, the IM Service lifts the gag', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER, ADMIN], minutes: 5 }, { as: OWNER });
    const answer = await kit.must.unmuteGroupMembers({ groupId, userIds: [MEMBER] }, { as: ADMIN });

    expect(answer.unmutedMembers).toEqual([{ userId: MEMBER, mutedUntil: null }]);
    const stored = await mutedInStore(groupId);
    expect(stored[MEMBER]).toBeNull();
    expect(stored[ADMIN]).not.toBeNull();
    await gagCalls();
    expect((await emulatorModeration(kit.emulator, groupId)).gagged.map((gag) => gag.userId)).toEqual([ADMIN]);
  });

  it("refuses a mute longer than the IM Service's longest gag (43 200 minutes) with MuteTooLongError: nothing stored, nothing sent", async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const calls = await gagCalls();

    expect(await kit.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 43_201 }, { as: OWNER })).toMatchObject({
      __typename: 'MuteTooLongError',
      maxMinutes: 43_200,
      requestedMinutes: 43_201,
    });
    expect((await mutedInStore(groupId))[MEMBER]).toBeNull();
    expect(await gagCalls()).toBe(calls);
    // The longest one goes through.
    expect(await kit.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 43_200 }, { as: OWNER })).toMatchObject({ __typename: 'MuteGroupMembersSuccess' });
  });

  it('refuses no minutes, more than 500 members in one request, and a non-member, changing nothing', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    expect(await kit.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 0 }, { as: OWNER })).toMatchObject({ __typename: 'ValidationError' });
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(await kit.muteGroupMembers({ groupId, userIds: many, minutes: 5 }, { as: OWNER })).toMatchObject({
      __typename: 'ValidationError',
      issues: [{ path: ['input', 'userIds'], message: 'Name at most 500 members' }],
    });
    expect(await kit.unmuteGroupMembers({ groupId, userIds: many }, { as: OWNER })).toMatchObject({ __typename: 'ValidationError' });
    expect(await kit.muteGroupMembers({ groupId, userIds: [MEMBER, 'stranger'], minutes: 5 }, { as: OWNER })).toMatchObject({
      __typename: 'NotAMemberError',
      userId: 'stranger',
    });
    expect((await mutedInStore(groupId))[MEMBER]).toBeNull();
    expect((await emulatorModeration(kit.emulator, groupId)).gagged).toEqual([]);
  });

  it('mutes 100 members as one change in 5 IM calls (20 a call, the most the IM Service takes), all gagged', async () => {
    const groupId = nextGroupId('hundred');
    const members = Array.from({ length: 100 }, (_, i) => `m${i}`);
    await syncedGroup(kit, { groupId, owner: OWNER, members });
    const calls = await gagCalls();

    const answer = await kit.must.muteGroupMembers({ groupId, userIds: members, minutes: 30 }, { as: OWNER });

    expect(answer.mutedUserIds).toHaveLength(100);
    expect(await gagCalls()).toBe(calls + 5);
    const rows = await kit.app.store.db.selectFrom('outbox').select(['kind', 'status']).where('group_id', '=', groupId).where('kind', '=', 'gagMembers').execute();
    expect(rows).toEqual([{ kind: 'gagMembers', status: 'DONE' }]);
    expect((await emulatorModeration(kit.emulator, groupId)).gagged.map((gag) => gag.userId).sort()).toEqual([...members].sort());
  });

  it('stands as one change through a code 1000 storm on the group, and the IM Service converges once it passes', async () => {
    const groupId = nextGroupId('stormy');
    const members = Array.from({ length: 40 }, (_, i) => `r${i}`);
    await syncedGroup(kit, { groupId, owner: OWNER, members });
    await gagCalls();
    // Code 1000 with HTTP 200: the service answers but does nothing for this group; the outbox keeps the change and retries it.
    kit.emulator.setFaults({ code1000Groups: [groupId], code1000Status: 200 });
    try {
      const answer = await kit.must.muteGroupMembers({ groupId, userIds: members, minutes: 30 }, { as: OWNER });
      expect(answer.group.syncStatus).toBe('PENDING');
      expect(Object.values(await mutedInStore(groupId)).filter((until) => until !== null)).toHaveLength(40);
      expect((await emulatorModeration(kit.emulator, groupId)).gagged).toEqual([]);
    } finally {
      kit.emulator.setFaults({ code1000Groups: [] });
    }
    await eventually(async () => (await emulatorModeration(kit.emulator, groupId)).gagged.length === 40, 20_000);
    await eventually(async () => (await kit.groupModeration({ groupId }, { as: OWNER })).data?.group?.muted === false && (await syncStatus(groupId)) === 'SYNCED', 20_000);
  });

  async function syncStatus(groupId: string): Promise<string | undefined> {
    return (await kit.group({ groupId }, { as: OWNER })).data?.group?.syncStatus;
  }
});

describeEachStore('muting 100 members on a tight budget', (target) => {
  // Two group calls a second, the embedded emulator enforcing the same: the five calls must be spread out, none refused.
  const gateway = useStoreGateway(target, { config: { rateLimits: { group: 2, publish: 20 }, requestDeadlineMs: 5_000 } });

  it('goes out in 5 calls, never more than the budget in any second, none answered 1008, as one change', async () => {
    const kit = gateway();
    const groupId = nextGroupId('tight');
    const members = Array.from({ length: 100 }, (_, i) => `t${i}`);
    await syncedGroup(kit, { groupId, owner: OWNER, members });

    const answer = await kit.must.muteGroupMembers({ groupId, userIds: members, minutes: 30 }, { as: OWNER });

    expect(answer.group.syncStatus).toBe('SYNCED');
    const gags = (await emulatorLog(kit.emulator)).filter((call) => call.path === GAG_ADD);
    expect(gags.map((call) => call.code)).toEqual([200, 200, 200, 200, 200]);
    expect(maxInAnyWindow(gags.map((call) => call.at))).toBeLessThanOrEqual(2);
    expect((await emulatorModeration(kit.emulator, groupId)).gagged).toHaveLength(100);
  });
});

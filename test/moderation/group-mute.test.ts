import { beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../fixtures/stores.js';
import { eventually } from '../fixtures/gateway.js';
import { emulatorModeration, type EmulatorModerationView } from '../kit/emulator.js';
import { imCallsOf, traced } from '../kit/observe.js';
import { ADMIN, groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { useStoreGateway, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * setGroupMuted over HTTP, on both stores: the IM Service's group ban, and its speaking whitelist
 * holding exactly the owner and admins while the group is muted, kept in step as roles change
 * (promotion, demotion, transfer) and as members leave; emptied when the group speaks again.
 */
describeEachStore('muting the whole group', (target) => {
  const gateway = useStoreGateway(target);
  let kit: GatewayKit;
  beforeAll(() => {
    kit = gateway();
  });

  async function mutedGroup(): Promise<string> {
    const groupId = await groupWithRoles(kit, { members: ['bystander'], notify: false });
    const answer = await kit.must.setGroupMuted({ groupId, muted: true }, { as: ADMIN });
    expect(answer.group).toMatchObject({ groupId, muted: true, syncStatus: 'SYNCED' });
    return groupId;
  }

  async function whitelist(groupId: string): Promise<string[]> {
    return (await emulatorModeration(kit.emulator, groupId)).whitelist.sort();
  }

  /** The whitelist once the change's calls have landed (a loaded machine may answer a change PENDING). */
  async function settledWhitelist(groupId: string, expected: string[]): Promise<string[]> {
    await eventually(async () => JSON.stringify(await whitelist(groupId)) === JSON.stringify([...expected].sort())).catch(() => undefined);
    return whitelist(groupId);
  }

  async function settledModeration(groupId: string, expected: Partial<EmulatorModerationView>): Promise<EmulatorModerationView> {
    const matches = (view: EmulatorModerationView) => Object.entries(expected).every(([key, value]) => JSON.stringify(view[key as keyof EmulatorModerationView]) === JSON.stringify(value));
    await eventually(async () => matches(await emulatorModeration(kit.emulator, groupId))).catch(() => undefined);
    return emulatorModeration(kit.emulator, groupId);
  }

  it('bans the group at the IM Service with the owner and admins on its whitelist, and lifts both when it speaks again', async () => {
    const groupId = await mutedGroup();
    expect(await settledModeration(groupId, { banned: true, gagged: [] })).toMatchObject({ banned: true, gagged: [] });
    expect(await settledWhitelist(groupId, [ADMIN, OWNER])).toEqual([ADMIN, OWNER].sort());
    expect((await kit.groupModeration({ groupId }, { as: MEMBER })).data?.group?.muted).toBe(true);

    expect((await kit.must.setGroupMuted({ groupId, muted: false }, { as: OWNER })).group.muted).toBe(false);
    expect(await settledModeration(groupId, { banned: false, whitelist: [] })).toMatchObject({ banned: false, whitelist: [] });
  });

  it('asking for the state the group has sends the IM Service nothing', async () => {
    const groupId = await mutedGroup();
    const { requestId, headers } = traced();
    expect((await kit.must.setGroupMuted({ groupId, muted: true }, { as: OWNER, headers })).group.muted).toBe(true);
    expect(await imCallsOf(kit.emulator, requestId)).toEqual([]);
    expect(await kit.app.store.db.selectFrom('outbox').select('kind').where('group_id', '=', groupId).where('kind', '=', 'banGroup').execute()).toHaveLength(1);
  });

  it('puts a promoted member on the whitelist and takes a demoted admin off it', async () => {
    const groupId = await mutedGroup();
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect(await settledWhitelist(groupId, [ADMIN, MEMBER, OWNER])).toEqual([ADMIN, MEMBER, OWNER].sort());
    await kit.must.setGroupMemberRole({ groupId, userId: ADMIN, role: 'MEMBER' }, { as: OWNER });
    expect(await settledWhitelist(groupId, [MEMBER, OWNER])).toEqual([MEMBER, OWNER].sort());
  });

  it('after an ownership transfer to a plain member, the new owner is on the whitelist and the previous one stays (now an admin)', async () => {
    const groupId = await mutedGroup();
    await kit.must.transferGroupOwnership({ groupId, userId: MEMBER, notify: false }, { as: OWNER });
    expect(await settledWhitelist(groupId, [ADMIN, MEMBER, OWNER])).toEqual([ADMIN, MEMBER, OWNER].sort());
  });

  it('takes an admin who leaves off the whitelist, and lifts the gag of a muted member who is removed', async () => {
    const groupId = await mutedGroup();
    await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 60 }, { as: OWNER });
    await kit.must.leaveGroup({ groupId, notify: false }, { as: ADMIN });
    await kit.must.removeGroupMembers({ groupId, userIds: [MEMBER], notify: false }, { as: OWNER });
    expect(await settledModeration(groupId, { whitelist: [OWNER], gagged: [] })).toEqual({ groupId, banned: true, whitelist: [OWNER], gagged: [] });
  });

  it('role changes while the group speaks send the IM Service nothing', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const { requestId, headers } = traced();
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER, headers });
    expect(await imCallsOf(kit.emulator, requestId)).toEqual([]);
    expect(await emulatorModeration(kit.emulator, groupId)).toEqual({ groupId, banned: false, whitelist: [], gagged: [] });
  });
});

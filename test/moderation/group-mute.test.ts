import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { emulatorLog, emulatorModeration } from '../kit/emulator.js';
import { ADMIN, groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * setGroupMuted over HTTP, on both stores: the IM Service's group ban, and its speaking whitelist
 * holding exactly the owner and admins while the group is muted, kept in step as roles change
 * (promotion, demotion, transfer) and as members leave; emptied when the group speaks again.
 */
describeEachStore('muting the whole group', (target) => {
  let kit: GatewayKit;
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await target.fresh();
    kit = await startKit({ config: { databaseUrl: database.url } });
  });
  afterAll(async () => {
    await kit.close();
    await database.drop();
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

  it('bans the group at the IM Service with the owner and admins on its whitelist, and lifts both when it speaks again', async () => {
    const groupId = await mutedGroup();
    expect(await emulatorModeration(kit.emulator, groupId)).toMatchObject({ banned: true, gagged: [] });
    expect(await whitelist(groupId)).toEqual([ADMIN, OWNER].sort());
    expect((await kit.groupModeration({ groupId }, { as: MEMBER })).data?.group?.muted).toBe(true);

    expect((await kit.must.setGroupMuted({ groupId, muted: false }, { as: OWNER })).group.muted).toBe(false);
    expect(await emulatorModeration(kit.emulator, groupId)).toMatchObject({ banned: false, whitelist: [] });
  });

  it('asking for the state the group has sends the IM Service nothing', async () => {
    const groupId = await mutedGroup();
    const calls = (await emulatorLog(kit.emulator)).length;
    expect((await kit.must.setGroupMuted({ groupId, muted: true }, { as: OWNER })).group.muted).toBe(true);
    expect((await emulatorLog(kit.emulator)).length).toBe(calls);
  });

  it('puts a promoted member on the whitelist and takes a demoted admin off it', async () => {
    const groupId = await mutedGroup();
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect(await whitelist(groupId)).toEqual([ADMIN, MEMBER, OWNER].sort());
    await kit.must.setGroupMemberRole({ groupId, userId: ADMIN, role: 'MEMBER' }, { as: OWNER });
    expect(await whitelist(groupId)).toEqual([MEMBER, OWNER].sort());
  });

  it('after an ownership transfer to a plain member, the new owner is on the whitelist and the previous one stays (now an admin)', async () => {
    const groupId = await mutedGroup();
    await kit.must.transferGroupOwnership({ groupId, userId: MEMBER, notify: false }, { as: OWNER });
    expect(await whitelist(groupId)).toEqual([ADMIN, MEMBER, OWNER].sort());
  });

  it('takes an admin who leaves off the whitelist, and lifts the gag of a muted member who is removed', async () => {
    const groupId = await mutedGroup();
    await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 60 }, { as: OWNER });
    await kit.must.leaveGroup({ groupId, notify: false }, { as: ADMIN });
    await kit.must.removeGroupMembers({ groupId, userIds: [MEMBER], notify: false }, { as: OWNER });
    expect(await emulatorModeration(kit.emulator, groupId)).toEqual({ groupId, banned: true, whitelist: [OWNER], gagged: [] });
  });

  it('role changes while the group speaks send the IM Service nothing', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const calls = (await emulatorLog(kit.emulator)).length;
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect((await emulatorLog(kit.emulator)).length).toBe(calls);
    expect(await emulatorModeration(kit.emulator, groupId)).toEqual({ groupId, banned: false, whitelist: [], gagged: [] });
  });
});

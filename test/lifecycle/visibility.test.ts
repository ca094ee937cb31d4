import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGateway } from '../fixtures/gateway.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupWithRoles } from '../kit/factories.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';
import { imCallsOf, traced } from '../kit/observe.js';

/**
 * A group's visibility (README "Visibility"): PRIVATE by default, its profile then read by members
 * only and unknown (null) to anyone else, through every read that names it (`group`, `groups`,
 * `node` of the group and of its owner's membership); PUBLIC, read by anyone signed in, the member
 * list still members' only. The owner and admins switch it with `updateGroup`, which the IM
 * Service never hears of. On both stores.
 */
describeEachStore('group visibility', (target) => {
  let kit: GatewayKit;
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await target.fresh();
    kit = kitFor(await startGateway({ config: { databaseUrl: database.url } }));
  });
  afterAll(async () => {
    await kit?.close();
    await database?.drop();
  });

  /** Every read an outsider could try, by group id and by global ids. */
  async function outsiderReads(groupId: string, as: string) {
    const ids = await kit.memberNodes({ groupId }, { as: OWNER });
    const groupNodeId = (await kit.must.updateGroup({ groupId, avatarUrl: null }, { as: OWNER })).group.id;
    const [group, groups, groupNode, ownerNode] = await Promise.all([
      kit.group({ groupId }, { as }),
      kit.groups({ groupIds: [groupId] }, { as }),
      kit.node({ id: groupNodeId }, { as }),
      kit.node({ id: ids.data!.group!.owner.id }, { as }),
    ]);
    // The kit's group read asks for the member list too, refused to an outsider (asserted below); nothing else is.
    for (const response of [groups, groupNode, ownerNode]) expect(response.errors).toBeUndefined();
    expect((group.errors ?? []).filter((error) => (error as { path?: unknown[] }).path?.[1] !== 'members')).toEqual([]);
    return {
      group: group.data?.group ? { name: group.data.group.name, visibility: group.data.group.visibility } : null,
      groups: groups.data?.groups.map((entry) => entry?.name ?? null),
      groupNode: groupNode.data?.node?.__typename ?? null,
      ownerNode: ownerNode.data?.node?.__typename ?? null,
    };
  }

  it('a new group is PRIVATE: members read it, to an outsider it is unknown everywhere', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });

    expect((await kit.group({ groupId }, { as: MEMBER })).data?.group?.visibility).toBe('PRIVATE');
    expect(await outsiderReads(groupId, OUTSIDER)).toEqual({ group: null, groups: [null], groupNode: null, ownerNode: null });
  });

  it('PUBLIC: anyone signed in reads the profile and its owner, not the member list; PRIVATE again hides it', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const name = (await kit.group({ groupId }, { as: OWNER })).data!.group!.name;

    const made = await kit.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: ADMIN });
    expect(made.group.visibility).toBe('PUBLIC');
    expect(await outsiderReads(groupId, OUTSIDER)).toEqual({ group: { name, visibility: 'PUBLIC' }, groups: [name], groupNode: 'Group', ownerNode: 'GroupMember' });
    const members = await kit.group({ groupId }, { as: OUTSIDER });
    expect(members.errors?.map((error) => [error.extensions?.code, (error as { path?: unknown }).path])).toEqual([['FORBIDDEN', ['group', 'members']]]);

    await kit.must.updateGroup({ groupId, visibility: 'PRIVATE' }, { as: OWNER });
    expect(await outsiderReads(groupId, OUTSIDER)).toEqual({ group: null, groups: [null], groupNode: null, ownerNode: null });
  });

  it('only the owner and admins change it; a plain member and an outsider are refused and nothing changes', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });

    expect((await kit.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: MEMBER })).__typename).toBe('ForbiddenError');
    expect((await kit.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OUTSIDER })).__typename).toBe('ForbiddenError');
    expect((await kit.group({ groupId }, { as: OUTSIDER })).data?.group).toBeNull();
  });

  it('the IM Service never hears of a visibility change, and the name stays', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const { requestId, headers } = traced();

    const changed = await kit.must.updateGroup({ groupId, visibility: 'PUBLIC' }, { as: OWNER, headers });

    expect(await imCallsOf(kit.emulator, requestId)).toEqual([]);
    expect(changed.group).toMatchObject({ visibility: 'PUBLIC', syncStatus: 'SYNCED' });
  });

  it('a visibility that is not PRIVATE or PUBLIC is refused before anything runs', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const response = await kit.response.updateGroup({ groupId, visibility: 'SECRET' as 'PUBLIC' }, { as: OWNER });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await kit.group({ groupId }, { as: OWNER })).data?.group?.visibility).toBe('PRIVATE');
  });
});

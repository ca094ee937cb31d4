import { afterEach, describe, expect, it } from 'vitest';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { countStatements } from '../kit/factories.js';
import { useGateways, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * What normalized client caches key on: every membership and the viewer have a global id that
 * `node(id:)` resolves (for those who may read it), and connections count their whole list.
 */

describeEachStore('global ids and counts', (target) => {
  const databases: FreshDatabase[] = [];
  afterEach(async () => {
    for (const database of databases.splice(0)) await database.drop();
  });
  // Registered after the databases' hook, so it runs first: gateways close before their databases go.
  const open = useGateways();

  async function gateways(): Promise<GatewayKit> {
    const database = await target.fresh();
    databases.push(database);
    return open({ config: { databaseUrl: database.url } });
  }

  async function bookclub() {
    const kit = await gateways();
    await kit.must.createGroup({ groupId: 'bookclub', name: 'Book club', memberIds: ['bob', 'carol'] }, { as: 'alice' });
    await kit.must.setGroupMemberRole({ groupId: 'bookclub', userId: 'bob', role: 'ADMIN' }, { as: 'alice' });
    return kit;
  }

  async function memberIds(kit: GatewayKit, groupId = 'bookclub'): Promise<Record<string, string>> {
    const response = await kit.memberNodes({ groupId }, { as: 'alice' });
    expect(response.errors).toBeUndefined();
    return Object.fromEntries(response.data!.group!.members!.edges.map(({ node }) => [node.userId, node.id]));
  }

  describe('GroupMember.id', () => {
    it('is one id per membership, the same wherever the membership appears (owner, member list)', async () => {
      const kit = await bookclub();
      await kit.must.createGroup({ groupId: 'chess', name: 'Chess', memberIds: ['bob'] }, { as: 'alice' });

      const response = await kit.memberNodes({ groupId: 'bookclub' }, { as: 'carol' });
      const ids = await memberIds(kit);
      const elsewhere = await memberIds(kit, 'chess');

      expect(response.data?.group?.owner).toEqual({ id: ids.alice, userId: 'alice' });
      expect(new Set([...Object.values(ids), ...Object.values(elsewhere)]).size).toBe(5);
    });

    it('resolves through node(id:) for members of the group; outsiders get null (PRIVATE) or FORBIDDEN (PUBLIC); a removed membership or a dismissed group answers null', async () => {
      const kit = await bookclub();
      const ids = await memberIds(kit);

      const asMember = await kit.node({ id: ids.bob! }, { as: 'carol' });
      expect(asMember.errors).toBeUndefined();
      expect(asMember.data?.node).toEqual({ __typename: 'GroupMember', id: ids.bob, userId: 'bob', role: 'ADMIN' });

      // A PRIVATE group is unknown to an outsider: its memberships too, without an error.
      const hidden = await kit.node({ id: ids.bob! }, { as: 'mallory' });
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data?.node).toBeNull();
      // A PUBLIC group's profile is readable, its member list is not.
      await kit.must.updateGroup({ groupId: 'bookclub', visibility: 'PUBLIC' }, { as: 'alice' });
      const asOutsider = await kit.node({ id: ids.bob! }, { as: 'mallory' });
      expect(asOutsider.data?.node).toBeNull();
      expect(asOutsider.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

      await kit.must.removeGroupMembers({ groupId: 'bookclub', userIds: ['carol'] }, { as: 'alice' });
      expect((await kit.node({ id: ids.carol! }, { as: 'alice' })).data?.node).toBeNull();

      await kit.must.dismissGroup({ groupId: 'bookclub' }, { as: 'alice' });
      const dismissed = await kit.node({ id: ids.bob! }, { as: 'alice' });
      expect(dismissed.errors).toBeUndefined();
      expect(dismissed.data?.node).toBeNull();
    });

    it("resolves the owner's membership through node(id:) for whoever reads the profile, as group { owner } does; other memberships stay members-only", async () => {
      const kit = await bookclub();
      const ids = await memberIds(kit);
      // PRIVATE, the profile is unknown to an outsider, its owner's membership with it.
      expect(await kit.node({ id: ids.alice! }, { as: 'mallory' })).toMatchObject({ data: { node: null } });
      await kit.must.updateGroup({ groupId: 'bookclub', visibility: 'PUBLIC' }, { as: 'alice' });
      const profile = await kit.memberNodes({ groupId: 'bookclub' }, { as: 'mallory' });
      // The outsider reads the owner's membership with the profile, not the member list.
      expect(profile.data?.group?.owner).toEqual({ id: ids.alice, userId: 'alice' });
      expect(profile.data?.group?.members).toBeNull();

      const owner = await kit.node({ id: ids.alice! }, { as: 'mallory' });
      expect(owner.errors).toBeUndefined();
      expect(owner.data?.node).toEqual({ __typename: 'GroupMember', id: ids.alice, userId: 'alice', role: 'OWNER' });

      // Anyone else's membership, or one that does not exist, is refused alike: the outsider learns nothing of who is in.
      const nobody = Buffer.from('GroupMember:bookclub:zed').toString('base64');
      for (const id of [ids.bob!, ids.carol!, nobody]) {
        const refused = await kit.node({ id }, { as: 'mallory' });
        expect(refused.data?.node).toBeNull();
        expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      // Once ownership moves, so does what the outsider may read.
      await kit.must.transferGroupOwnership({ groupId: 'bookclub', userId: 'bob' }, { as: 'alice' });
      expect((await kit.node({ id: ids.bob! }, { as: 'mallory' })).data?.node).toEqual({ __typename: 'GroupMember', id: ids.bob, userId: 'bob', role: 'OWNER' });
      expect((await kit.node({ id: ids.alice! }, { as: 'mallory' })).errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    });

    it('refuses a GroupMember id that names no group and user with BAD_USER_INPUT', async () => {
      const kit = await bookclub();

      const response = await kit.node({ id: Buffer.from('GroupMember:bookclub').toString('base64') }, { as: 'alice' });

      expect(response.data?.node).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('Viewer.id', () => {
    it("follows the signed-in user, and node(id:) answers it to that user only", async () => {
      const kit = await gateways();
      const alice = (await kit.viewerId({}, { as: 'alice' })).data!.viewer!;
      const bob = (await kit.viewerId({}, { as: 'bob' })).data!.viewer!;

      expect(alice.id).not.toBe(bob.id);
      expect((await kit.node({ id: alice.id }, { as: 'alice' })).data?.node).toEqual({ __typename: 'Viewer', id: alice.id, userId: 'alice' });
      const asSomeoneElse = await kit.node({ id: alice.id }, { as: 'bob' });
      expect(asSomeoneElse.errors).toBeUndefined();
      expect(asSomeoneElse.data?.node).toBeNull();
    });
  });

  describe('totalCount', () => {
    it("counts a group's members, all or by role, whatever the page size", async () => {
      const kit = await bookclub();
      await kit.must.addGroupMembers({ groupId: 'bookclub', userIds: ['dave', 'erin'] }, { as: 'alice' });

      const count = async (role?: 'OWNER' | 'ADMIN' | 'MEMBER') => (await kit.memberNodes({ groupId: 'bookclub', role }, { as: 'alice' })).data?.group?.members?.totalCount;

      expect([await count(), await count('OWNER'), await count('ADMIN'), await count('MEMBER')]).toEqual([5, 1, 1, 3]);
    });

    it("counts the caller's active groups, all or by role (dismissed groups are gone)", async () => {
      const kit = await bookclub();
      await kit.must.createGroup({ groupId: 'chess', name: 'Chess' }, { as: 'bob' });
      await kit.must.createGroup({ groupId: 'poker', name: 'Poker', memberIds: ['bob'] }, { as: 'alice' });
      await kit.must.dismissGroup({ groupId: 'poker' }, { as: 'alice' });

      const count = async (role?: 'OWNER' | 'ADMIN' | 'MEMBER') => (await kit.viewerGroupCount({ role }, { as: 'bob' })).data?.viewer?.groups.totalCount;

      expect([await count(), await count('OWNER'), await count('ADMIN'), await count('MEMBER')]).toEqual([2, 1, 1, 0]);
    });

    it('costs no statement unfiltered (the group holds its count) and one for a count by role', async () => {
      const kit = await bookclub();
      // The outbox dispatcher polls the store on its own; stopped, only the request under test counts.
      await kit.app.dispatcher.stop();
      // The event releaser sweeps on its own too: stopped as well.
      await kit.app.events.stopReleasing();
      const read = (role?: 'ADMIN') => countStatements(kit, () => kit.memberNodes({ groupId: 'bookclub', role }, { as: 'alice' }));

      // The same document both times; only the role filter differs. Unfiltered: the group with the
      // caller's membership (one statement), its owner and the page (no count); by role: one COUNT more.
      const [all, byRole] = [await read(), await read('ADMIN')];

      expect({ all: all.statements, byRole: byRole.statements }).toEqual({ all: 3, byRole: 4 });
    });
  });
});

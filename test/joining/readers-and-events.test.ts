import { expect, it } from 'vitest';
import { eventually, noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { ADMIN, MEMBER, OWNER } from '../kit/factories.js';
import { inviteLink, joiningGroup, withJoiningKit } from './joining-world.js';

/**
 * A PRIVATE group's profile is its members', and also its invitees' (unexpired), its requesters'
 * (pending) and, through the link, a live link's holders'; and every way in is a `MembersAdded`
 * event saying how. Over HTTP, on both stores.
 */
describeEachStore('joining: who reads a private group, and the history of ways in', (target) => {
  it('invitees and requesters read a PRIVATE group; once answered, they no longer do', async () => {
    await withJoiningKit(target, { invitationTtlMs: 600 }, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      const profile = async (as: string) => (await kit.group({ groupId }, { as })).data?.group?.name ?? null;
      expect(await profile('guest')).toBeNull();
      expect(await profile('asker')).toBeNull();

      await kit.must.inviteToGroup({ groupId, userIds: ['guest', 'late'] }, { as: OWNER });
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker' });
      expect(await profile('guest')).toBe('Roles');
      expect(await profile('asker')).toBe('Roles');
      // The owner's membership is part of the profile, for them too.
      expect((await kit.group({ groupId }, { as: 'guest' })).data?.group?.owner.userId).toBe(OWNER);
      // The member list stays the members'.
      expect((await kit.group({ groupId }, { as: 'guest' })).data?.group?.members).toBeNull();

      await kit.must.declineGroupInvitation({ groupId }, { as: 'guest' });
      await kit.must.cancelJoinRequest({ groupId }, { as: 'asker' });
      expect(await profile('guest')).toBeNull();
      expect(await profile('asker')).toBeNull();
      // An expired invitation opens nothing.
      await eventually(async () => (await profile('late')) === null, 5000, 100);
    });
  });

  it('a live link shows its holder the PRIVATE group through groupByInviteLink only', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const { code } = await inviteLink(kit, groupId);
      expect((await kit.group({ groupId }, { as: 'holder' })).data?.group).toBeNull();
      expect((await kit.groupByInviteLink({ code }, { as: 'holder' })).data?.groupByInviteLink).toMatchObject({ groupId, name: 'Roles' });
    });
  });

  it('every way in writes MembersAdded with joinedBy; the actor approved, or is the newcomer', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker' });
      await kit.must.approveJoinRequests({ groupId, userIds: ['asker'], notify: false }, { as: ADMIN });
      await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: OWNER });
      await kit.must.acceptGroupInvitation({ groupId, notify: false }, { as: 'guest' });
      const { code } = await inviteLink(kit, groupId);
      await kit.must.joinGroupByInviteLink({ code, notify: false }, { as: 'linker' });
      await kit.must.updateGroup({ groupId, joinPolicy: 'OPEN', notify: false } as never, { as: OWNER });
      await kit.must.joinGroup({ groupId, notify: false }, { as: 'walker' });
      await kit.must.addGroupMembers({ groupId, userIds: ['added'], notify: false }, { as: OWNER });
      await noticesSettled(kit);

      const events = (await kit.groupEvents({ groupId, first: 50 }, { as: OWNER })).data?.group?.events?.edges ?? [];
      const added = events.map((edge) => edge.node).filter((event) => event.__typename === 'MembersAdded');
      expect(added.map((event) => [event.actor.userId, 'joinedBy' in event ? event.joinedBy : null, 'users' in event ? event.users.map((user) => user.userId) : null])).toEqual([
        [ADMIN, 'REQUEST_APPROVED', ['asker']],
        ['guest', 'INVITATION_ACCEPTED', ['guest']],
        ['linker', 'INVITE_LINK', ['linker']],
        ['walker', 'OPEN_JOIN', ['walker']],
        [OWNER, 'ADDED', ['added']],
      ]);
    });
  });

  it('a change of the joining rules alone is an event members hear (GroupProfileUpdated naming what changed); the same rules again are none', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const profileEvents = async () =>
        ((await kit.groupEvents({ groupId, first: 50 }, { as: MEMBER })).data?.group?.events?.edges ?? [])
          .map((edge) => edge.node)
          .filter((event) => event.__typename === 'GroupProfileUpdated')
          .map((event) => [event.actor.userId, 'changedFields' in event ? event.changedFields : null]);

      await kit.must.updateGroup({ groupId, joinPolicy: 'OPEN', notify: false } as never, { as: ADMIN });
      await kit.must.updateGroup({ groupId, membersCanInvite: true, notify: false } as never, { as: OWNER });
      await kit.must.updateGroup({ groupId, joinPolicy: 'OPEN', membersCanInvite: true, notify: false } as never, { as: OWNER });

      expect(await profileEvents()).toEqual([
        [ADMIN, ['JOIN_POLICY']],
        [OWNER, ['MEMBERS_CAN_INVITE']],
      ]);
    });
  });
});

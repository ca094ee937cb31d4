import { expect, it } from 'vitest';
import { noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { ADMIN, OWNER } from '../kit/factories.js';
import { imMembers } from '../kit/observe.js';
import { inviteLink, joiningGroup, storedMembers, tally, users, withJoiningKit } from './joining-world.js';

/**
 * Every way in races for the last seats without ever passing the member cap, and a link never
 * passes its `maxUses`: the group's row is locked for the change (PostgreSQL), SQLite has one
 * writer. The cap is the app's own (`IM_MAX_GROUP_MEMBERS`), set low so that "one seat left" is
 * cheap: the groups here hold owner, admin and member (3), so a cap of 4 leaves one seat.
 */
const ONE_SEAT_LEFT = { maxGroupMembers: 4 };

describeEachStore('joining races', (target) => {
  it('50 concurrent joins by one link with one seat left admit exactly one', async () => {
    await withJoiningKit(target, ONE_SEAT_LEFT, async (kit) => {
      const groupId = await joiningGroup(kit);
      const { code, linkId } = await inviteLink(kit, groupId);
      const racers = users('racer', 50);

      const answers = await Promise.all(racers.map((userId) => kit.joinGroupByInviteLink({ code, notify: false }, { as: userId })));

      expect(tally(answers)).toEqual({ JoinGroupByInviteLinkSuccess: 1, MemberLimitExceededError: 49 });
      const winner = racers[answers.findIndex((answer) => answer.__typename === 'JoinGroupByInviteLinkSuccess')]!;
      expect(answers.find((answer) => answer.__typename === 'MemberLimitExceededError')).toMatchObject({ limit: 4, requested: 5 });
      expect(await storedMembers(kit, groupId)).toEqual({ count: 4, rows: [ADMIN, 'member', OWNER, winner].sort() });
      expect((await imMembers(kit.emulator, groupId))?.sort()).toEqual([ADMIN, 'member', OWNER, winner].sort());
      const uses = await kit.app.store.db.selectFrom('group_invite_links').select('uses').where('link_id', '=', linkId).executeTakeFirstOrThrow();
      expect(Number(uses.uses)).toBe(1);
    });
  });

  it('20 concurrent joins by a link of maxUses 3 admit exactly 3', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const { code } = await inviteLink(kit, groupId, { maxUses: 3 });

      const answers = await Promise.all(users('racer', 20).map((userId) => kit.joinGroupByInviteLink({ code, notify: false }, { as: userId })));

      expect(tally(answers)).toEqual({ JoinGroupByInviteLinkSuccess: 3, InviteLinkExhaustedError: 17 });
      expect(answers.find((answer) => answer.__typename === 'InviteLinkExhaustedError')).toMatchObject({ maxUses: 3 });
      expect((await storedMembers(kit, groupId)).count).toBe(6);
      const links = (await kit.groupInviteLinks({ groupId }, { as: OWNER })).data?.group?.inviteLinks?.edges ?? [];
      expect(links.map((edge) => edge.node.uses)).toEqual([3]);
    });
  });

  it('concurrent approvals by the owner and an admin with one seat left let exactly one requester in', async () => {
    await withJoiningKit(target, ONE_SEAT_LEFT, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      const askers = users('asker', 10);
      for (const userId of askers) await kit.must.requestToJoinGroup({ groupId }, { as: userId });

      const answers = await Promise.all(
        askers.map((userId, index) => kit.approveJoinRequests({ groupId, userIds: [userId], notify: false }, { as: index % 2 === 0 ? OWNER : ADMIN })),
      );

      expect(tally(answers)).toEqual({ ApproveJoinRequestsSuccess: 1, MemberLimitExceededError: 9 });
      expect((await storedMembers(kit, groupId)).count).toBe(4);
      expect(await imMembers(kit.emulator, groupId)).toHaveLength(4);
      // The refused keep their requests: an admin may approve them once a seat frees up.
      const pending = (await kit.groupJoining({ groupId, first: 20 }, { as: OWNER })).data?.group?.joinRequests?.edges ?? [];
      expect(pending).toHaveLength(9);
    });
  });

  it('concurrent accepted invitations with one seat left let exactly one invitee in', async () => {
    await withJoiningKit(target, ONE_SEAT_LEFT, async (kit) => {
      const groupId = await joiningGroup(kit);
      const guests = users('guest', 10);
      await kit.must.inviteToGroup({ groupId, userIds: guests }, { as: OWNER });

      const answers = await Promise.all(guests.map((userId) => kit.acceptGroupInvitation({ groupId, notify: false }, { as: userId })));

      expect(tally(answers)).toEqual({ AcceptGroupInvitationSuccess: 1, MemberLimitExceededError: 9 });
      expect((await storedMembers(kit, groupId)).count).toBe(4);
      expect(await imMembers(kit.emulator, groupId)).toHaveLength(4);
    });
  });

  it('every way in at once, with one seat left, admits exactly one', async () => {
    await withJoiningKit(target, ONE_SEAT_LEFT, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker' });
      await kit.must.inviteToGroup({ groupId, userIds: users('guest', 5) }, { as: ADMIN });
      const { code } = await inviteLink(kit, groupId);
      // Requests made while the group took them stay approvable once it is OPEN.
      await kit.must.updateGroup({ groupId, joinPolicy: 'OPEN', notify: false } as never, { as: OWNER });

      const answers = await Promise.all([
        ...users('linker', 5).map((userId) => kit.joinGroupByInviteLink({ code, notify: false }, { as: userId })),
        ...users('guest', 5).map((userId) => kit.acceptGroupInvitation({ groupId, notify: false }, { as: userId })),
        ...users('walker', 5).map((userId) => kit.joinGroup({ groupId, notify: false }, { as: userId })),
        kit.approveJoinRequests({ groupId, userIds: ['asker'], notify: false }, { as: OWNER }),
        kit.addGroupMembers({ groupId, userIds: ['added'], notify: false }, { as: ADMIN }),
      ]);

      const admitted = answers.filter((answer) => answer.__typename.endsWith('Success'));
      expect(admitted).toHaveLength(1);
      expect(answers.filter((answer) => answer.__typename === 'MemberLimitExceededError')).toHaveLength(answers.length - 1);
      await noticesSettled(kit);
      expect((await storedMembers(kit, groupId)).count).toBe(4);
      expect(await imMembers(kit.emulator, groupId)).toHaveLength(4);
    });
  });
});

import { expect, it } from 'vitest';
import { noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { emulatorMessages } from '../kit/emulator.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER } from '../kit/factories.js';
import { imMembers } from '../kit/observe.js';
import { joiningGroup, storedMembers, withJoiningKit } from './joining-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Invitations over HTTP, on both stores: who may send them, accepting, declining, expiry. */
describeEachStore('invitations', (target) => {
  it('the owner and admins invite; plain members only where membersCanInvite is on; outsiders never', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      expect(await kit.must.inviteToGroup({ groupId, userIds: ['g1'] }, { as: OWNER })).toMatchObject({ invitedUserIds: ['g1'] });
      // Members already in are left out.
      expect(await kit.must.inviteToGroup({ groupId, userIds: ['g2', MEMBER, 'g2'] }, { as: ADMIN })).toMatchObject({ invitedUserIds: ['g2'] });
      expect(await kit.inviteToGroup({ groupId, userIds: ['g3'] }, { as: MEMBER })).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await kit.inviteToGroup({ groupId, userIds: ['g3'] }, { as: OUTSIDER })).toMatchObject({ __typename: 'ForbiddenError' });
      await kit.must.updateGroup({ groupId, membersCanInvite: true } as never, { as: OWNER });
      expect(await kit.must.inviteToGroup({ groupId, userIds: ['g3'], message: 'come' }, { as: MEMBER })).toMatchObject({ invitedUserIds: ['g3'] });
      expect(await kit.inviteToGroup({ groupId, userIds: ['g4'] }, { as: OUTSIDER })).toMatchObject({ __typename: 'ForbiddenError' });

      const listed = await kit.viewerJoining({}, { as: 'g3' });
      expect(listed.data?.viewer?.invitations.edges.map((edge) => edge.node)).toMatchObject([{ groupId, inviterId: MEMBER, message: 'come', group: { name: 'Roles' } }]);
      // Nothing reached the IM Service: invitees are not members until they accept.
      expect(await imMembers(kit.emulator, groupId)).toHaveLength(3);
    });
  });

  it('accepting comes in with one join call and the Add notice; a second accept finds nothing', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: ADMIN });
      expect(await kit.acceptGroupInvitation({ groupId }, { as: 'stranger' })).toMatchObject({ __typename: 'InvitationNotFoundError', userId: 'stranger' });
      const accepted = await kit.must.acceptGroupInvitation({ groupId }, { as: 'guest' });
      expect(accepted).toMatchObject({ group: { memberCount: 4, viewerRole: 'MEMBER' }, member: { userId: 'guest' } });
      expect(await kit.acceptGroupInvitation({ groupId }, { as: 'guest' })).toMatchObject({ __typename: 'InvitationNotFoundError' });
      await noticesSettled(kit);
      expect(await imMembers(kit.emulator, groupId)).toContain('guest');
      const last = (await emulatorMessages(kit.emulator)).filter((message) => message.toGroupId === groupId).at(-1)!.content;
      expect(last).toMatchObject({ operation: 'Add', operatorUserId: 'guest', message: 'guest joined the group', extra: '{"joinedBy":"INVITATION_ACCEPTED"}' });
      expect((await kit.viewerJoining({}, { as: 'guest' })).data?.viewer?.invitations.edges).toEqual([]);
    });
  });

  it('an invitation admits whatever the join policy; being added another way answers it', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      await kit.must.inviteToGroup({ groupId, userIds: ['guest', 'other'] }, { as: OWNER });
      await kit.must.acceptGroupInvitation({ groupId }, { as: 'guest' });
      await kit.must.addGroupMembers({ groupId, userIds: ['other'], notify: false }, { as: OWNER });
      expect(await kit.acceptGroupInvitation({ groupId }, { as: 'other' })).toMatchObject({ __typename: 'InvitationNotFoundError' });
    });
  });

  it('declining ends the invitation; nothing reaches the IM Service', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: OWNER });
      await kit.must.declineGroupInvitation({ groupId }, { as: 'guest' });
      expect(await kit.declineGroupInvitation({ groupId }, { as: 'guest' })).toMatchObject({ __typename: 'InvitationNotFoundError' });
      expect(await kit.acceptGroupInvitation({ groupId }, { as: 'guest' })).toMatchObject({ __typename: 'InvitationNotFoundError' });
      expect((await storedMembers(kit, groupId)).count).toBe(3);
      expect(await imMembers(kit.emulator, groupId)).toHaveLength(3);
    });
  });

  it('an invitation expires after INVITATION_TTL_SECONDS: refused, no longer listed, renewed by inviting again', async () => {
    await withJoiningKit(target, { invitationTtlMs: 400 }, async (kit) => {
      const groupId = await joiningGroup(kit);
      const sent = Date.now();
      await kit.must.inviteToGroup({ groupId, userIds: ['late'] }, { as: OWNER });
      const listed = (await kit.viewerJoining({}, { as: 'late' })).data?.viewer?.invitations.edges ?? [];
      expect(listed).toHaveLength(1);
      const expiresAt = Date.parse(listed[0]!.node.expiresAt);
      expect(expiresAt - sent).toBeGreaterThanOrEqual(400);
      expect(expiresAt - sent).toBeLessThan(400 + 5000);
      await sleep(Math.max(0, expiresAt - Date.now()) + 50);

      expect(await kit.acceptGroupInvitation({ groupId }, { as: 'late' })).toMatchObject({ __typename: 'InvitationExpiredError', expiredAt: new Date(expiresAt).toISOString() });
      expect((await kit.viewerJoining({}, { as: 'late' })).data?.viewer?.invitations.edges).toEqual([]);
      expect((await storedMembers(kit, groupId)).count).toBe(3);
      await kit.must.inviteToGroup({ groupId, userIds: ['late'] }, { as: OWNER });
      await kit.must.acceptGroupInvitation({ groupId }, { as: 'late' });
    });
  });

  it('the default lifetime is 7 days', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const sent = Date.now();
      await kit.must.inviteToGroup({ groupId, userIds: ['guest'] }, { as: OWNER });
      const [edge] = (await kit.viewerJoining({}, { as: 'guest' })).data?.viewer?.invitations.edges ?? [];
      const week = 7 * 24 * 60 * 60 * 1000;
      expect(Date.parse(edge!.node.expiresAt) - sent).toBeGreaterThanOrEqual(week);
      expect(Date.parse(edge!.node.expiresAt) - sent).toBeLessThan(week + 5000);
    });
  });

  it("an invitation is its inviter's: once they could no longer invite (removed, or membersCanInvite off), it admits no one", async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'INVITE_ONLY', true);
      await kit.must.inviteToGroup({ groupId, userIds: ['friend1'] }, { as: MEMBER });
      await kit.must.inviteToGroup({ groupId, userIds: ['friend2'] }, { as: ADMIN });
      await kit.must.updateGroup({ groupId, membersCanInvite: false, notify: false } as never, { as: OWNER });
      expect(await kit.acceptGroupInvitation({ groupId, notify: false }, { as: 'friend1' })).toMatchObject({ __typename: 'InvitationNotFoundError', userId: 'friend1' });

      await kit.must.removeGroupMembers({ groupId, userIds: [ADMIN], notify: false }, { as: OWNER });
      expect(await kit.acceptGroupInvitation({ groupId, notify: false }, { as: 'friend2' })).toMatchObject({ __typename: 'InvitationNotFoundError', userId: 'friend2' });
      expect((await storedMembers(kit, groupId)).rows.filter((userId) => userId.startsWith('friend'))).toEqual([]);
    });
  });
});

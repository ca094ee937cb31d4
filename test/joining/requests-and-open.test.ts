import { expect, it } from 'vitest';
import { noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { emulatorMessages } from '../kit/emulator.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER } from '../kit/factories.js';
import { imMembers } from '../kit/observe.js';
import { joiningGroup, storedMembers, withJoiningKit } from './joining-world.js';

/** Join policies, requests to join and open groups, over HTTP, on both stores. */
describeEachStore('join policies and requests', (target) => {
  it('a group is INVITE_ONLY by default: no one asks or joins on their own', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const read = await kit.groupJoining({ groupId }, { as: OWNER });
      expect(read.data?.group).toMatchObject({ joinPolicy: 'INVITE_ONLY', membersCanInvite: false });
      expect(await kit.requestToJoinGroup({ groupId }, { as: OUTSIDER })).toMatchObject({ __typename: 'JoinNotAllowedError', joinPolicy: 'INVITE_ONLY' });
      expect(await kit.joinGroup({ groupId }, { as: OUTSIDER })).toMatchObject({ __typename: 'JoinNotAllowedError', joinPolicy: 'INVITE_ONLY' });
    });
  });

  it('only the owner and admins change the join rules', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      for (const as of [MEMBER, OUTSIDER]) {
        expect(await kit.updateGroup({ groupId, joinPolicy: 'OPEN' } as never, { as })).toMatchObject({ __typename: 'ForbiddenError' });
      }
      await kit.must.updateGroup({ groupId, joinPolicy: 'REQUEST' } as never, { as: ADMIN });
      await kit.must.updateGroup({ groupId, membersCanInvite: true } as never, { as: OWNER });
      expect((await kit.groupJoining({ groupId }, { as: MEMBER })).data?.group).toMatchObject({ joinPolicy: 'REQUEST', membersCanInvite: true });
    });
  });

  it('a REQUEST group: ask, list for admins only, approve with one join call and an Add notice naming the way in', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      const asked = await kit.must.requestToJoinGroup({ groupId, message: 'hi there' }, { as: 'asker' });
      expect(asked.joinRequest).toMatchObject({ groupId, userId: 'asker', message: 'hi there' });
      // Asking again replaces the message, not the request.
      await kit.must.requestToJoinGroup({ groupId, message: 'please' }, { as: 'asker' });
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker2' });
      expect(await kit.requestToJoinGroup({ groupId }, { as: MEMBER })).toMatchObject({ __typename: 'AlreadyAMemberError', userId: MEMBER });

      const asAdmin = await kit.groupJoining({ groupId }, { as: ADMIN });
      expect(asAdmin.data?.group?.joinRequests?.edges.map((edge) => [edge.node.userId, edge.node.message])).toEqual([
        ['asker', 'please'],
        ['asker2', null],
      ]);
      const asMember = await kit.groupJoining({ groupId }, { as: MEMBER });
      expect(asMember.data?.group?.joinRequests).toBeNull();
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const mine = await kit.viewerJoining({}, { as: 'asker' });
      expect(mine.data?.viewer?.joinRequests.edges.map((edge) => edge.node.groupId)).toEqual([groupId]);

      expect(await kit.approveJoinRequests({ groupId, userIds: ['asker'] }, { as: MEMBER })).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await kit.approveJoinRequests({ groupId, userIds: ['asker', 'nobody'] }, { as: ADMIN })).toMatchObject({
        __typename: 'JoinRequestNotFoundError',
        userIds: ['nobody'],
      });
      const approved = await kit.must.approveJoinRequests({ groupId, userIds: ['asker'] }, { as: ADMIN });
      expect(approved).toMatchObject({ approvedUserIds: ['asker'], addedMembers: [{ userId: 'asker', role: 'MEMBER' }], group: { memberCount: 4 } });
      await noticesSettled(kit);
      expect(await imMembers(kit.emulator, groupId)).toContain('asker');
      const added = (await emulatorMessages(kit.emulator)).filter((message) => message.toGroupId === groupId && message.objectName === 'RC:GrpNtf');
      const content = added.at(-1)!.content as { operation: string; operatorUserId: string; extra: string; message: string };
      expect(content).toMatchObject({ operation: 'Add', operatorUserId: ADMIN, extra: '{"joinedBy":"REQUEST_APPROVED"}', message: 'admin added asker' });
      // Answered: gone from the queue and from the requester's list.
      expect((await kit.viewerJoining({}, { as: 'asker' })).data?.viewer?.joinRequests.edges).toEqual([]);
    });
  });

  it('declining and cancelling end requests without telling the IM Service; neither can answer one twice', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'REQUEST');
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker' });
      await kit.must.requestToJoinGroup({ groupId }, { as: 'asker2' });
      const callsBefore = (await imMembers(kit.emulator, groupId))?.length;

      expect(await kit.declineJoinRequests({ groupId, userIds: ['asker'] }, { as: MEMBER })).toMatchObject({ __typename: 'ForbiddenError' });
      expect(await kit.must.declineJoinRequests({ groupId, userIds: ['asker'] }, { as: OWNER })).toMatchObject({ declinedUserIds: ['asker'] });
      expect(await kit.declineJoinRequests({ groupId, userIds: ['asker'] }, { as: OWNER })).toMatchObject({ __typename: 'JoinRequestNotFoundError' });
      await kit.must.cancelJoinRequest({ groupId }, { as: 'asker2' });
      expect(await kit.cancelJoinRequest({ groupId }, { as: 'asker2' })).toMatchObject({ __typename: 'JoinRequestNotFoundError', userIds: ['asker2'] });

      expect((await kit.groupJoining({ groupId }, { as: OWNER })).data?.group?.joinRequests?.edges).toEqual([]);
      expect((await imMembers(kit.emulator, groupId))?.length).toBe(callsBefore);
      expect((await storedMembers(kit, groupId)).count).toBe(3);
    });
  });

  it('an OPEN group: anyone joins (one join call, "joined the group"), once', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit, 'OPEN');
      expect(await kit.requestToJoinGroup({ groupId }, { as: 'walker' })).toMatchObject({ __typename: 'JoinNotAllowedError', joinPolicy: 'OPEN' });
      const joined = await kit.must.joinGroup({ groupId }, { as: 'walker' });
      expect(joined).toMatchObject({ group: { memberCount: 4, viewerRole: 'MEMBER' }, member: { userId: 'walker', role: 'MEMBER' } });
      expect(await kit.joinGroup({ groupId }, { as: 'walker' })).toMatchObject({ __typename: 'AlreadyAMemberError' });
      await noticesSettled(kit);
      expect(await imMembers(kit.emulator, groupId)).toContain('walker');
      const last = (await emulatorMessages(kit.emulator)).filter((message) => message.toGroupId === groupId).at(-1)!.content;
      expect(last).toMatchObject({ operation: 'Add', operatorUserId: 'walker', message: 'walker joined the group', extra: '{"joinedBy":"OPEN_JOIN"}' });
    });
  });

  it('a full OPEN group answers MemberLimitExceededError and admits no one', async () => {
    await withJoiningKit(target, { maxGroupMembers: 3 }, async (kit) => {
      const groupId = await joiningGroup(kit, 'OPEN');
      expect(await kit.joinGroup({ groupId }, { as: 'walker' })).toMatchObject({ __typename: 'MemberLimitExceededError', limit: 3, requested: 4 });
      expect((await storedMembers(kit, groupId)).count).toBe(3);
    });
  });
});

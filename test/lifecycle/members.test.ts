import { describe, expect, it } from 'vitest';
import { eventually, userIds } from '../fixtures/gateway.js';
import { ADMIN, MEMBER, OWNER, groupWithRoles, storedGroup, titled, viewerGroupIds } from '../kit/factories.js';
import { startKit } from '../kit/gateway-kit.js';
import { imCallsOf, imMembers, noticesTo, traced } from '../kit/observe.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * addGroupMembers and removeGroupMembers: who gets in and out, at the store and at the IM
 * Service, with which notices, and every error member of their unions.
 */


describe('addGroupMembers', () => {
  it('adds the users not in yet, at the store and at the IM Service, and tells the newcomers with an Add notification', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.addGroupMembers({ groupId, userIds: ['newbie', MEMBER, 'newbie', 'other'] }, { as: OWNER });

    expect(answer).toEqual({
      __typename: 'AddGroupMembersSuccess',
      addedUserIds: ['newbie', 'other'],
      group: { groupId, memberCount: 5, syncStatus: 'SYNCED' },
    });
    expect((await storedGroup(gateway, groupId))?.members).toEqual([
      [OWNER, 'OWNER'],
      [ADMIN, 'ADMIN'],
      [MEMBER, 'MEMBER'],
      ['newbie', 'MEMBER'],
      ['other', 'MEMBER'],
    ]);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN, MEMBER, 'newbie', 'other']);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Add', operatorUserId: OWNER, targetUserIds: ['newbie', 'other'] });
    expect(await viewerGroupIds(gateway, 'newbie')).toContain(groupId);
  });

  it('answers success with nobody added, and calls nothing, when every user is already in', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.addGroupMembers({ groupId, userIds: [ADMIN, MEMBER] }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: [], group: { memberCount: 3, syncStatus: 'SYNCED' } });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('with notify: false joins the users at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const noticesBefore = await noticesTo(emulator, groupId);
    const { requestId, headers } = traced();
    const answer = await gateway.addGroupMembers({ groupId, userIds: ['quiet'], notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: ['quiet'] });
    expect(await imMembers(emulator, groupId)).toContain('quiet');
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/join.json']);
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it.for(
    titled(
      [
        { refused: 'an empty list', vars: { userIds: [] as string[] }, path: 'input.userIds' },
        { refused: 'a malformed group id', vars: { groupId: 'not valid!', userIds: ['bob'] }, path: 'input.groupId' },
        { refused: 'a blank user id', vars: { userIds: ['bob', '  '] }, path: 'input.userIds.1' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, naming where, before anything happens', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const { requestId, headers } = traced();
    const answer = await gateway.addGroupMembers({ groupId, ...vars }, { as: OWNER, headers });

    expect(answer.__typename).toBe('ValidationError');
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('answers ForbiddenError to a plain member, saying who may, and adds nobody', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.addGroupMembers({ groupId, userIds: ['friend'] }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).not.toContain('friend');
  });

  it('answers MemberLimitExceededError with the limit and the count it would reach, before anything is sent', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    // 3 members, plus 2998 newcomers (the member already in does not count): 3001.
    const answer = await gateway.addGroupMembers({ groupId, userIds: [MEMBER, ...userIds(2998, 'crowd')] }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'MemberLimitExceededError', limit: 3000, requested: 3001 });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ memberCount: 3 });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
    expect(await imMembers(emulator, groupId)).toHaveLength(3);
  });

  it('answers a non-retryable UpstreamError when the IM Service refuses a join, undoes the store and takes back the joins that got through', async () => {
    const groupId = await groupWithRoles(gateway);
    // Drift: the IM Service holds 1500 members the store does not know of. The store sees
    // 3 + 2000 = 2003 members; the IM Service takes the first join of 1000 (2503) and refuses the second (3503).
    const ghosts = userIds(1500, 'ghost');
    await gateway.app.im.joinGroup({ groupId, userIds: ghosts.slice(0, 1000) });
    await gateway.app.im.joinGroup({ groupId, userIds: ghosts.slice(1000) });
    const before = await storedGroup(gateway, groupId);
    const noticesBefore = await noticesTo(emulator, groupId);

    const answer = await gateway.addGroupMembers({ groupId, userIds: userIds(2000, 'crowd') }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: 1002, retryable: false, message: expect.stringContaining('1002') });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ members: before?.members, memberCount: 3 });
    // The first 1000 newcomers reached the IM Service: they are quit again, and the group settles.
    await eventually(async () => (await imMembers(emulator, groupId))?.length === 1503);
    expect((await imMembers(emulator, groupId))?.some((userId) => userId.startsWith('crowd'))).toBe(false);
    await eventually(async () => (await storedGroup(gateway, groupId))?.syncStatus === 'SYNCED');
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it('answers success with syncStatus PENDING when the IM Service does not answer in time, then converges', async () => {
    const slow = await startKit({ config: { requestDeadlineMs: 300 }, settleNotices: true });
    try {
      const groupId = await groupWithRoles(slow);
      slow.emulator.setFaults({ hangRate: 1 });
      const answer = await slow.addGroupMembers({ groupId, userIds: ['late'] }, { as: OWNER });
      expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: ['late'], group: { syncStatus: 'PENDING' } });
      expect((await storedGroup(slow, groupId))?.members).toContainEqual(['late', 'MEMBER']);

      slow.emulator.setFaults({ hangRate: 0 });
      await eventually(async () => (await storedGroup(slow, groupId))?.syncStatus === 'SYNCED');
      expect(await imMembers(slow.emulator, groupId)).toContain('late');
      await eventually(async () => (await noticesTo(slow.emulator, groupId)).some((notice) => notice.operation === 'Add'));
    } finally {
      await slow.close();
    }
  });
});

describe('removeGroupMembers', () => {
  it('removes the members named (others are ignored), telling them with a Kicked notification before they leave the IM group', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.removeGroupMembers({ groupId, userIds: [MEMBER, 'stranger'] }, { as: OWNER, headers });

    expect(answer).toEqual({
      __typename: 'RemoveGroupMembersSuccess',
      removedUserIds: [MEMBER],
      group: { groupId, memberCount: 2, syncStatus: 'SYNCED' },
    });
    expect((await storedGroup(gateway, groupId))?.members).toEqual([
      [OWNER, 'OWNER'],
      [ADMIN, 'ADMIN'],
    ]);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN]);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Kicked', operatorUserId: OWNER, targetUserIds: [MEMBER] });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/message/group/publish.json', '/group/quit.json']);
    expect(await viewerGroupIds(gateway, MEMBER)).not.toContain(groupId);
  });

  it('with notify: false quits them at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const noticesBefore = await noticesTo(emulator, groupId);
    const { requestId, headers } = traced();
    const answer = await gateway.removeGroupMembers({ groupId, userIds: [MEMBER], notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'RemoveGroupMembersSuccess', removedUserIds: [MEMBER] });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json']);
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it.for(
    titled(
      [
        { refused: 'an empty list', vars: { userIds: [] as string[] }, path: 'input.userIds' },
        { refused: 'a malformed group id', vars: { groupId: 'no-dashes', userIds: [MEMBER] }, path: 'input.groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, before anything happens', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.removeGroupMembers({ groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to a plain member, and removes nobody', async () => {
    const groupId = await groupWithRoles(gateway, { members: ['bystander'] });
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.removeGroupMembers({ groupId, userIds: ['bystander'] }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to an admin who names the owner among others, and removes nobody at all', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.removeGroupMembers({ groupId, userIds: [MEMBER, OWNER] }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner cannot be removed/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN, MEMBER]);
  });
});

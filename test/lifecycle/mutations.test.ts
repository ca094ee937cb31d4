import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually, startGateway, userIds, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorGroup, expectSecretAbsent, startFixtureEmulator } from '../fixtures/im.js';
import {
  ADMIN,
  MEMBER,
  OUTSIDER,
  OWNER,
  addGroupMembers,
  dismissGroup,
  groupWithRoles,
  imCallsOf,
  imMembers,
  leaveGroup,
  noticesTo,
  removeGroupMembers,
  setGroupMemberRole,
  stageGroups,
  storedGroup,
  titled,
  traced,
  transferGroupOwnership,
  updateGroup,
  viewerGroupIds,
  viewerRole,
  type CallOptions,
  type StagedGateway,
} from './factories.js';

/**
 * Every lifecycle mutation, every member of its result union: what the client reads to act on
 * it, and what became of the store (read back as a member) and of the IM Service (read back
 * through the emulator's introspection routes).
 */

let gateway: GatewayFixture;
let emulator: RunningEmulator;

beforeAll(async () => {
  gateway = await startGateway();
  emulator = gateway.emulator;
});
afterAll(() => gateway.close());

/** The union member a mutation answered, with the fields the shared specifications read. */
type Answer = { __typename: string } & Partial<{ message: string; groupId: string; retryAfterMs: number; imCode: number | null; retryable: boolean }>;

interface Change {
  mutation: string;
  /** Who may make the change in a group made by `groupWithRoles`. */
  actor: string;
  /** Makes the change with arguments that suit a group made by `groupWithRoles`. */
  run(on: GatewayFixture, groupId: string, options: CallOptions & { notify?: boolean }): Promise<Answer>;
}

const ADD: Change = {
  mutation: 'addGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => addGroupMembers(on, { groupId, userIds: ['newcomer'], notify }, options),
};
const REMOVE: Change = {
  mutation: 'removeGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => removeGroupMembers(on, { groupId, userIds: [MEMBER], notify }, options),
};
const LEAVE: Change = {
  mutation: 'leaveGroup',
  actor: MEMBER,
  run: (on, groupId, { notify, ...options }) => leaveGroup(on, { groupId, notify }, options),
};
const UPDATE: Change = {
  mutation: 'updateGroup',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => updateGroup(on, { groupId, name: 'Renamed', notify }, options),
};
const TRANSFER: Change = {
  mutation: 'transferGroupOwnership',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => transferGroupOwnership(on, { groupId, userId: MEMBER, notify }, options),
};
const SET_ROLE: Change = {
  mutation: 'setGroupMemberRole',
  actor: OWNER,
  run: (on, groupId, options) => setGroupMemberRole(on, { groupId, userId: MEMBER, role: 'ADMIN' }, options),
};
const DISMISS: Change = {
  mutation: 'dismissGroup',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => dismissGroup(on, { groupId, notify }, options),
};

/** Each case titled by its mutation, for `it.for(...)('%s ...')`. */
function byMutation<T extends Change>(changes: T[]): Array<readonly [string, T]> {
  return titled(changes, (change) => change.mutation);
}

const EVERY_CHANGE = [ADD, REMOVE, LEAVE, UPDATE, TRANSFER, SET_ROLE, DISMISS];
/** The changes the IM Service must hear of: their unions hold RateLimitedError and UpstreamError. */
const IM_CHANGES = [ADD, REMOVE, LEAVE, UPDATE, DISMISS];

describe('addGroupMembers', () => {
  it('adds the users not in yet, at the store and at the IM Service, and tells the newcomers with an Add notification', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await addGroupMembers(gateway, { groupId, userIds: ['newbie', MEMBER, 'newbie', 'other'] }, { as: OWNER });

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
    const answer = await addGroupMembers(gateway, { groupId, userIds: [ADMIN, MEMBER] }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: [], group: { memberCount: 3, syncStatus: 'SYNCED' } });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('with notify: false joins the users at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const noticesBefore = await noticesTo(emulator, groupId);
    const { requestId, headers } = traced();
    const answer = await addGroupMembers(gateway, { groupId, userIds: ['quiet'], notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'AddGroupMembersSuccess', addedUserIds: ['quiet'] });
    expect(await imMembers(emulator, groupId)).toContain('quiet');
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/join.json']);
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it.for(
    titled(
      [
        { refused: 'an empty list', vars: { userIds: [] as string[] }, path: 'userIds' },
        { refused: 'a malformed group id', vars: { groupId: 'not valid!', userIds: ['bob'] }, path: 'groupId' },
        { refused: 'a blank user id', vars: { userIds: ['bob', '  '] }, path: 'userIds.1' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, naming where, before anything happens', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const { requestId, headers } = traced();
    const answer = await addGroupMembers(gateway, { groupId, ...vars }, { as: OWNER, headers });

    expect(answer.__typename).toBe('ValidationError');
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('answers ForbiddenError to a plain member, saying who may, and adds nobody', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await addGroupMembers(gateway, { groupId, userIds: ['friend'] }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).not.toContain('friend');
  });

  it('answers MemberLimitExceededError with the limit and the count it would reach, before anything is sent', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    // 3 members, plus 2998 newcomers (the member already in does not count): 3001.
    const answer = await addGroupMembers(gateway, { groupId, userIds: [MEMBER, ...userIds(2998, 'crowd')] }, { as: OWNER, headers });

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

    const answer = await addGroupMembers(gateway, { groupId, userIds: userIds(2000, 'crowd') }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: 1002, retryable: false, message: expect.stringContaining('1002') });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ members: before?.members, memberCount: 3 });
    // The first 1000 newcomers reached the IM Service: they are quit again, and the group settles.
    await eventually(async () => (await imMembers(emulator, groupId))?.length === 1503);
    expect((await imMembers(emulator, groupId))?.some((userId) => userId.startsWith('crowd'))).toBe(false);
    await eventually(async () => (await storedGroup(gateway, groupId))?.syncStatus === 'SYNCED');
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it('answers success with syncStatus PENDING when the IM Service does not answer in time, then converges', async () => {
    const slow = await startGateway({ config: { requestDeadlineMs: 300 } });
    try {
      const groupId = await groupWithRoles(slow);
      slow.emulator.setFaults({ hangRate: 1 });
      const answer = await addGroupMembers(slow, { groupId, userIds: ['late'] }, { as: OWNER });
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
    const answer = await removeGroupMembers(gateway, { groupId, userIds: [MEMBER, 'stranger'] }, { as: OWNER, headers });

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
    const answer = await removeGroupMembers(gateway, { groupId, userIds: [MEMBER], notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'RemoveGroupMembersSuccess', removedUserIds: [MEMBER] });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json']);
    expect(await noticesTo(emulator, groupId)).toEqual(noticesBefore);
  });

  it.for(
    titled(
      [
        { refused: 'an empty list', vars: { userIds: [] as string[] }, path: 'userIds' },
        { refused: 'a malformed group id', vars: { groupId: 'no-dashes', userIds: [MEMBER] }, path: 'groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, before anything happens', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await removeGroupMembers(gateway, { groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to a plain member, and removes nobody', async () => {
    const groupId = await groupWithRoles(gateway, { members: ['bystander'] });
    const before = await storedGroup(gateway, groupId);
    const answer = await removeGroupMembers(gateway, { groupId, userIds: ['bystander'] }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to an admin who names the owner among others, and removes nobody at all', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await removeGroupMembers(gateway, { groupId, userIds: [MEMBER, OWNER] }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner cannot be removed/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN, MEMBER]);
  });
});

describe('leaveGroup', () => {
  it('takes the caller out of the group and of their group list, then tells those who stay with a Quit notification', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await leaveGroup(gateway, { groupId }, { as: MEMBER, headers });

    expect(answer).toEqual({ __typename: 'LeaveGroupSuccess', groupId });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ memberCount: 2, members: [[OWNER, 'OWNER'], [ADMIN, 'ADMIN']] });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBeNull();
    expect(await viewerGroupIds(gateway, MEMBER)).not.toContain(groupId);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN]);
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json', '/message/group/publish.json']);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Quit', operatorUserId: MEMBER, targetUserIds: [MEMBER] });
  });

  it('with notify: false quits at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await leaveGroup(gateway, { groupId, notify: false }, { as: ADMIN, headers });

    expect(answer).toEqual({ __typename: 'LeaveGroupSuccess', groupId });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it('answers OwnerCannotLeaveError to the owner, who stays the owner', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await leaveGroup(gateway, { groupId }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'OwnerCannotLeaveError', groupId, message: expect.stringMatching(/transfer ownership .* or dismiss/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).toContain(OWNER);
  });

  it('answers ForbiddenError to someone who is not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await leaveGroup(gateway, { groupId }, { as: OUTSIDER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only members/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await leaveGroup(gateway, { groupId: '' }, { as: MEMBER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['groupId']);
  });
});

describe('updateGroup', () => {
  it('renames the group (trimmed) and sets its picture, pushes the name to the IM Service and sends a Rename notification', async () => {
    const groupId = await groupWithRoles(gateway, { name: 'Before' });
    const answer = await updateGroup(gateway, { groupId, name: '  After 🎉 ', avatarUrl: 'https://example.com/after.png' }, { as: ADMIN });

    expect(answer).toEqual({
      __typename: 'UpdateGroupSuccess',
      group: { groupId, name: 'After 🎉', avatarUrl: 'https://example.com/after.png', syncStatus: 'SYNCED' },
    });
    expect(await storedGroup(gateway, groupId, MEMBER)).toMatchObject({ name: 'After 🎉', avatarUrl: 'https://example.com/after.png' });
    expect(await emulatorName(groupId)).toBe('After 🎉');
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({
      operation: 'Rename',
      operatorUserId: ADMIN,
      data: { targetGroupName: 'After 🎉', operatorNickname: ADMIN },
    });
  });

  it('removes the picture with avatarUrl: null, keeps the name, and needs no IM call', async () => {
    const groupId = await groupWithRoles(gateway, { name: 'Pictured' });
    await updateGroup(gateway, { groupId, avatarUrl: 'https://example.com/a.png' }, { as: OWNER });
    const { requestId, headers } = traced();
    const answer = await updateGroup(gateway, { groupId, avatarUrl: null }, { as: OWNER, headers });

    expect(answer).toEqual({ __typename: 'UpdateGroupSuccess', group: { groupId, name: 'Pictured', avatarUrl: null, syncStatus: 'SYNCED' } });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ name: 'Pictured', avatarUrl: null });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('with notify: false renames at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await updateGroup(gateway, { groupId, name: 'Quietly renamed', notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'UpdateGroupSuccess', group: { name: 'Quietly renamed' } });
    expect(await emulatorName(groupId)).toBe('Quietly renamed');
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/refresh.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it.for(
    titled(
      [
        { refused: 'nothing to change', vars: {}, path: '' },
        { refused: 'a blank name', vars: { name: '   ' }, path: 'name' },
        { refused: 'a name of 65 characters', vars: { name: 'x'.repeat(65) }, path: 'name' },
        { refused: 'a picture that is not an http(s) URL', vars: { avatarUrl: 'javascript:alert(1)' }, path: 'avatarUrl' },
        { refused: 'a malformed group id', vars: { groupId: 'a b', name: 'Fine' }, path: 'groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, and changes nothing', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await updateGroup(gateway, { groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to a plain member, and keeps the name', async () => {
    const groupId = await groupWithRoles(gateway, { name: 'Kept' });
    const answer = await updateGroup(gateway, { groupId, name: 'Hijacked' }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ name: 'Kept' });
    expect(await emulatorName(groupId)).toBe('Kept');
  });
});

describe('transferGroupOwnership', () => {
  it('makes the member the owner and the previous owner an admin, with a Transfer notification and no group call', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await transferGroupOwnership(gateway, { groupId, userId: MEMBER }, { as: OWNER, headers });

    expect(answer).toEqual({
      __typename: 'TransferGroupOwnershipSuccess',
      group: { groupId, memberCount: 3, owner: { userId: MEMBER, role: 'OWNER' } },
    });
    expect((await storedGroup(gateway, groupId))?.members).toEqual([
      [OWNER, 'ADMIN'],
      [ADMIN, 'ADMIN'],
      [MEMBER, 'OWNER'],
    ]);
    expect(await imCallsOf(emulator, requestId)).toEqual(['/message/group/publish.json']);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Transfer', operatorUserId: OWNER, targetUserIds: [MEMBER] });
    // The previous owner is an admin now: free to leave.
    expect((await leaveGroup(gateway, { groupId }, { as: OWNER })).__typename).toBe('LeaveGroupSuccess');
  });

  it('with notify: false calls nothing at the IM Service', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await transferGroupOwnership(gateway, { groupId, userId: ADMIN, notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'TransferGroupOwnershipSuccess', group: { owner: { userId: ADMIN } } });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('answers NotAMemberError naming the group and the user when the new owner is not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await transferGroupOwnership(gateway, { groupId, userId: OUTSIDER }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'NotAMemberError', groupId, userId: OUTSIDER, message: expect.stringContaining(OUTSIDER) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to an admin, and the owner stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await transferGroupOwnership(gateway, { groupId, userId: ADMIN }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER });
  });

  it.for(
    titled(
      [
        { refused: 'a blank user id', vars: { userId: ' ' } as { groupId?: string; userId: string }, path: 'userId' },
        { refused: 'a malformed group id', vars: { groupId: 'ü', userId: MEMBER }, path: 'groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const answer = await transferGroupOwnership(gateway, { groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER });
  });
});

describe('setGroupMemberRole', () => {
  it('makes a member an admin and back, in the store only: the IM Service knows no roles', async () => {
    const groupId = await groupWithRoles(gateway);
    const promote = traced();
    const promoted = await setGroupMemberRole(gateway, { groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER, headers: promote.headers });

    expect(promoted).toEqual({ __typename: 'SetGroupMemberRoleSuccess', member: { userId: MEMBER, role: 'ADMIN' } });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('ADMIN');
    expect(await imCallsOf(emulator, promote.requestId)).toEqual([]);

    const demoted = await setGroupMemberRole(gateway, { groupId, userId: MEMBER, role: 'MEMBER' }, { as: OWNER });
    expect(demoted).toEqual({ __typename: 'SetGroupMemberRoleSuccess', member: { userId: MEMBER, role: 'MEMBER' } });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('MEMBER');
  });

  it('answers ValidationError for role OWNER: ownership moves only with transferGroupOwnership', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await setGroupMemberRole(gateway, { groupId, userId: MEMBER, role: 'OWNER' }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['role'], message: expect.stringContaining('transferGroupOwnership') }] });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER, members: expect.arrayContaining([[MEMBER, 'MEMBER']]) });
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await setGroupMemberRole(gateway, { groupId: 'x'.repeat(65), userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['groupId']);
  });

  it('answers NotAMemberError naming the group and the user for someone not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await setGroupMemberRole(gateway, { groupId, userId: OUTSIDER, role: 'ADMIN' }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'NotAMemberError', groupId, userId: OUTSIDER, message: expect.any(String) });
    expect(await viewerRole(gateway, groupId, OUTSIDER)).toBeNull();
  });

  it('answers ForbiddenError to an admin, and the role stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await setGroupMemberRole(gateway, { groupId, userId: MEMBER, role: 'ADMIN' }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('MEMBER');
  });

  it("answers ForbiddenError to the owner changing the owner's own role", async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await setGroupMemberRole(gateway, { groupId, userId: OWNER, role: 'MEMBER' }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/transferring ownership/) });
    expect(await viewerRole(gateway, groupId, OWNER)).toBe('OWNER');
  });
});

describe('dismissGroup', () => {
  it('tells the members with a Dismiss notification, then dismisses the group everywhere', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await dismissGroup(gateway, { groupId }, { as: OWNER, headers });

    expect(answer).toEqual({ __typename: 'DismissGroupSuccess', groupId });
    expect(await storedGroup(gateway, groupId, OWNER)).toBeNull();
    for (const userId of [OWNER, ADMIN, MEMBER]) expect(await viewerGroupIds(gateway, userId)).not.toContain(groupId);
    expect(await imMembers(emulator, groupId)).toBeNull();
    expect(await imCallsOf(emulator, requestId)).toEqual(['/message/group/publish.json', '/group/dismiss.json']);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Dismiss', operatorUserId: OWNER });
  });

  it('with notify: false dismisses at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await dismissGroup(gateway, { groupId, notify: false }, { as: OWNER, headers });

    expect(answer).toEqual({ __typename: 'DismissGroupSuccess', groupId });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/dismiss.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it('answers ForbiddenError to an admin, and the group stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await dismissGroup(gateway, { groupId }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await storedGroup(gateway, groupId)).not.toBeNull();
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN, MEMBER]);
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await dismissGroup(gateway, { groupId: 'drop;table' }, { as: OWNER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['groupId']);
  });
});

describe('every lifecycle mutation', () => {
  it.for(byMutation(EVERY_CHANGE))('%s answers NotAuthenticatedError to a request that names no caller, and changes nothing', async ([, change]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await change.run(gateway, groupId, { as: undefined });

    expect(answer).toEqual({ __typename: 'NotAuthenticatedError', message: expect.stringContaining('Sign in') });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it.for(byMutation(EVERY_CHANGE))('%s answers GroupNotFoundError, with the id, for a group that never existed', async ([, change]) => {
    const answer = await change.run(gateway, 'neverExisted', { as: change.actor });
    expect(answer).toEqual({ __typename: 'GroupNotFoundError', groupId: 'neverExisted', message: expect.any(String) });
  });

  it.for(byMutation(EVERY_CHANGE))('%s answers GroupNotFoundError once the group is dismissed', async ([, change]) => {
    const groupId = await groupWithRoles(gateway);
    expect((await dismissGroup(gateway, { groupId, notify: false }, { as: OWNER })).__typename).toBe('DismissGroupSuccess');

    const answer = await change.run(gateway, groupId, { as: change.actor });
    expect(answer).toEqual({ __typename: 'GroupNotFoundError', groupId, message: expect.any(String) });
    expect(await imMembers(emulator, groupId)).toBeNull();
  });
});

describe('when the IM rate budget cannot serve the change before its deadline', () => {
  // Two group calls a second and 300 ms to answer: a queue of IM calls already waiting means
  // any further call would start too late.
  let staged: StagedGateway;
  const saturating: Array<Promise<unknown>> = [];

  beforeAll(async () => {
    staged = await stageGroups(IM_CHANGES.length + 1, () => ({ rateLimits: { group: 2, publish: 20 }, requestDeadlineMs: 300 }));
  });
  afterAll(async () => {
    await staged.close();
    await Promise.allSettled(saturating);
  });

  /** Queues IM group calls the gateway's limiter must serve first. */
  function saturateGroupBudget(): void {
    for (let i = 0; i < 3; i++) saturating.push(staged.gateway.app.im.queryGroupMembers(staged.groupIds[0]!).catch(() => undefined));
  }

  it.for(byMutation(IM_CHANGES.map((change, index) => ({ ...change, index }))))(
    '%s answers RateLimitedError with a wait to retry after, and changes nothing here or there',
    async ([, change]) => {
      const groupId = staged.groupIds[change.index]!;
      const before = await storedGroup(staged.gateway, groupId);
      const imBefore = await imMembers(staged.emulator, groupId);
      const { requestId, headers } = traced();

      saturateGroupBudget();
      const answer = await change.run(staged.gateway, groupId, { as: change.actor, headers });

      expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
      expect(answer.retryAfterMs).toBeGreaterThan(0);
      expect(await storedGroup(staged.gateway, groupId)).toEqual(before);
      expect(await imMembers(staged.emulator, groupId)).toEqual(imBefore);
      expect(await imCallsOf(staged.emulator, requestId)).toEqual([]);
    },
  );

  it('still serves a picture-only updateGroup, which needs no IM call', async () => {
    const groupId = staged.groupIds[IM_CHANGES.length]!;
    saturateGroupBudget();
    const answer = await updateGroup(staged.gateway, { groupId, avatarUrl: 'https://example.com/busy.png' }, { as: ADMIN });
    expect(answer).toMatchObject({ __typename: 'UpdateGroupSuccess', group: { avatarUrl: 'https://example.com/busy.png' } });
  });
});

describe("when the IM Service refuses the gateway's credentials", () => {
  // The groups were made by a gateway with the right secret; this one, on the same store and
  // the same IM Service, signs with a wrong one: every IM call is refused with 1004.
  const WRONG_SECRET = 'wrong-secret-9b1f4e';
  let staged: StagedGateway;

  beforeAll(async () => {
    staged = await stageGroups(IM_CHANGES.length, (im) => ({ im: { appKey: im.appKey, appSecret: WRONG_SECRET, baseUrls: [im.url] } }));
  });
  afterAll(() => staged.close());

  it.for(byMutation(IM_CHANGES.map((change, index) => ({ ...change, index }))))(
    '%s answers a non-retryable UpstreamError with the IM code, and the store is as before',
    async ([, change]) => {
      const groupId = staged.groupIds[change.index]!;
      const before = await storedGroup(staged.gateway, groupId);
      expect(before).toMatchObject({ syncStatus: 'SYNCED', memberCount: 3 });
      const imBefore = await imMembers(staged.emulator, groupId);

      const answer = await change.run(staged.gateway, groupId, { as: change.actor });

      expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: 1004, retryable: false, message: expect.stringContaining('credentials') });
      expect(await storedGroup(staged.gateway, groupId)).toEqual(before);
      expect(await imMembers(staged.emulator, groupId)).toEqual(imBefore);
    },
  );

  it('never writes the secret it signs with to its logs', () => {
    expectSecretAbsent(staged.gateway.logLines, [], WRONG_SECRET);
  });
});

describe('when the IM Service cannot be reached', () => {
  // The groups were made through this IM Service, which has gone away since.
  let down: RunningEmulator;
  let offline: GatewayFixture;
  const groupIds: string[] = [];
  const changes = IM_CHANGES.map((change, index) => ({ ...change, index }));

  beforeAll(async () => {
    down = await startFixtureEmulator();
    offline = await startGateway({ emulator: down, config: { requestDeadlineMs: 1000 } });
    for (let i = 0; i < changes.length + 2; i++) groupIds.push(await groupWithRoles(offline));
    await down.close();
  });
  afterAll(() => offline.close());

  it.for(byMutation(changes))('%s answers a retryable UpstreamError without an IM code, and keeps nothing', async ([, change]) => {
    const groupId = groupIds[change.index]!;
    const before = await storedGroup(offline, groupId);

    // Without notices: only group calls decide whether a change is withdrawn.
    const answer = await change.run(offline, groupId, { as: change.actor, notify: false });

    expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: null, retryable: true });
    expect(await storedGroup(offline, groupId)).toEqual(before);
  });

  // With the notice first (Kicked, Dismiss): a notice never withdraws its change. It stands,
  // PENDING, and the notice and its group call follow through the outbox, in order.
  it('removeGroupMembers with its Kicked notification stands, PENDING, behind its notice', async () => {
    const groupId = groupIds[changes.length]!;
    const answer = await removeGroupMembers(offline, { groupId, userIds: [MEMBER] }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'RemoveGroupMembersSuccess', removedUserIds: [MEMBER], group: { syncStatus: 'PENDING' } });
    expect((await storedGroup(offline, groupId))?.members.map(([userId]) => userId)).not.toContain(MEMBER);
  });

  it('dismissGroup with its Dismiss notification stands, PENDING, behind its notice', async () => {
    const groupId = groupIds[changes.length + 1]!;
    const answer = await dismissGroup(offline, { groupId }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'DismissGroupSuccess', groupId });
    expect(await storedGroup(offline, groupId)).toBeNull();
  });
});

describe('when the IM Service answers its own rate limit (1008) until the deadline', () => {
  let busy: GatewayFixture;
  const groupIds: string[] = [];
  const changes = IM_CHANGES.map((change, index) => ({ ...change, index }));

  beforeAll(async () => {
    busy = await startGateway({ config: { requestDeadlineMs: 1000 } });
    for (const _ of changes) groupIds.push(await groupWithRoles(busy));
    busy.emulator.setFaults({ rateLimitedRate: 1 });
  });
  afterAll(() => busy.close());

  it.for(byMutation(changes))('%s answers RateLimitedError, and keeps nothing here or there', async ([, change]) => {
    const groupId = groupIds[change.index]!;
    const before = await storedGroup(busy, groupId);
    const imBefore = await imMembers(busy.emulator, groupId);

    // Without notices (a notice never withdraws its change: see 'when the IM Service cannot be reached').
    const answer = await change.run(busy, groupId, { as: change.actor, notify: false });

    expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
    expect(answer.retryAfterMs).toBeGreaterThan(0);
    expect(await storedGroup(busy, groupId)).toEqual(before);
    expect(await imMembers(busy.emulator, groupId)).toEqual(imBefore);
  });
});

/** The name the IM Service shows in push notifications. */
async function emulatorName(groupId: string): Promise<string | null> {
  return (await emulatorGroup(emulator, groupId))?.name ?? null;
}

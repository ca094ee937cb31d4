import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupWithRoles, storedGroup, titled, viewerGroupIds, viewerRole } from '../kit/factories.js';
import { imCallsOf, imMembers, noticesTo, traced } from '../kit/observe.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * transferGroupOwnership, setGroupMemberRole and dismissGroup: the owner's changes, what
 * they leave at the store and at the IM Service, and every error member of their unions.
 */


describe('transferGroupOwnership', () => {
  it('makes the member the owner and the previous owner an admin, with a Transfer notification and no group call', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.transferGroupOwnership({ groupId, userId: MEMBER }, { as: OWNER, headers });

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
    expect((await gateway.leaveGroup({ groupId }, { as: OWNER })).__typename).toBe('LeaveGroupSuccess');
  });

  it('with notify: false calls nothing at the IM Service', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.transferGroupOwnership({ groupId, userId: ADMIN, notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'TransferGroupOwnershipSuccess', group: { owner: { userId: ADMIN } } });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('answers NotAMemberError naming the group and the user when the new owner is not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.transferGroupOwnership({ groupId, userId: OUTSIDER }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'NotAMemberError', groupId, userId: OUTSIDER, message: expect.stringContaining(OUTSIDER) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to an admin, and the owner stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.transferGroupOwnership({ groupId, userId: ADMIN }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER });
  });

  it.for(
    titled(
      [
        { refused: 'a blank user id', vars: { userId: ' ' } as { groupId?: string; userId: string }, path: 'input.userId' },
        { refused: 'a malformed group id', vars: { groupId: 'ü', userId: MEMBER }, path: 'input.groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.transferGroupOwnership({ groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER });
  });
});

describe('setGroupMemberRole', () => {
  it('makes a member an admin and back, in the store only: the IM Service knows no roles', async () => {
    const groupId = await groupWithRoles(gateway);
    const promote = traced();
    const promoted = await gateway.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER, headers: promote.headers });

    expect(promoted).toEqual({ __typename: 'SetGroupMemberRoleSuccess', member: { userId: MEMBER, role: 'ADMIN' } });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('ADMIN');
    expect(await imCallsOf(emulator, promote.requestId)).toEqual([]);

    const demoted = await gateway.setGroupMemberRole({ groupId, userId: MEMBER, role: 'MEMBER' }, { as: OWNER });
    expect(demoted).toEqual({ __typename: 'SetGroupMemberRoleSuccess', member: { userId: MEMBER, role: 'MEMBER' } });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('MEMBER');
  });

  it('answers a repeated key with the membership as it is now, as the next read does, not as the first answer left it', async () => {
    const groupId = await groupWithRoles(gateway);
    const promote = { groupId, userId: MEMBER, role: 'ADMIN' as const, idempotencyKey: `promote-${groupId}` };
    await gateway.must.setGroupMemberRole(promote, { as: OWNER });
    await gateway.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'MEMBER' }, { as: OWNER });

    // The first answer lost, the client sends the promotion again: nothing changes, and a cache
    // that writes the answer's member over its own must not be told the role it no longer has.
    const repeated = await gateway.setGroupMemberRole(promote, { as: OWNER });

    expect(repeated).toEqual({ __typename: 'SetGroupMemberRoleSuccess', member: { userId: MEMBER, role: 'MEMBER' } });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('MEMBER');
  });

  it('answers ValidationError for role OWNER: ownership moves only with transferGroupOwnership', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.setGroupMemberRole({ groupId, userId: MEMBER, role: 'OWNER' }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'role'], message: expect.stringContaining('transferGroupOwnership') }] });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ owner: OWNER, members: expect.arrayContaining([[MEMBER, 'MEMBER']]) });
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await gateway.setGroupMemberRole({ groupId: 'x'.repeat(65), userId: MEMBER, role: 'ADMIN' }, { as: OWNER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['input.groupId']);
  });

  it('answers NotAMemberError naming the group and the user for someone not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.setGroupMemberRole({ groupId, userId: OUTSIDER, role: 'ADMIN' }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'NotAMemberError', groupId, userId: OUTSIDER, message: expect.any(String) });
    // Still an outsider: the PRIVATE group stays unknown to them.
    expect(await viewerRole(gateway, groupId, OUTSIDER)).toBe('unknown');
  });

  it('answers ForbiddenError to an admin, and the role stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('MEMBER');
  });

  it("answers ForbiddenError to the owner changing the owner's own role", async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.setGroupMemberRole({ groupId, userId: OWNER, role: 'MEMBER' }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/transferring ownership/) });
    expect(await viewerRole(gateway, groupId, OWNER)).toBe('OWNER');
  });
});

describe('dismissGroup', () => {
  it('tells the members with a Dismiss notification, then dismisses the group everywhere', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.dismissGroup({ groupId }, { as: OWNER, headers });

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
    const answer = await gateway.dismissGroup({ groupId, notify: false }, { as: OWNER, headers });

    expect(answer).toEqual({ __typename: 'DismissGroupSuccess', groupId });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/dismiss.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it('answers ForbiddenError to an admin, and the group stays', async () => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.dismissGroup({ groupId }, { as: ADMIN });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only the owner/) });
    expect(await storedGroup(gateway, groupId)).not.toBeNull();
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN, MEMBER]);
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await gateway.dismissGroup({ groupId: 'drop;table' }, { as: OWNER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['input.groupId']);
  });
});

import { describe, expect, it } from 'vitest';
import { emulatorGroup } from '../fixtures/im.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupWithRoles, storedGroup, titled, viewerGroupIds, viewerRole } from '../kit/factories.js';
import { imCallsOf, imMembers, noticesTo, traced } from '../kit/observe.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * leaveGroup and updateGroup: who may leave or rename, what the IM Service and the group's
 * notices show afterwards, and every error member of their unions.
 */


describe('leaveGroup', () => {
  it('takes the caller out of the group and of their group list, telling those who stay with a Quit notification bound to the quit', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.leaveGroup({ groupId }, { as: MEMBER, headers });

    expect(answer).toEqual({ __typename: 'LeaveGroupSuccess', groupId });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ memberCount: 2, members: [[OWNER, 'OWNER'], [ADMIN, 'ADMIN']] });
    // The group is PRIVATE: once out, the former member no longer reads it.
    expect(await viewerRole(gateway, groupId, MEMBER)).toBe('unknown');
    expect(await viewerGroupIds(gateway, MEMBER)).not.toContain(groupId);
    expect(await imMembers(emulator, groupId)).toEqual([OWNER, ADMIN]);
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json']);
    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Quit', operatorUserId: MEMBER, targetUserIds: [MEMBER] });
  });

  it('with notify: false quits at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.leaveGroup({ groupId, notify: false }, { as: ADMIN, headers });

    expect(answer).toEqual({ __typename: 'LeaveGroupSuccess', groupId });
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/quit.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it('answers OwnerCannotLeaveError to the owner, who stays the owner', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.leaveGroup({ groupId }, { as: OWNER });

    expect(answer).toEqual({ __typename: 'OwnerCannotLeaveError', groupId, message: expect.stringMatching(/transfer ownership .* or dismiss/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
    expect(await imMembers(emulator, groupId)).toContain(OWNER);
  });

  it('answers ForbiddenError to someone who is not in the group', async () => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.leaveGroup({ groupId }, { as: OUTSIDER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Only members/) });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ValidationError for a malformed group id', async () => {
    const answer = await gateway.leaveGroup({ groupId: '' }, { as: MEMBER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['input.groupId']);
  });
});

describe('updateGroup', () => {
  it('renames the group (trimmed) and sets its picture, pushes the name to the IM Service and sends a Rename notification', async () => {
    const groupId = await groupWithRoles(gateway, { name: 'Before' });
    const answer = await gateway.updateGroup({ groupId, name: '  After 🎉 ', avatarUrl: 'https://example.com/after.png' }, { as: ADMIN });

    expect(answer).toEqual({
      __typename: 'UpdateGroupSuccess',
      group: { id: expect.any(String), groupId, name: 'After 🎉', avatarUrl: 'https://example.com/after.png', visibility: 'PRIVATE', syncStatus: 'SYNCED' },
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
    await gateway.updateGroup({ groupId, avatarUrl: 'https://example.com/a.png' }, { as: OWNER });
    const { requestId, headers } = traced();
    const answer = await gateway.updateGroup({ groupId, avatarUrl: null }, { as: OWNER, headers });

    expect(answer).toEqual({ __typename: 'UpdateGroupSuccess', group: { id: expect.any(String), groupId, name: 'Pictured', avatarUrl: null, visibility: 'PRIVATE', syncStatus: 'SYNCED' } });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ name: 'Pictured', avatarUrl: null });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('with notify: false renames at the IM Service and publishes nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.updateGroup({ groupId, name: 'Quietly renamed', notify: false }, { as: OWNER, headers });

    expect(answer).toMatchObject({ __typename: 'UpdateGroupSuccess', group: { name: 'Quietly renamed' } });
    expect(await emulatorName(groupId)).toBe('Quietly renamed');
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/refresh.json']);
    expect((await noticesTo(emulator, groupId)).map((notice) => notice.operation)).toEqual(['Create']);
  });

  it.for(
    titled(
      [
        { refused: 'nothing to change', vars: {}, path: 'input' },
        { refused: 'a blank name', vars: { name: '   ' }, path: 'input.name' },
        { refused: 'a name of 65 characters', vars: { name: 'x'.repeat(65) }, path: 'input.name' },
        { refused: 'a picture that is not an http(s) URL', vars: { avatarUrl: 'javascript:alert(1)' }, path: 'input.avatarUrl' },
        { refused: 'a malformed group id', vars: { groupId: 'a b', name: 'Fine' }, path: 'input.groupId' },
      ],
      (row) => row.refused,
    ),
  )('answers ValidationError for %s, and changes nothing', async ([, { vars, path }]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await gateway.updateGroup({ groupId, ...vars }, { as: OWNER });

    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual([path]);
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it('answers ForbiddenError to a plain member, and keeps the name', async () => {
    const groupId = await groupWithRoles(gateway, { name: 'Kept' });
    const answer = await gateway.updateGroup({ groupId, name: 'Hijacked' }, { as: MEMBER });

    expect(answer).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/owner and admins/) });
    expect(await storedGroup(gateway, groupId)).toMatchObject({ name: 'Kept' });
    expect(await emulatorName(groupId)).toBe('Kept');
  });
});

/** The name the IM Service shows in push notifications. */
async function emulatorName(groupId: string): Promise<string | null> {
  return (await emulatorGroup(emulator, groupId))?.name ?? null;
}

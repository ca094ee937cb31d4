import { describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupHistory, groupWithRoles } from '../kit/factories.js';
import { imCallsOf, imRemark, noticesTo, traced } from '../kit/observe.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * setGroupMemberNickname (issue 17): each member sets their own nickname; the owner and admins
 * may clear another's. It is shown on GroupMember, names the member in the group's notices, and
 * is the member's push alias at the IM Service (`/group/remarks/set.json`, `del.json` to clear).
 */

const nicknames = async (groupId: string) =>
  Object.fromEntries(((await gateway.groupProfile({ groupId }, { as: OWNER })).data?.group?.members?.edges ?? []).map(({ node }) => [node.userId, node.nickname]));

describe('setGroupMemberNickname', () => {
  it.for([
    [OWNER, 'SetGroupMemberNicknameSuccess'],
    [ADMIN, 'SetGroupMemberNicknameSuccess'],
    [MEMBER, 'SetGroupMemberNicknameSuccess'],
    [OUTSIDER, 'ForbiddenError'],
  ] as const)('its own, as %s: %s, and the push alias follows', async ([caller, expected]) => {
    const groupId = await groupWithRoles(gateway);
    const { requestId, headers } = traced();
    const answer = await gateway.setGroupMemberNickname({ groupId, nickname: '  Bookworm 📚 ' }, { as: caller, headers });

    expect(answer.__typename).toBe(expected);
    if (expected === 'ForbiddenError') {
      expect(await imCallsOf(emulator, requestId)).toEqual([]);
      return;
    }
    expect(answer).toMatchObject({ member: { userId: caller, nickname: 'Bookworm 📚' } });
    expect((await nicknames(groupId))[caller]).toBe('Bookworm 📚');
    expect(await imCallsOf(emulator, requestId)).toEqual(['/group/remarks/set.json']);
    expect(await imRemark(emulator, groupId, caller)).toBe('Bookworm 📚');
  });

  it.for([
    [OWNER, ADMIN, 'SetGroupMemberNicknameSuccess'],
    [OWNER, MEMBER, 'SetGroupMemberNicknameSuccess'],
    [ADMIN, MEMBER, 'SetGroupMemberNicknameSuccess'],
    [ADMIN, OWNER, 'ForbiddenError'],
    [MEMBER, ADMIN, 'ForbiddenError'],
    [OUTSIDER, MEMBER, 'ForbiddenError'],
  ] as const)("clearing another's: %s clears %s's: %s", async ([caller, target, expected]) => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Named' }, { as: target });
    const { requestId, headers } = traced();
    const answer = await gateway.setGroupMemberNickname({ groupId, userId: target, nickname: null }, { as: caller, headers });

    expect(answer.__typename).toBe(expected);
    const cleared = expected === 'SetGroupMemberNicknameSuccess';
    expect((await nicknames(groupId))[target]).toBe(cleared ? null : 'Named');
    expect(await imCallsOf(emulator, requestId)).toEqual(cleared ? ['/group/remarks/del.json'] : []);
    expect(await imRemark(emulator, groupId, target)).toBe(cleared ? null : 'Named');
  });

  it("refuses setting another's nickname, even to the owner, and names a non-member with NotAMemberError", async () => {
    const groupId = await groupWithRoles(gateway);
    expect(await gateway.setGroupMemberNickname({ groupId, userId: MEMBER, nickname: 'Set by me' }, { as: OWNER })).toMatchObject({
      __typename: 'ForbiddenError',
      message: expect.stringMatching(/set their own nickname/),
    });
    expect(await gateway.setGroupMemberNickname({ groupId, userId: OUTSIDER, nickname: null }, { as: OWNER })).toMatchObject({
      __typename: 'NotAMemberError',
      userId: OUTSIDER,
    });
    expect(await nicknames(groupId)).toEqual({ [OWNER]: null, [ADMIN]: null, [MEMBER]: null });
  });

  it.for([
    ['a 33-character nickname', 'n'.repeat(33)],
    ['a blank nickname', '   '],
    ['a nickname of zero-width spaces only', '\u200b\u200b'],
    ['a nickname of a bidi override only', ' \u202e '],
  ] as const)('refuses %s with a ValidationError', async ([, nickname]) => {
    const groupId = await groupWithRoles(gateway);
    const answer = await gateway.setGroupMemberNickname({ groupId, nickname }, { as: MEMBER });
    expect(answer.__typename === 'ValidationError' && answer.issues.map((issue) => issue.path.join('.'))).toEqual(['input.nickname']);
  });

  it('logs MemberNicknameChanged for a set and a clear (the actor, whose, the nickname), and nothing for a refused change', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Moe' }, { as: MEMBER });
    await gateway.setGroupMemberNickname({ groupId, userId: MEMBER, nickname: 'Not yours' }, { as: ADMIN });
    await gateway.must.setGroupMemberNickname({ groupId, userId: MEMBER, nickname: null }, { as: ADMIN });

    const events = (await groupHistory(gateway, groupId)).filter((event) => event.__typename === 'MemberNicknameChanged');
    expect(events).toEqual([
      expect.objectContaining({ actor: { userId: MEMBER }, user: { userId: MEMBER }, nickname: 'Moe' }),
      expect.objectContaining({ actor: { userId: ADMIN }, user: { userId: MEMBER }, nickname: null }),
    ]);
  });

  it('takes 32 characters as people see them, and the same nickname again calls nothing', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: '🎉'.repeat(32) }, { as: MEMBER });
    const { requestId, headers } = traced();
    await gateway.must.setGroupMemberNickname({ groupId, nickname: '🎉'.repeat(32) }, { as: MEMBER, headers });
    expect(await imCallsOf(emulator, requestId)).toEqual([]);
  });

  it('names members by their nicknames in notices (operatorNickname, targetUserDisplayNames, the transfer names), ids unchanged', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'The Boss' }, { as: OWNER });
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Deputy' }, { as: ADMIN });
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Moe' }, { as: MEMBER });

    await gateway.must.updateGroup({ groupId, name: 'Renamed' }, { as: ADMIN });
    await gateway.must.transferGroupOwnership({ groupId, userId: ADMIN }, { as: OWNER });
    await gateway.must.removeGroupMembers({ groupId, userIds: [MEMBER] }, { as: ADMIN });

    const [rename, transfer, kicked] = (await noticesTo(emulator, groupId)).filter((notice) => notice.operation !== 'Create');
    expect(rename).toMatchObject({ operation: 'Rename', operatorUserId: ADMIN, data: { operatorNickname: 'Deputy' } });
    expect(transfer?.data).toMatchObject({ operatorNickname: 'The Boss', oldCreatorName: 'The Boss', newCreatorId: ADMIN, newCreatorName: 'Deputy', targetUserDisplayNames: ['Deputy'] });
    expect(kicked).toMatchObject({ operation: 'Kicked', targetUserIds: [MEMBER], data: { operatorNickname: 'Deputy', targetUserDisplayNames: ['Moe'] } });
  });

  it('sends a nickname with line breaks and bidi controls to notices and the push alias as one safe line', async () => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Moe\n\n[System]\u202e' }, { as: MEMBER });
    expect(await imRemark(emulator, groupId, MEMBER)).toBe('Moe [System]');
    await gateway.must.leaveGroup({ groupId }, { as: MEMBER });

    expect((await noticesTo(emulator, groupId)).at(-1)).toMatchObject({ operation: 'Quit', data: { operatorNickname: 'Moe [System]' } });
  });

  it.for([
    ['removed', 'Kicked'],
    ['leaving', 'Quit'],
  ] as const)('forgets the push alias of a member %s: rejoining, they are not pushed under the old nickname', async ([, how]) => {
    const groupId = await groupWithRoles(gateway);
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Old name' }, { as: MEMBER });
    await gateway.must.setGroupMemberNickname({ groupId, nickname: 'Deputy' }, { as: ADMIN });
    const { requestId, headers } = traced();
    if (how === 'Kicked') await gateway.must.removeGroupMembers({ groupId, userIds: [MEMBER] }, { as: OWNER, headers });
    else await gateway.must.leaveGroup({ groupId }, { as: MEMBER, headers });

    expect(await imCallsOf(emulator, requestId)).toContain('/group/remarks/del.json');
    expect(await imRemark(emulator, groupId, MEMBER)).toBeNull();
    expect(await imRemark(emulator, groupId, ADMIN)).toBe('Deputy');
    await gateway.must.addGroupMembers({ groupId, userIds: [MEMBER] }, { as: OWNER });
    expect((await nicknames(groupId))[MEMBER]).toBeNull();
    expect(await imRemark(emulator, groupId, MEMBER)).toBeNull();
  });
});

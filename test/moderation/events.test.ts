import { beforeAll, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { ADMIN, groupHistory, groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { useStoreGateway, type GatewayKit } from '../kit/gateway-kit.js';

/** Moderation's events in `Group.events`: MembersMuted, MembersUnmuted, GroupMuteChanged, each once its change stands; none for a change that changed nothing. */
describeEachStore('moderation in the event log', (target) => {
  const gateway = useStoreGateway(target);
  let kit: GatewayKit;
  beforeAll(() => {
    kit = gateway();
  });

  it('records each mute, unmute and whole-group mute with its actor, and nothing for asking the state the group has', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    const before = (await groupHistory(kit, groupId)).length;
    const { mutedMembers } = await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 10 }, { as: ADMIN });
    await kit.must.unmuteGroupMembers({ groupId, userIds: [MEMBER] }, { as: OWNER });
    await kit.must.setGroupMuted({ groupId, muted: true }, { as: ADMIN });
    await kit.must.setGroupMuted({ groupId, muted: true }, { as: OWNER });
    await kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, { as: OWNER });

    // An event is readable once its change stands: on a loaded machine a change may answer PENDING and stand a moment later.
    await eventually(async () => (await groupHistory(kit, groupId)).length === before + 4);
    expect((await groupHistory(kit, groupId)).slice(before)).toEqual([
      expect.objectContaining({ __typename: 'MembersMuted', actor: { userId: ADMIN }, users: [{ userId: MEMBER }], mutedUntil: mutedMembers[0]!.mutedUntil }),
      expect.objectContaining({ __typename: 'MembersUnmuted', actor: { userId: OWNER }, users: [{ userId: MEMBER }] }),
      expect.objectContaining({ __typename: 'GroupMuteChanged', actor: { userId: ADMIN }, muted: true }),
      // The promotion in a muted group (a whitelist call) keeps its event.
      expect.objectContaining({ __typename: 'MemberRoleChanged', actor: { userId: OWNER }, role: 'ADMIN', previousRole: 'MEMBER' }),
    ]);
  });
});

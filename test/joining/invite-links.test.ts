import { expect, it } from 'vitest';
import { noticesSettled } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { emulatorMessages } from '../kit/emulator.js';
import { ADMIN, MEMBER, OUTSIDER, OWNER } from '../kit/factories.js';
import { imMembers } from '../kit/observe.js';
import { inviteLink, joiningGroup, storedMembers, withJoiningKit } from './joining-world.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Invite links over HTTP, on both stores: making, listing, joining, revoking, expiry, limits. */
describeEachStore('invite links', (target) => {
  it('the owner and admins make links; the code (192 bits) is shown once and stored only hashed', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      for (const as of [MEMBER, OUTSIDER]) {
        expect(await kit.createGroupInviteLink({ groupId }, { as })).toMatchObject({ __typename: 'ForbiddenError' });
      }
      const made = await kit.must.createGroupInviteLink({ groupId, maxUses: 10, idempotencyKey: 'link-1' }, { as: ADMIN });
      const { code, linkId } = made.link;
      expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(Buffer.from(code!, 'base64url')).toHaveLength(24);
      expect(made.link).toMatchObject({ groupId, createdBy: ADMIN, maxUses: 10, uses: 0, revokedAt: null });
      // Nowhere in the store, in any column of any table.
      const rows = await kit.app.store.db.selectFrom('group_invite_links').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(code);
      const keys = await kit.app.store.db.selectFrom('idempotency_keys').selectAll().execute();
      expect(JSON.stringify(keys)).not.toContain(code);
      // Never shown again: a repeated key answers the link without it, and so do the lists.
      const repeated = await kit.must.createGroupInviteLink({ groupId, maxUses: 10, idempotencyKey: 'link-1' }, { as: ADMIN });
      expect(repeated.link).toMatchObject({ linkId, code: null });
      const listed = await kit.groupInviteLinks({ groupId }, { as: OWNER });
      expect(listed.data?.group?.inviteLinks?.edges.map((edge) => [edge.node.linkId, edge.node.code])).toEqual([[linkId, null]]);
      const asMember = await kit.groupInviteLinks({ groupId }, { as: MEMBER });
      expect(asMember.data?.group?.inviteLinks).toBeNull();
      expect(asMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  it('a link admits whatever the join policy, with one join call and the Add notice; a member is told so', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const { code } = await inviteLink(kit, groupId);
      expect((await kit.groupByInviteLink({ code }, { as: 'linker' })).data?.groupByInviteLink).toMatchObject({ groupId, memberCount: 3 });
      expect(await kit.joinGroupByInviteLink({ code }, { as: MEMBER })).toMatchObject({ __typename: 'AlreadyAMemberError' });
      const joined = await kit.must.joinGroupByInviteLink({ code }, { as: 'linker' });
      expect(joined).toMatchObject({ group: { groupId, memberCount: 4, viewerRole: 'MEMBER' }, member: { userId: 'linker' } });
      await noticesSettled(kit);
      expect(await imMembers(kit.emulator, groupId)).toContain('linker');
      const last = (await emulatorMessages(kit.emulator)).filter((message) => message.toGroupId === groupId).at(-1)!.content;
      expect(last).toMatchObject({ operation: 'Add', operatorUserId: 'linker', message: 'linker joined the group', extra: '{"joinedBy":"INVITE_LINK"}' });
    });
  });

  it('an unknown code, a revoked link and a link whose maker lost the admin role admit no one', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      expect(await kit.joinGroupByInviteLink({ code: 'A'.repeat(32) }, { as: 'linker' })).toMatchObject({ __typename: 'InviteLinkNotFoundError' });
      expect(await kit.joinGroupByInviteLink({ code: 'short' }, { as: 'linker' })).toMatchObject({ __typename: 'ValidationError' });

      const revoked = await inviteLink(kit, groupId);
      expect(await kit.revokeGroupInviteLink({ linkId: revoked.linkId }, { as: MEMBER })).toMatchObject({ __typename: 'ForbiddenError' });
      const answer = await kit.must.revokeGroupInviteLink({ linkId: revoked.linkId }, { as: OWNER });
      expect(answer.link.revokedAt).not.toBeNull();
      expect(await kit.joinGroupByInviteLink({ code: revoked.code }, { as: 'linker' })).toMatchObject({ __typename: 'InviteLinkRevokedError', revokedAt: answer.link.revokedAt });
      expect((await kit.groupByInviteLink({ code: revoked.code }, { as: 'linker' })).data?.groupByInviteLink).toBeNull();
      expect(await kit.revokeGroupInviteLink({ linkId: 'f'.repeat(32) }, { as: OWNER })).toMatchObject({ __typename: 'InviteLinkNotFoundError' });

      const orphan = await inviteLink(kit, groupId, {}, ADMIN);
      await kit.must.setGroupMemberRole({ groupId, userId: ADMIN, role: 'MEMBER' }, { as: OWNER });
      expect(await kit.joinGroupByInviteLink({ code: orphan.code }, { as: 'linker' })).toMatchObject({ __typename: 'InviteLinkRevokedError', revokedAt: null });
      expect((await storedMembers(kit, groupId)).count).toBe(3);
    });
  });

  it('a link expires at its expiresAt, and by default after the invitation lifetime', async () => {
    await withJoiningKit(target, { invitationTtlMs: 60_000 }, async (kit) => {
      const groupId = await joiningGroup(kit);
      const made = Date.now();
      const fallback = await kit.must.createGroupInviteLink({ groupId }, { as: OWNER });
      expect(Date.parse(fallback.link.expiresAt) - made).toBeGreaterThanOrEqual(60_000);
      expect(Date.parse(fallback.link.expiresAt) - made).toBeLessThan(65_000);

      const expiresAt = new Date(Date.now() + 500).toISOString();
      const { code } = await inviteLink(kit, groupId, { expiresAt });
      await sleep(Math.max(0, Date.parse(expiresAt) - Date.now()) + 50);
      expect(await kit.joinGroupByInviteLink({ code }, { as: 'linker' })).toMatchObject({ __typename: 'InviteLinkExpiredError', expiredAt: expiresAt });
      expect((await kit.groupByInviteLink({ code }, { as: 'linker' })).data?.groupByInviteLink).toBeNull();

      for (const past of [new Date(Date.now() - 1000), new Date(Date.now() + 366 * 24 * 3600 * 1000)]) {
        expect(await kit.createGroupInviteLink({ groupId, expiresAt: past.toISOString() }, { as: OWNER })).toMatchObject({ __typename: 'ValidationError' });
      }
      expect(await kit.createGroupInviteLink({ groupId, maxUses: 0 }, { as: OWNER })).toMatchObject({ __typename: 'ValidationError' });
    });
  });

  it('maxUses: the last use admits, the next is refused', async () => {
    await withJoiningKit(target, {}, async (kit) => {
      const groupId = await joiningGroup(kit);
      const { code } = await inviteLink(kit, groupId, { maxUses: 1 });
      await kit.must.joinGroupByInviteLink({ code, notify: false }, { as: 'first' });
      expect(await kit.joinGroupByInviteLink({ code }, { as: 'second' })).toMatchObject({ __typename: 'InviteLinkExhaustedError', maxUses: 1 });
      expect((await kit.groupByInviteLink({ code }, { as: 'second' })).data?.groupByInviteLink).toBeNull();
    });
  });
});

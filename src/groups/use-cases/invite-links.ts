import { nothingToDo, type ChangeInput, type UseCase } from '../changes/change.js';
import { AlreadyAMemberError, InvalidInputError, InviteLinkExhaustedError, InviteLinkExpiredError, InviteLinkNotFoundError, InviteLinkRevokedError, PendingLimitReachedError } from '../errors.js';
import { hashInviteCode } from '../invite-codes.js';
import { authorize, inviteLinkCreatorStands } from '../permissions.js';
import { MAX_INVITE_LINK_LIFETIME_MS, MAX_LIVE_LINKS_PER_GROUP } from '../rules.js';
import { admit } from './admission.js';

export interface CreateInviteLinkInput extends ChangeInput {
  groupId: string;
  /** Left out: the invitation lifetime (`INVITATION_TTL_SECONDS`) from now. */
  expiresAt?: Date | null;
  /** Left out: no limit but the group's seats and the expiry. */
  maxUses?: number | null;
}

/** The new link's id and its code's hash, made by the caller of the use case (the code itself never enters the change). */
export interface FreshLink {
  linkId: string;
  codeHash: string;
}

/**
 * A link (owner and admins). The outcome names the link only: it is what a repeated idempotency
 * key answers, and it is stored, so the code (shown once, by the service) is never part of it.
 */
export function createGroupInviteLink(fresh: FreshLink): UseCase<CreateInviteLinkInput, { linkId: string }> {
  return {
    name: 'createGroupInviteLink',
    firstCall: () => null,
    async plan(change, { groupId, expiresAt, maxUses }) {
      const now = Date.now();
      const expiry = expiresAt?.getTime() ?? now + change.settings.invitationTtlMs;
      if (expiry <= now || expiry > now + MAX_INVITE_LINK_LIFETIME_MS) {
        throw new InvalidInputError([{ path: ['input', 'expiresAt'], message: `expiresAt must be in the future, at most ${MAX_INVITE_LINK_LIFETIME_MS / 86_400_000} days ahead` }]);
      }
      const { actor } = await change.loadForChange(groupId);
      authorize('manageInviteLinks', actor?.role ?? null);
      const { inviteLinks } = change.stores;
      if ((await inviteLinks.countLive(change.trx, groupId, now)) >= MAX_LIVE_LINKS_PER_GROUP) {
        throw new PendingLimitReachedError(MAX_LIVE_LINKS_PER_GROUP, 'live invite links per group');
      }
      await inviteLinks.insert(change.trx, { ...fresh, groupId, createdBy: change.actorId, createdAt: now, expiresAt: expiry, maxUses: maxUses ?? null });
      return { ...nothingToDo(groupId, { linkId: fresh.linkId }), undo: (trx) => inviteLinks.delete(trx, fresh.linkId) };
    },
  };
}

/** The link admits no one from now on (owner and admins); revoking it again changes nothing. */
export const revokeGroupInviteLink: UseCase<ChangeInput & { linkId: string }, { linkId: string }> = {
  name: 'revokeGroupInviteLink',
  firstCall: () => null,
  async plan(change, { linkId }) {
    const { inviteLinks } = change.stores;
    const link = await inviteLinks.findById(change.trx, linkId);
    if (!link) throw new InviteLinkNotFoundError();
    const { actor } = await change.loadForChange(link.groupId);
    authorize('manageInviteLinks', actor?.role ?? null);
    const plan = nothingToDo(link.groupId, { linkId });
    if (link.revokedAt) return plan;
    await inviteLinks.setRevokedAt(change.trx, linkId, Date.now());
    return { ...plan, undo: (trx) => inviteLinks.setRevokedAt(trx, linkId, null) };
  },
};

/**
 * The caller comes in by a link's code. A link is its creator's invitation: it admits whatever the
 * join policy, while it is not revoked, expired or used `maxUses` times, while its creator still
 * manages the group, and while a seat is left. Uses and seats are counted under the group's row
 * lock (`loadForChange`), so links raced by many never pass either limit.
 */
export const joinGroupByInviteLink: UseCase<ChangeInput & { code: string }, { groupId: string; userId: string }> = {
  name: 'joinGroupByInviteLink',
  firstCall: () => 'group',
  async plan(change, { code }) {
    const { inviteLinks, members } = change.stores;
    const found = await inviteLinks.findByCodeHash(change.trx, hashInviteCode(code));
    if (!found) throw new InviteLinkNotFoundError();
    const { group, actor } = await change.loadForChange(found.groupId);
    // Read again under the group's lock: the uses another join of this link committed meanwhile count.
    const link = (await inviteLinks.findById(change.trx, found.linkId)) ?? found;
    if (actor) throw new AlreadyAMemberError(group.groupId, change.actorId);
    if (link.revokedAt) throw new InviteLinkRevokedError(link.revokedAt);
    if (link.expiresAt.getTime() <= Date.now()) throw new InviteLinkExpiredError(link.expiresAt);
    if (link.maxUses !== null && link.uses >= link.maxUses) throw new InviteLinkExhaustedError(link.maxUses);
    const [creator] = await members.find(change.trx, group.groupId, [link.createdBy]);
    if (!inviteLinkCreatorStands(creator?.role ?? null)) throw new InviteLinkRevokedError(null, 'the member who made it no longer manages the group');
    const admission = await admit(change, group, [change.actorId], { joinedBy: 'INVITE_LINK', operatorUserId: change.actorId });
    await inviteLinks.adjustUses(change.trx, link.linkId, 1);
    return {
      groupId: group.groupId,
      steps: admission.steps,
      events: admission.events,
      undo: async (trx) => {
        await admission.undo(trx);
        await inviteLinks.adjustUses(trx, link.linkId, -1);
      },
      outcome: { groupId: group.groupId, userId: change.actorId },
    };
  },
};

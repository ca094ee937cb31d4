import { nothingToDo, type ChangeInput, type UseCase } from '../changes/change.js';
import type { Invitation } from '../entities.js';
import { AlreadyAMemberError, InvitationExpiredError, InvitationNotFoundError, PendingLimitReachedError } from '../errors.js';
import { authorizeInvite, inviterStands } from '../permissions.js';
import { MAX_LIVE_INVITATIONS_PER_GROUP } from '../rules.js';
import { admit } from './admission.js';
import type { GroupInput } from './membership.js';

export interface InviteInput extends ChangeInput {
  groupId: string;
  userIds: readonly string[];
  message?: string | null;
}

/**
 * Invites users (the owner, admins, and members where `membersCanInvite`); members already in are
 * left out, and a user already invited gets the invitation renewed (new message, new expiry).
 * Invitations last `INVITATION_TTL_SECONDS`. Nothing reaches the IM Service until one is accepted.
 */
export const inviteToGroup: UseCase<InviteInput, { groupId: string; invited: string[] }> = {
  name: 'inviteToGroup',
  firstCall: () => null,
  async plan(change, { groupId, userIds, message }) {
    change.refuseReserved(userIds, ['input', 'userIds']);
    const { group, actor } = await change.loadForChange(groupId);
    authorizeInvite(actor?.role ?? null, group);
    const { members, invitations } = change.stores;
    const candidates = [...new Set(userIds)];
    const present = new Set((await members.find(change.trx, groupId, candidates)).map((member) => member.userId));
    const invitees = candidates.filter((userId) => !present.has(userId));
    const now = Date.now();
    const before = await invitations.find(change.trx, groupId, invitees);
    const renewedLive = before.filter((invitation) => invitation.expiresAt.getTime() > now).length;
    const live = await invitations.countLiveForGroup(change.trx, groupId, now);
    if (live - renewedLive + invitees.length > MAX_LIVE_INVITATIONS_PER_GROUP) {
      throw new PendingLimitReachedError(MAX_LIVE_INVITATIONS_PER_GROUP, 'unexpired invitations per group');
    }
    const sent: Invitation[] = invitees.map((userId) => ({
      groupId,
      userId,
      inviterId: change.actorId,
      message: message ?? null,
      invitedAt: new Date(now),
      expiresAt: new Date(now + change.settings.invitationTtlMs),
    }));
    await invitations.upsert(change.trx, sent);
    const plan = nothingToDo(groupId, { groupId, invited: invitees });
    return {
      ...plan,
      undo: async (trx) => {
        await invitations.remove(trx, groupId, invitees);
        await invitations.restore(trx, before);
      },
    };
  },
};

/** The invitee comes in, while the invitation lasts and its inviter could still send it, whatever the join policy: one join call and the `Add` notice. */
export const acceptGroupInvitation: UseCase<GroupInput, { groupId: string; userId: string }> = {
  name: 'acceptGroupInvitation',
  firstCall: () => 'group',
  async plan(change, { groupId }) {
    const { group, actor } = await change.loadForChange(groupId);
    const [invitation] = await change.stores.invitations.find(change.trx, groupId, [change.actorId]);
    if (!invitation) throw new InvitationNotFoundError(groupId, change.actorId);
    // Left behind by a membership made another way (it answers invitations): nothing to accept.
    if (actor) throw new AlreadyAMemberError(groupId, change.actorId);
    if (invitation.expiresAt.getTime() <= Date.now()) throw new InvitationExpiredError(groupId, invitation.expiresAt);
    // A removed member's invitations (or a plain member's, once membersCanInvite is off) let no one in.
    const [inviter] = await change.stores.members.find(change.trx, groupId, [invitation.inviterId]);
    if (!inviterStands(inviter?.role ?? null, group)) throw new InvitationNotFoundError(groupId, change.actorId, 'the member who invited them may no longer invite');
    const admission = await admit(change, group, [change.actorId], { joinedBy: 'INVITATION_ACCEPTED', operatorUserId: change.actorId });
    return { groupId, ...admission, outcome: { groupId, userId: change.actorId } };
  },
};

/** The invitee says no (an expired invitation too): it is gone; the inviter may invite again. */
export const declineGroupInvitation: UseCase<GroupInput, { groupId: string }> = {
  name: 'declineGroupInvitation',
  firstCall: () => null,
  async plan(change, { groupId }) {
    await change.loadForChange(groupId);
    const { invitations } = change.stores;
    const [invitation] = await invitations.find(change.trx, groupId, [change.actorId]);
    if (!invitation) throw new InvitationNotFoundError(groupId, change.actorId);
    await invitations.remove(change.trx, groupId, [change.actorId]);
    return { ...nothingToDo(groupId, { groupId }), undo: (trx) => invitations.restore(trx, [invitation]) };
  },
};

import { nothingToDo, type ChangeInput, type UseCase } from '../changes/change.js';
import type { MemberRole } from '../entities.js';
import { drafts } from '../events/drafts.js';
import { authorize, authorizeRoleChange } from '../permissions.js';
import { whitelistSteps } from './moderation.js';

export interface MemberInput extends ChangeInput {
  groupId: string;
  userId: string;
}

export interface SetMemberRoleInput extends MemberInput {
  role: Exclude<MemberRole, 'OWNER'>;
}

/** The member as recorded in an outcome (JSON: the join time in epoch ms). */
export interface MemberOutcome {
  groupId: string;
  userId: string;
  role: MemberRole;
  joinedAt: number;
  [key: string]: string | number;
}

/**
 * Hands the group to another member; the previous owner stays as an admin. Announced with `Transfer`.
 * While the group is muted, a new owner who was a plain member joins the speaking whitelist first.
 */
export const transferGroupOwnership: UseCase<MemberInput, { groupId: string }> = {
  name: 'transferGroupOwnership',
  // Its notice is its only call: without one, it waits on no budget.
  firstCall: (input) => (input.notify === false ? null : 'publish'),
  async plan(change, { groupId, userId: newOwnerId }) {
    change.refuseReserved(newOwnerId, ['input', 'userId']);
    const { group, actor } = await change.loadForChange(groupId);
    authorize('transferOwnership', actor?.role ?? null);
    const actorId = change.actorId;
    if (newOwnerId === actorId) return nothingToDo(groupId, { groupId });
    const target = await change.requireMember(groupId, newOwnerId);
    const { groups, members } = change.stores;
    await members.setRole(change.trx, groupId, actorId, 'ADMIN');
    await members.setRole(change.trx, groupId, newOwnerId, 'OWNER');
    await groups.setOwner(change.trx, groupId, newOwnerId);
    // The previous owner stays on the whitelist as an admin; an admin made owner is on it already.
    const gainsVoice = target.role === 'MEMBER' ? [newOwnerId] : [];
    return {
      groupId,
      steps: [
        ...whitelistSteps(group.muted, groupId, { add: gainsVoice }),
        {
          notice: { operation: 'Transfer', operatorUserId: actorId, targetUserIds: [newOwnerId], groupName: group.name, displayNames: change.displayNames([actor, target]) },
        },
      ],
      events: [drafts.ownershipTransferred(actorId, newOwnerId)],
      undo: async (trx) => {
        await members.setRole(trx, groupId, newOwnerId, target.role);
        await members.setRole(trx, groupId, actorId, 'OWNER');
        await groups.setOwner(trx, groupId, actorId);
      },
      outcome: { groupId },
    };
  },
};

/**
 * Makes a member an admin or a plain member again. The IM Service knows no roles: nothing is sent,
 * except while the group is muted, when the member joins (promoted) or leaves (demoted) its
 * speaking whitelist.
 */
export const setGroupMemberRole: UseCase<SetMemberRoleInput, MemberOutcome> = {
  name: 'setGroupMemberRole',
  async plan(change, { groupId, userId, role }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('setRoles', actor?.role ?? null);
    const target = await change.requireMember(groupId, userId);
    authorizeRoleChange(target);
    const outcome = { groupId, userId, role, joinedAt: target.joinedAt.getTime() };
    if (target.role === role) return nothingToDo(groupId, outcome);
    const { members } = change.stores;
    await members.setRole(change.trx, groupId, userId, role);
    const events = [drafts.roleChanged(userId, role, target.role)];
    const steps = whitelistSteps(group.muted, groupId, role === 'ADMIN' ? { add: [userId] } : { remove: [userId] });
    if (steps.length === 0) return { ...nothingToDo(groupId, outcome), events };
    return { groupId, steps, events, undo: (trx) => members.setRole(trx, groupId, userId, target.role), outcome };
  },
};

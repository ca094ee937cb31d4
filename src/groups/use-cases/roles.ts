import { nothingToDo, type ChangeInput, type UseCase } from '../changes/change.js';
import type { MemberRole } from '../entities.js';
import { drafts } from '../events/drafts.js';
import { authorize, authorizeRoleChange } from '../permissions.js';

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

/** Hands the group to another member; the previous owner stays as an admin. Announced with `Transfer`. */
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
    return {
      groupId,
      steps: [{ notice: { operation: 'Transfer', operatorUserId: actorId, targetUserIds: [newOwnerId], groupName: group.name } }],
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

/** Makes a member an admin or a plain member again. The IM Service knows no roles: nothing is sent. */
export const setGroupMemberRole: UseCase<SetMemberRoleInput, MemberOutcome> = {
  name: 'setGroupMemberRole',
  async plan(change, { groupId, userId, role }) {
    const { actor } = await change.loadForChange(groupId);
    authorize('setRoles', actor?.role ?? null);
    const target = await change.requireMember(groupId, userId);
    authorizeRoleChange(target);
    await change.stores.members.setRole(change.trx, groupId, userId, role);
    const plan = nothingToDo(groupId, { groupId, userId, role, joinedAt: target.joinedAt.getTime() });
    return target.role === role ? plan : { ...plan, events: [drafts.roleChanged(userId, role, target.role)] };
  },
};

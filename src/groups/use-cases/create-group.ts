import type { ChangeInput, UseCase } from '../changes/change.js';
import { drafts } from '../events/drafts.js';
import { GroupIdTakenError, MemberLimitExceededError } from '../errors.js';
import { generateGroupId } from '../ids.js';
import type { OutboxOperation } from '../outbox/operations.js';
import { isUniqueViolation } from '../store/errors.js';

export interface CreateGroupInput extends ChangeInput {
  /** Left out, one is generated. */
  groupId?: string | null;
  name: string;
  /** The other members; the caller joins as owner. */
  memberIds?: readonly string[] | null;
  avatarUrl?: string | null;
}

/** A new group, the caller its owner: stored, created at the IM Service, announced with `Create`. */
export const createGroup: UseCase<CreateGroupInput, { groupId: string }> = {
  name: 'createGroup',
  firstCall: () => 'group',
  async plan(change, input) {
    const ownerId = change.actorId;
    change.refuseReserved(input.memberIds ?? [], ['input', 'memberIds']);
    const memberIds = [...new Set([ownerId, ...(input.memberIds ?? [])])];
    if (memberIds.length > change.settings.maxMembers) throw new MemberLimitExceededError(change.settings.maxMembers, memberIds.length);
    const groupId = input.groupId ?? generateGroupId();
    const { groups } = change.stores;
    // A taken id (dismissed groups' included) is the primary key's violation: no read needed first.
    try {
      await groups.insert(change.trx, { groupId, name: input.name, avatarUrl: input.avatarUrl ?? null, ownerId, memberIds, syncStatus: 'PENDING', createdAt: Date.now() });
    } catch (error) {
      // Also two requests racing for one id: the loser hits the primary key once the winner commits.
      if (isUniqueViolation(error)) throw new GroupIdTakenError(groupId);
      throw error;
    }
    const create: OutboxOperation = { kind: 'createGroup', groupId, groupName: input.name, userIds: memberIds };
    return {
      groupId,
      steps: [{ call: create }, { notice: { operation: 'Create', operatorUserId: ownerId, targetUserIds: memberIds, groupName: input.name } }],
      events: [drafts.created(input.name, memberIds)],
      undo: (trx) => groups.delete(trx, groupId),
      outcome: { groupId },
      writtenPending: true,
    };
  },
};

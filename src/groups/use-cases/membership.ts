import { nothingToDo, type ChangeContext, type ChangeInput, type Plan, type Step, type UseCase } from '../changes/change.js';
import type { Member } from '../entities.js';
import { drafts } from '../events/drafts.js';
import { MemberLimitExceededError } from '../errors.js';
import { authorize, authorizeLeave, authorizeRemoval } from '../permissions.js';

export interface MembersInput extends ChangeInput {
  groupId: string;
  userIds: readonly string[];
}

export interface GroupInput extends ChangeInput {
  groupId: string;
}

/** Adds users (those already in are not an error), announced with `Add`. Answers who was actually added. */
export const addGroupMembers: UseCase<MembersInput, { groupId: string; added: string[] }> = {
  name: 'addGroupMembers',
  firstCall: () => 'group',
  async plan(change, { groupId, userIds }) {
    change.refuseReserved(userIds, ['input', 'userIds']);
    const { group, actor } = await change.loadForChange(groupId);
    authorize('addMembers', actor?.role ?? null);
    const candidates = [...new Set(userIds)];
    const { groups, members } = change.stores;
    const present = new Set((await members.find(change.trx, groupId, candidates)).map((member) => member.userId));
    const newcomers = candidates.filter((userId) => !present.has(userId));
    const total = group.memberCount + newcomers.length;
    if (total > change.settings.maxMembers) throw new MemberLimitExceededError(change.settings.maxMembers, total);
    if (newcomers.length === 0) return nothingToDo(groupId, { groupId, added: [] });
    await members.add(change.trx, groupId, newcomers, Date.now());
    await groups.adjustMemberCount(change.trx, groupId, newcomers.length);
    return {
      groupId,
      steps: [
        { call: { kind: 'joinGroup', groupId, userIds: newcomers } },
        { notice: { operation: 'Add', operatorUserId: change.actorId, targetUserIds: newcomers, groupName: group.name } },
      ],
      events: [drafts.membersAdded(newcomers)],
      undo: async (trx) => {
        await members.remove(trx, groupId, newcomers);
        await groups.adjustMemberCount(trx, groupId, -newcomers.length);
      },
      outcome: { groupId, added: newcomers },
    };
  },
};

/** Removes members (those not in are ignored). The removed get `Kicked` before they go, so they still receive it. */
export const removeGroupMembers: UseCase<MembersInput, { groupId: string; removed: string[] }> = {
  name: 'removeGroupMembers',
  firstCall: () => 'group',
  async plan(change, { groupId, userIds }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('removeMembers', actor?.role ?? null);
    const targets = await change.stores.members.find(change.trx, groupId, [...new Set(userIds)]);
    for (const target of targets) authorizeRemoval(actor!.role, change.actorId, target);
    const plan = await removal(change, groupId, targets, 'Kicked', group.name);
    return { ...plan, outcome: { groupId, removed: plan.outcome } };
  },
};

/** The caller leaves; those who stay hear `Quit`. */
export const leaveGroup: UseCase<GroupInput, { groupId: string }> = {
  name: 'leaveGroup',
  firstCall: () => 'group',
  async plan(change, { groupId }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorizeLeave(groupId, actor?.role ?? null);
    const plan = await removal(change, groupId, [actor!], 'Quit', group.name);
    return { ...plan, outcome: { groupId } };
  },
};

/** Members out of a group, in the store and at the IM Service; the outcome is who went. */
async function removal(change: ChangeContext, groupId: string, targets: readonly Member[], operation: 'Kicked' | 'Quit', groupName: string): Promise<Plan<string[]>> {
  const userIds = targets.map((target) => target.userId);
  if (userIds.length === 0) return nothingToDo(groupId, []);
  const { groups, members } = change.stores;
  await members.remove(change.trx, groupId, userIds);
  await groups.adjustMemberCount(change.trx, groupId, -userIds.length);
  const quit: Step = { call: { kind: 'quitGroup', groupId, userIds } };
  const notice: Step = { notice: { operation, operatorUserId: change.actorId, targetUserIds: userIds, groupName } };
  return {
    groupId,
    // `Kicked` goes before the quit so that the removed still receive it; `Quit` after, for those who stay.
    steps: operation === 'Kicked' ? [notice, quit] : [quit, notice],
    events: [operation === 'Kicked' ? drafts.membersRemoved(userIds) : drafts.memberLeft(change.actorId)],
    undo: async (trx) => {
      await members.restore(trx, targets);
      await groups.adjustMemberCount(trx, groupId, userIds.length);
    },
    outcome: userIds,
  };
}

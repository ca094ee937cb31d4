import { nothingToDo, type ChangeContext, type ChangeInput, type UseCase } from '../changes/change.js';
import { JoinRequestNotFoundError, PendingLimitReachedError } from '../errors.js';
import { authorize, authorizeSelfJoin } from '../permissions.js';
import { MAX_PENDING_REQUESTS_PER_USER } from '../rules.js';
import { admit } from './admission.js';
import type { GroupInput, MembersInput } from './membership.js';

export interface JoinRequestInput extends ChangeInput {
  groupId: string;
  message?: string | null;
}

/**
 * The caller asks to join a `REQUEST` group; the owner and admins see it in `Group.joinRequests`.
 * Asking again while pending only replaces the message. Nothing reaches the IM Service.
 */
export const requestToJoinGroup: UseCase<JoinRequestInput, { groupId: string; userId: string }> = {
  name: 'requestToJoinGroup',
  firstCall: () => null,
  async plan(change, { groupId, message }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorizeSelfJoin(group, actor?.role ?? null, change.actorId, 'REQUEST');
    const { joinRequests } = change.stores;
    const [pending] = await joinRequests.find(change.trx, groupId, [change.actorId]);
    if (!pending && (await joinRequests.countForUser(change.trx, change.actorId)) >= MAX_PENDING_REQUESTS_PER_USER) {
      throw new PendingLimitReachedError(MAX_PENDING_REQUESTS_PER_USER, 'pending requests to join per user');
    }
    await joinRequests.upsert(change.trx, { groupId, userId: change.actorId, message: message ?? null, requestedAt: new Date() });
    const plan = nothingToDo(groupId, { groupId, userId: change.actorId });
    return { ...plan, undo: async (trx) => (pending ? joinRequests.upsert(trx, pending) : joinRequests.remove(trx, groupId, [change.actorId])) };
  },
};

/**
 * The owner or an admin lets requesters in, many at once, all or none: every user named must have
 * a pending request (`JoinRequestNotFoundError` names those who have not), and all must fit under
 * the member cap. They come in as `addGroupMembers` adds: one join call, the `Add` notice.
 */
export const approveJoinRequests: UseCase<MembersInput, { groupId: string; added: string[] }> = {
  name: 'approveJoinRequests',
  firstCall: () => 'group',
  async plan(change, { groupId, userIds }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('manageJoinRequests', actor?.role ?? null);
    const requesters = await pendingRequesters(change, groupId, userIds);
    const admission = await admit(change, group, requesters, { joinedBy: 'REQUEST_APPROVED', operatorUserId: change.actorId, operator: actor });
    return { groupId, ...admission, outcome: { groupId, added: requesters } };
  },
};

/** The owner or an admin turns requests down, all or none (as approvals). The requesters hear nothing from the IM Service. */
export const declineJoinRequests: UseCase<MembersInput, { groupId: string; declined: string[] }> = {
  name: 'declineJoinRequests',
  firstCall: () => null,
  async plan(change, { groupId, userIds }) {
    const { actor } = await change.loadForChange(groupId);
    authorize('manageJoinRequests', actor?.role ?? null);
    const requesters = await pendingRequesters(change, groupId, userIds);
    return withdrawRequests(change, groupId, requesters, { groupId, declined: requesters });
  },
};

/** The caller withdraws their own pending request. */
export const cancelJoinRequest: UseCase<GroupInput, { groupId: string }> = {
  name: 'cancelJoinRequest',
  firstCall: () => null,
  async plan(change, { groupId }) {
    await change.loadForChange(groupId);
    const requesters = await pendingRequesters(change, groupId, [change.actorId]);
    return withdrawRequests(change, groupId, requesters, { groupId });
  },
};

/** The caller joins an `OPEN` group: one join call and the `Add` notice ("joined the group"). */
export const joinGroup: UseCase<GroupInput, { groupId: string; userId: string }> = {
  name: 'joinGroup',
  firstCall: () => 'group',
  async plan(change, { groupId }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorizeSelfJoin(group, actor?.role ?? null, change.actorId, 'OPEN');
    const admission = await admit(change, group, [change.actorId], { joinedBy: 'OPEN_JOIN', operatorUserId: change.actorId });
    return { groupId, ...admission, outcome: { groupId, userId: change.actorId } };
  },
};

/** The users named, each with a pending request to the group, or `JoinRequestNotFoundError` naming those without. */
async function pendingRequesters(change: ChangeContext, groupId: string, userIds: readonly string[]): Promise<string[]> {
  const named = [...new Set(userIds)];
  const found = new Set((await change.stores.joinRequests.find(change.trx, groupId, named)).map((request) => request.userId));
  const missing = named.filter((userId) => !found.has(userId));
  if (missing.length > 0) throw new JoinRequestNotFoundError(groupId, missing);
  return named;
}

async function withdrawRequests<Outcome extends { groupId: string }>(change: ChangeContext, groupId: string, userIds: readonly string[], outcome: Outcome) {
  const { joinRequests } = change.stores;
  const requests = await joinRequests.find(change.trx, groupId, userIds);
  await joinRequests.remove(change.trx, groupId, userIds);
  return { ...nothingToDo(groupId, outcome), undo: (trx: ChangeContext['trx']) => joinRequests.restore(trx, requests) };
}

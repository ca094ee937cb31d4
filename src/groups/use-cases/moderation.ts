import { nothingToDo, type ChangeContext, type ChangeInput, type Step, type UseCase } from '../changes/change.js';
import type { Member } from '../entities.js';
import { MuteTooLongError, NotAMemberError } from '../errors.js';
import { MODERATION_LIMITS } from '../../im/index.js';
import { drafts } from '../events/drafts.js';
import { authorize, authorizeMute } from '../permissions.js';

export interface MuteMembersInput extends ChangeInput {
  groupId: string;
  userIds: readonly string[];
  /** 1 to 43 200 (30 days), the IM Service's longest gag. */
  minutes: number;
}

export interface UnmuteMembersInput extends ChangeInput {
  groupId: string;
  userIds: readonly string[];
}

export interface SetGroupMutedInput extends ChangeInput {
  groupId: string;
  muted: boolean;
}

/** Who may speak while the group is muted whole: on the IM Service's ban whitelist. */
export const SPEAKS_WHEN_MUTED = ['OWNER', 'ADMIN'] as const;

/**
 * Mutes members for `minutes` (the IM Service's member gag). Longer than the IM Service allows is
 * refused (`MuteTooLongError`), not renewed: a renewal missed (an outage, the gateway down at the
 * wrong hour) would let the member speak again with nobody told, and a refusal says so at once.
 * Muting a muted member sets the new end. No notice: `RC:GrpNtf` has no mute operation.
 */
export const muteGroupMembers: UseCase<MuteMembersInput, { groupId: string; userIds: string[]; mutedUntil: number }> = {
  name: 'muteGroupMembers',
  firstCall: () => 'group',
  async plan(change, { groupId, userIds, minutes }) {
    if (minutes > MODERATION_LIMITS.maxGagMinutes) throw new MuteTooLongError(MODERATION_LIMITS.maxGagMinutes, minutes);
    const { actor } = await change.loadForChange(groupId);
    authorize('muteMembers', actor?.role ?? null);
    const targets = await moderatedTargets(change, groupId, userIds, actor);
    const mutedUntil = Date.now() + minutes * 60_000;
    const ids = targets.map((target) => target.userId);
    await change.stores.members.setMutedUntil(change.trx, groupId, ids, mutedUntil);
    return {
      groupId,
      steps: [{ call: { kind: 'gagMembers', groupId, userIds: ids, until: mutedUntil } }],
      events: [drafts.membersMuted(ids, mutedUntil)],
      undo: (trx) => restoreMutes(change, trx, groupId, targets),
      outcome: { groupId, userIds: ids, mutedUntil },
    };
  },
};

/** Lifts members' mutes (members who were not muted are lifted all the same: the IM Service's rollback is idempotent). */
export const unmuteGroupMembers: UseCase<UnmuteMembersInput, { groupId: string; userIds: string[] }> = {
  name: 'unmuteGroupMembers',
  firstCall: () => 'group',
  async plan(change, { groupId, userIds }) {
    const { actor } = await change.loadForChange(groupId);
    authorize('muteMembers', actor?.role ?? null);
    const targets = await moderatedTargets(change, groupId, userIds, actor);
    const ids = targets.map((target) => target.userId);
    await change.stores.members.setMutedUntil(change.trx, groupId, ids, null);
    return {
      groupId,
      steps: [{ call: { kind: 'ungagMembers', groupId, userIds: ids } }],
      events: [drafts.membersUnmuted(ids)],
      undo: (trx) => restoreMutes(change, trx, groupId, targets),
      outcome: { groupId, userIds: ids },
    };
  },
};

/**
 * Mutes or unmutes the whole group (the IM Service's group ban), the owner and admins on its
 * speaking whitelist while it is muted; setting the state it already has sends nothing.
 */
export const setGroupMuted: UseCase<SetGroupMutedInput, { groupId: string; muted: boolean }> = {
  name: 'setGroupMuted',
  firstCall: () => 'group',
  async plan(change, { groupId, muted }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('muteGroup', actor?.role ?? null);
    if (group.muted === muted) return nothingToDo(groupId, { groupId, muted });
    const whitelist = (await change.stores.members.findByRoles(change.trx, groupId, SPEAKS_WHEN_MUTED)).map((member) => member.userId);
    await change.stores.groups.setMuted(change.trx, groupId, muted);
    return {
      groupId,
      steps: [{ call: muted ? { kind: 'banGroup', groupId, whitelist } : { kind: 'unbanGroup', groupId, whitelist } }],
      events: [drafts.groupMuteChanged(muted)],
      undo: (trx) => change.stores.groups.setMuted(trx, groupId, !muted),
      outcome: { groupId, muted },
    };
  },
};

/**
 * The steps that keep the IM Service's whitelist in step with roles while the group is muted:
 * `add` gained the right to speak (promoted, made owner), `remove` lost it (demoted, gone). None
 * while the group speaks: the whitelist is kept only while it is muted.
 */
export function whitelistSteps(groupMuted: boolean, groupId: string, change: { add?: string[]; remove?: string[] }): Step[] {
  const add = change.add ?? [];
  const remove = change.remove ?? [];
  if (!groupMuted || add.length + remove.length === 0) return [];
  return [{ call: { kind: 'whitelistMembers', groupId, add, remove } }];
}

/**
 * What the IM Service must forget of members who leave: their gag (the store forgets it with the
 * membership, and a gag may outlive a membership there), their whitelist entry, and their push
 * alias (kept apart from the membership there, `src/im/README.md`: a member who came back would
 * be pushed under a nickname the gateway no longer shows, and reconcile asks only nicknamed
 * members). Sent after the quit.
 */
export function departureSteps(groupMuted: boolean, groupId: string, leaving: readonly Member[], now = Date.now()): Step[] {
  const gagged = leaving.filter((member) => member.mutedUntil !== null && member.mutedUntil.getTime() > now).map((member) => member.userId);
  const speaking = leaving.filter((member) => member.role !== 'MEMBER').map((member) => member.userId);
  const steps: Step[] = gagged.length > 0 ? [{ call: { kind: 'ungagMembers', groupId, userIds: gagged } }] : [];
  const aliases: Step[] = leaving.filter((member) => member.nickname !== null).map((member) => ({ call: { kind: 'deleteGroupRemark', groupId, userId: member.userId } }));
  return [...steps, ...whitelistSteps(groupMuted, groupId, { remove: speaking }), ...aliases];
}

/** The named members, each one the actor may mute; a non-member named is refused (nothing changes). */
async function moderatedTargets(change: ChangeContext, groupId: string, userIds: readonly string[], actor: Member | null): Promise<Member[]> {
  const wanted = [...new Set(userIds)];
  const found = new Map((await change.stores.members.find(change.trx, groupId, wanted)).map((member) => [member.userId, member]));
  const missing = wanted.find((userId) => !found.has(userId));
  if (missing !== undefined) throw new NotAMemberError(groupId, missing);
  const targets = wanted.map((userId) => found.get(userId)!);
  for (const target of targets) authorizeMute(actor!.role, target);
  return targets;
}

/** Puts each member's mute back as it was (an undo). */
async function restoreMutes(change: ChangeContext, trx: Parameters<ChangeContext['stores']['members']['setMutedUntil']>[0], groupId: string, members: readonly Member[]): Promise<void> {
  const byEnd = new Map<number | null, string[]>();
  for (const member of members) {
    const end = member.mutedUntil?.getTime() ?? null;
    byEnd.set(end, [...(byEnd.get(end) ?? []), member.userId]);
  }
  for (const [end, ids] of byEnd) await change.stores.members.setMutedUntil(trx, groupId, ids, end);
}

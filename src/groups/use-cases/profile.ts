import type { ChangeInput, Step, UseCase } from '../changes/change.js';
import { drafts } from '../events/drafts.js';
import { authorize } from '../permissions.js';
import type { GroupInput } from './membership.js';

export interface UpdateGroupInput extends ChangeInput {
  groupId: string;
  /** Left out: kept. */
  name?: string | null;
  /** Left out: kept; null: removed. */
  avatarUrl?: string | null;
}

/** A new name and/or picture. A new name is pushed to the IM Service too (push notifications show it) and announced with `Rename`. */
export const updateGroup: UseCase<UpdateGroupInput, { groupId: string }> = {
  name: 'updateGroup',
  // Only a new name reaches the IM Service (a picture stays here).
  firstCall: (input) => (input.name != null ? 'group' : null),
  async plan(change, { groupId, name, avatarUrl }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('updateProfile', actor?.role ?? null);
    const profile = { ...(name != null ? { name } : {}), ...(avatarUrl !== undefined ? { avatarUrl } : {}) };
    const before = { name: group.name, avatarUrl: group.avatarUrl };
    const { groups } = change.stores;
    await groups.updateProfile(change.trx, groupId, profile);
    const steps: Step[] =
      name != null && name !== group.name
        ? [{ call: { kind: 'refreshGroup', groupId, groupName: name } }, { notice: { operation: 'Rename', operatorUserId: change.actorId, groupName: name } }]
        : [];
    const changed = [
      ...(name != null && name !== group.name ? (['name'] as const) : []),
      ...(avatarUrl !== undefined && avatarUrl !== group.avatarUrl ? (['avatarUrl'] as const) : []),
    ];
    const events = changed.length > 0 ? [drafts.profileUpdated(changed, { name: name ?? group.name, avatarUrl: avatarUrl === undefined ? group.avatarUrl : avatarUrl })] : [];
    return { groupId, steps, events, undo: (trx) => groups.updateProfile(trx, groupId, before), outcome: { groupId } };
  },
};

/** The group dismissed: members hear `Dismiss` first, then it is gone from every list. */
export const dismissGroup: UseCase<GroupInput, { groupId: string }> = {
  name: 'dismissGroup',
  firstCall: () => 'group',
  async plan(change, { groupId }) {
    const { group, actor } = await change.loadForChange(groupId);
    authorize('dismiss', actor?.role ?? null);
    const { groups } = change.stores;
    await groups.setDismissedAt(change.trx, groupId, Date.now());
    return {
      groupId,
      steps: [
        { notice: { operation: 'Dismiss', operatorUserId: change.actorId, groupName: group.name } },
        { call: { kind: 'dismissGroup', groupId, operatorUserId: change.actorId } },
      ],
      events: [drafts.dismissed()],
      undo: (trx) => groups.setDismissedAt(trx, groupId, null),
      outcome: { groupId },
    };
  },
};

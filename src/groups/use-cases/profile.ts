import type { ChangeInput, Step, UseCase } from '../changes/change.js';
import type { Announcement, GroupAttribute, GroupVisibility, JoinPolicy } from '../entities.js';
import { AttributeLimitExceededError } from '../errors.js';
import { drafts, type ProfileField } from '../events/drafts.js';
import { authorize } from '../permissions.js';
import { MAX_ATTRIBUTES } from '../rules.js';
import type { ProfileChange } from '../store/groups.repository.js';
import type { GroupInput } from './membership.js';

/** One attribute to set, or to remove (`value: null`). */
export interface AttributeChange {
  key: string;
  value: string | null;
}

/** Every profile field: left out (undefined), kept; null, cleared (`name` cannot be cleared). */
export interface UpdateGroupInput extends ChangeInput {
  groupId: string;
  name?: string | null;
  avatarUrl?: string | null;
  description?: string | null;
  announcement?: string | null;
  /** Merged into the group's attributes, key by key (others are kept); null removes them all. */
  attributes?: readonly AttributeChange[] | null;
  /** Left out (or null): kept. Stays here: the IM Service has no such setting. */
  visibility?: GroupVisibility | null;
  /** Left out: kept. */
  joinPolicy?: JoinPolicy | null;
  /** Left out: kept. */
  membersCanInvite?: boolean | null;
}

/**
 * A new profile. A new name is pushed to the IM Service too (push notifications show it) and
 * announced with `Rename`; a new (or cleared) announcement is announced with `Bulletin`, which has
 * no group call: the IM Service keeps no announcement, description or attributes.
 */
export const updateGroup: UseCase<UpdateGroupInput, { groupId: string }> = {
  name: 'updateGroup',
  // A new name is a group call; an announcement only a notice (refused, like a transfer, when it cannot start in time).
  firstCall: (input) => (input.name != null ? 'group' : input.announcement !== undefined && input.notify !== false ? 'publish' : null),
  async plan(change, input) {
    const { groupId, name, avatarUrl, description, visibility, joinPolicy, membersCanInvite } = input;
    const { group, actor } = await change.loadForChange(groupId);
    authorize('updateProfile', actor?.role ?? null);
    const rules = { ...(joinPolicy != null ? { joinPolicy } : {}), ...(membersCanInvite != null ? { membersCanInvite } : {}) };
    if (Object.keys(rules).length > 0) authorize('changeJoinRules', actor?.role ?? null);
    const rulesBefore = pick({ joinPolicy: group.joinPolicy, membersCanInvite: group.membersCanInvite }, Object.keys(rules));
    const announcementChanged = input.announcement !== undefined && (input.announcement ?? null) !== (group.announcement?.text ?? null);
    const announcement: Announcement | null | undefined = !announcementChanged
      ? undefined
      : input.announcement == null
        ? null
        : { text: input.announcement, setBy: change.actorId, setAt: new Date() };
    const attributes = input.attributes === undefined ? undefined : merged(group.attributes, input.attributes);
    const profile: ProfileChange = {
      ...(name != null ? { name } : {}),
      ...(avatarUrl !== undefined ? { avatarUrl } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(announcement !== undefined ? { announcement } : {}),
      ...(attributes !== undefined ? { attributes } : {}),
      ...(visibility != null ? { visibility } : {}),
    };
    // The undo comes after the commit (the IM Service refused a later call): it puts back only what this change wrote,
    // so another admin's change committed in between stands.
    const before: ProfileChange = pick(
      { name: group.name, avatarUrl: group.avatarUrl, description: group.description, announcement: group.announcement, attributes: group.attributes, visibility: group.visibility },
      Object.keys(profile),
    );
    const { groups } = change.stores;
    // Only a group PUBLIC before or after is in the search index (a PRIVATE rename costs it nothing).
    const searchable = group.visibility === 'PUBLIC' || visibility === 'PUBLIC';
    await groups.updateProfile(change.trx, groupId, profile, searchable);
    await groups.setJoinRules(change.trx, groupId, rules);
    const displayNames = change.displayNames([actor]);
    const operatorUserId = change.actorId;
    const renamed = name != null && name !== group.name;
    const steps: Step[] = [
      ...(renamed
        ? [{ call: { kind: 'refreshGroup', groupId, groupName: name } } as const, { notice: { operation: 'Rename', operatorUserId, groupName: name, displayNames } } as const]
        : []),
      ...(announcement !== undefined
        ? [{ notice: { operation: 'Bulletin', operatorUserId, groupName: name ?? group.name, displayNames, bulletin: announcement?.text ?? '' } } as const]
        : []),
    ];
    const changed: ProfileField[] = [
      ...(renamed ? (['name'] as const) : []),
      ...(avatarUrl !== undefined && avatarUrl !== group.avatarUrl ? (['avatarUrl'] as const) : []),
      ...(description !== undefined && description !== group.description ? (['description'] as const) : []),
      ...(announcement !== undefined ? (['announcement'] as const) : []),
      ...(attributes !== undefined && JSON.stringify(attributes) !== JSON.stringify(group.attributes) ? (['attributes'] as const) : []),
      ...(visibility != null && visibility !== group.visibility ? (['visibility'] as const) : []),
      ...(joinPolicy != null && joinPolicy !== group.joinPolicy ? (['joinPolicy'] as const) : []),
      ...(membersCanInvite != null && membersCanInvite !== group.membersCanInvite ? (['membersCanInvite'] as const) : []),
    ];
    const after = {
      name: name ?? group.name,
      avatarUrl: avatarUrl === undefined ? group.avatarUrl : avatarUrl,
      description: description === undefined ? group.description : description,
      visibility: visibility ?? group.visibility,
    };
    const events = changed.length > 0 ? [drafts.profileUpdated(changed, after)] : [];
    const undo = async (trx: Parameters<typeof groups.updateProfile>[0]) => {
      await groups.updateProfile(trx, groupId, before, searchable);
      await groups.setJoinRules(trx, groupId, rulesBefore);
    };
    return { groupId, steps, events, undo, outcome: { groupId } };
  },
};

/** Only the named fields of `values`. */
function pick<T extends object>(values: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key))) as Partial<T>;
}

/** The group's attributes with the changes applied, in key order; more than the group may hold is refused. */
function merged(current: readonly GroupAttribute[], changes: readonly AttributeChange[] | null): GroupAttribute[] {
  if (changes === null) return [];
  const byKey = new Map(current.map((attribute) => [attribute.key, attribute.value]));
  for (const { key, value } of changes) {
    if (value === null) byKey.delete(key);
    else byKey.set(key, value);
  }
  if (byKey.size > MAX_ATTRIBUTES) throw new AttributeLimitExceededError(MAX_ATTRIBUTES, byKey.size);
  return [...byKey.keys()].sort().map((key) => ({ key, value: byKey.get(key)! }));
}

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
        { notice: { operation: 'Dismiss', operatorUserId: change.actorId, groupName: group.name, displayNames: change.displayNames([actor]) } },
        { call: { kind: 'dismissGroup', groupId, operatorUserId: change.actorId } },
      ],
      events: [drafts.dismissed()],
      undo: (trx) => groups.setDismissedAt(trx, groupId, null),
      outcome: { groupId },
    };
  },
};

import type { GroupEvent as GroupEventEntity, GroupEventKind } from '../../../groups/events/event.js';
import { InvalidInputError } from '../../../groups/errors.js';
import { builder, type SchemaTypes } from '../../builder.js';
import { GroupVisibilityEnum, MemberRoleEnum, WayInEnum } from '../group/enums.js';
import { EventUser, eventUser } from './event-user.type.js';
import { GroupEvent } from './group-event.interface.js';

/** The events of one kind: what a type of this file is backed by. */
type EventOf<K extends GroupEventKind> = Extract<GroupEventEntity, { kind: K }>;

function eventType<K extends GroupEventKind>(kind: K, description: string) {
  return builder.objectRef<EventOf<K>>(kind).implement({
    description,
    interfaces: [GroupEvent],
    isTypeOf: (event) => (event as GroupEventEntity).kind === kind,
  });
}

/** The most users one event's list answers (a change may name thousands): the rest are counted, and read in `Group.members`. */
export const MAX_EVENT_USERS = 100;
const DEFAULT_EVENT_USERS = 20;

/**
 * An event's list of users, bounded: `first` of them (counted by the query cost like a page), and
 * how many it names in all, so that one page of events stays one bounded response.
 */
function userList<K extends 'GroupCreated' | 'MembersAdded' | 'MembersRemoved' | 'MembersMuted' | 'MembersUnmuted'>(
  t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, EventOf<K>>,
  userIdsOf: (event: EventOf<K>) => readonly string[],
  description: string,
) {
  return t.field({
    type: [EventUser],
    extensions: { maxItems: MAX_EVENT_USERS },
    description: `${description} The first \`first\` of them, in the order the change named them; the count says how many in all.`,
    args: { first: t.arg.int({ required: false, defaultValue: DEFAULT_EVENT_USERS, description: `How many, 0 to ${MAX_EVENT_USERS}.` }) },
    resolve: (event, args) => {
      const first = args.first ?? DEFAULT_EVENT_USERS;
      if (first < 0 || first > MAX_EVENT_USERS) throw new InvalidInputError([{ path: ['first'], message: `first must be from 0 to ${MAX_EVENT_USERS}` }]);
      return userIdsOf(event).slice(0, first).map((userId) => eventUser((event as GroupEventEntity).groupId, userId));
    },
  });
}

export const GroupProfileFieldEnum = builder.enumType('GroupProfileField', {
  description: 'A part of the group profile a change may update.',
  values: {
    NAME: { description: 'The display name.' },
    AVATAR_URL: { description: 'The picture.' },
    DESCRIPTION: { description: 'What the group is about.' },
    ANNOUNCEMENT: { description: 'The announcement (members read it from `Group.announcement`).' },
    ATTRIBUTES: { description: 'The app-defined attributes (members read them from `Group.attributes`).' },
    VISIBILITY: { description: 'Who reads the profile and whether search finds the group (`Group.visibility`).' },
    JOIN_POLICY: { description: 'Who may come in without being added (`Group.joinPolicy`).' },
    MEMBERS_CAN_INVITE: { description: 'Whether plain members may invite (`Group.membersCanInvite`).' },
  } as const,
});

const PROFILE_FIELD = { name: 'NAME', avatarUrl: 'AVATAR_URL', description: 'DESCRIPTION', announcement: 'ANNOUNCEMENT', attributes: 'ATTRIBUTES', visibility: 'VISIBILITY', joinPolicy: 'JOIN_POLICY', membersCanInvite: 'MEMBERS_CAN_INVITE' } as const;

export const GroupCreated = eventType('GroupCreated', 'The group was created; the actor is its owner.');
builder.objectFields(GroupCreated, (t) => ({
  name: t.string({ description: 'Its name at creation.', resolve: (event) => event.data.name }),
  members: userList(t, (event) => event.data.memberIds, 'Its first members, the owner included.'),
  memberCount: t.int({ description: 'How many members it was created with, the owner included.', resolve: (event) => event.data.memberIds.length }),
}));

export const MembersAdded = eventType(
  'MembersAdded',
  'Members came in: added by the actor (the owner or an admin), or by a way of their own (`joinedBy`): an approved request (the actor approved it), an accepted invitation, an invite link or an OPEN group (the actor is the newcomer).',
);
builder.objectFields(MembersAdded, (t) => ({
  joinedBy: t.field({ type: WayInEnum, description: 'How they came in.', resolve: (event) => event.data.joinedBy ?? 'ADDED' }),
  users: userList(t, (event) => event.data.userIds, 'Who was added (users already in are not listed).'),
  userCount: t.int({ description: 'How many were added.', resolve: (event) => event.data.userIds.length }),
}));

export const MembersRemoved = eventType('MembersRemoved', 'The actor (the owner or an admin) removed members.');
builder.objectFields(MembersRemoved, (t) => ({
  users: userList(t, (event) => event.data.userIds, 'Who was removed.'),
  userCount: t.int({ description: 'How many were removed.', resolve: (event) => event.data.userIds.length }),
}));

export const MemberLeft = eventType('MemberLeft', 'The actor left the group.');
builder.objectFields(MemberLeft, (t) => ({
  user: t.field({ type: EventUser, description: 'Who left: the actor.', resolve: (event) => eventUser(event.groupId, event.data.userId) }),
}));

export const GroupProfileUpdated = eventType('GroupProfileUpdated', "The actor changed the group's profile: name, picture, description, announcement, attributes, visibility or the joining rules.");
builder.objectFields(GroupProfileUpdated, (t) => ({
  changedFields: t.field({
    type: [GroupProfileFieldEnum],
    description: 'What changed.',
    resolve: (event) => event.data.changed.map((field) => PROFILE_FIELD[field]),
  }),
  description: t.string({ nullable: true, description: 'The description as the change left it; null: none.', resolve: (event) => event.data.description ?? null }),
  name: t.string({ description: 'The name as the change left it.', resolve: (event) => event.data.name }),
  avatarUrl: t.string({ nullable: true, description: 'The picture as the change left it; null: none.', resolve: (event) => event.data.avatarUrl }),
  visibility: t.field({
    type: GroupVisibilityEnum,
    nullable: true,
    description: 'The visibility as the change left it; null in events written before groups had one.',
    resolve: (event) => event.data.visibility ?? null,
  }),
}));

export const MemberRoleChanged = eventType('MemberRoleChanged', "The actor (the owner) changed a member's role.");
builder.objectFields(MemberRoleChanged, (t) => ({
  user: t.field({ type: EventUser, description: 'Whose role changed.', resolve: (event) => eventUser(event.groupId, event.data.userId) }),
  role: t.field({ type: MemberRoleEnum, description: 'The new role.', resolve: (event) => event.data.role }),
  previousRole: t.field({ type: MemberRoleEnum, description: 'The role before.', resolve: (event) => event.data.previousRole }),
}));

export const OwnershipTransferred = eventType('OwnershipTransferred', 'The owner (the actor) handed the group to another member; they stay as an admin.');
builder.objectFields(OwnershipTransferred, (t) => ({
  previousOwner: t.field({ type: EventUser, description: 'The owner before: the actor, now an admin.', resolve: (event) => eventUser(event.groupId, event.data.previousOwnerId) }),
  newOwner: t.field({ type: EventUser, description: 'The owner now.', resolve: (event) => eventUser(event.groupId, event.data.newOwnerId) }),
}));

export const MemberNicknameChanged = eventType('MemberNicknameChanged', "A member's nickname in the group changed: set by the member (the actor), or cleared by the owner or an admin.");
builder.objectFields(MemberNicknameChanged, (t) => ({
  user: t.field({ type: EventUser, description: 'Whose nickname changed.', resolve: (event) => eventUser(event.groupId, event.data.userId) }),
  nickname: t.string({ nullable: true, description: 'The nickname now; null: cleared.', resolve: (event) => event.data.nickname }),
}));

export const GroupDismissed = eventType('GroupDismissed', 'The owner (the actor) dismissed the group: it is gone from every list, and `group` reads null.');

export const MembersMuted = eventType('MembersMuted', 'The actor (the owner or an admin) muted members: the IM Service refuses their messages until `mutedUntil`.');
builder.objectFields(MembersMuted, (t) => ({
  users: userList(t, (event) => event.data.userIds, 'Who was muted.'),
  userCount: t.int({ description: 'How many were muted.', resolve: (event) => event.data.userIds.length }),
  mutedUntil: t.field({ type: 'DateTime', description: 'When their mute ends.', resolve: (event) => new Date(event.data.mutedUntil) }),
}));

export const MembersUnmuted = eventType('MembersUnmuted', "The actor (the owner or an admin) lifted members' mutes.");
builder.objectFields(MembersUnmuted, (t) => ({
  users: userList(t, (event) => event.data.userIds, 'Who was unmuted.'),
  userCount: t.int({ description: 'How many were unmuted.', resolve: (event) => event.data.userIds.length }),
}));

export const GroupMuteChanged = eventType('GroupMuteChanged', 'The actor (the owner or an admin) muted the whole group (only the owner and admins speak), or lifted that.');
builder.objectFields(GroupMuteChanged, (t) => ({
  muted: t.boolean({ description: 'Whether the group is muted now.', resolve: (event) => event.data.muted }),
}));

/** Every event type, for fields that answer the interface (the schema must know each implementation). */
export const GROUP_EVENT_TYPES = [
  GroupCreated,
  MembersAdded,
  MembersRemoved,
  MemberLeft,
  GroupProfileUpdated,
  MemberRoleChanged,
  OwnershipTransferred,
  MemberNicknameChanged,
  GroupDismissed,
  MembersMuted,
  MembersUnmuted,
  GroupMuteChanged,
];

import type { GroupEvent as GroupEventEntity, GroupEventKind } from '../../../groups/events/event.js';
import { builder } from '../../builder.js';
import { MemberRoleEnum } from '../group/enums.js';
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

const users = (event: GroupEventEntity, userIds: readonly string[]) => userIds.map((userId) => eventUser(event.groupId, userId));

export const GroupProfileFieldEnum = builder.enumType('GroupProfileField', {
  description: 'A part of the group profile a change may update.',
  values: { NAME: { description: 'The display name.' }, AVATAR_URL: { description: 'The picture.' } } as const,
});

export const GroupCreated = eventType('GroupCreated', 'The group was created; the actor is its owner.');
builder.objectFields(GroupCreated, (t) => ({
  name: t.string({ description: 'Its name at creation.', resolve: (event) => event.data.name }),
  members: t.field({ type: [EventUser], description: 'Its first members, the owner included.', resolve: (event) => users(event, event.data.memberIds) }),
}));

export const MembersAdded = eventType('MembersAdded', 'The actor (the owner or an admin) added members.');
builder.objectFields(MembersAdded, (t) => ({
  users: t.field({ type: [EventUser], description: 'Who was added (users already in are not listed).', resolve: (event) => users(event, event.data.userIds) }),
}));

export const MembersRemoved = eventType('MembersRemoved', 'The actor (the owner or an admin) removed members.');
builder.objectFields(MembersRemoved, (t) => ({
  users: t.field({ type: [EventUser], description: 'Who was removed.', resolve: (event) => users(event, event.data.userIds) }),
}));

export const MemberLeft = eventType('MemberLeft', 'The actor left the group.');
builder.objectFields(MemberLeft, (t) => ({
  user: t.field({ type: EventUser, description: 'Who left: the actor.', resolve: (event) => eventUser(event.groupId, event.data.userId) }),
}));

export const GroupProfileUpdated = eventType('GroupProfileUpdated', "The actor changed the group's name or picture.");
builder.objectFields(GroupProfileUpdated, (t) => ({
  changedFields: t.field({
    type: [GroupProfileFieldEnum],
    description: 'What changed.',
    resolve: (event) => event.data.changed.map((field) => (field === 'name' ? 'NAME' : 'AVATAR_URL')),
  }),
  name: t.string({ description: 'The name as the change left it.', resolve: (event) => event.data.name }),
  avatarUrl: t.string({ nullable: true, description: 'The picture as the change left it; null: none.', resolve: (event) => event.data.avatarUrl }),
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

export const GroupDismissed = eventType('GroupDismissed', 'The owner (the actor) dismissed the group: it is gone from every list, and `group` reads null.');

/** Every event type, for fields that answer the interface (the schema must know each implementation). */
export const GROUP_EVENT_TYPES = [GroupCreated, MembersAdded, MembersRemoved, MemberLeft, GroupProfileUpdated, MemberRoleChanged, OwnershipTransferred, GroupDismissed];

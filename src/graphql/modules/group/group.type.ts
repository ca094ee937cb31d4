import type { Group as GroupEntity } from '../../../groups/entities.js';
import { DEFAULT_MEMBERS_PAGE, MAX_MEMBERS_PAGE } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { totalCountField } from '../common/total-count.js';
import { GroupVisibilityEnum, MemberRoleEnum, SyncStatusEnum } from './enums.js';
import { GroupMember } from './group-member.type.js';

const GroupMemberConnection = builder.connectionObject(
  {
    type: GroupMember,
    name: 'GroupMemberConnection',
    description: 'A page of members, in join order.',
    fields: (t) => ({
      totalCount: totalCountField(t, "How many members the whole list holds (with `role`: how many have it). Costs nothing unfiltered (the group's count); by role, one COUNT per request."),
    }),
  },
  { name: 'GroupMemberEdge', description: 'A member and its cursor.' },
);

export const Group = builder.node(builder.objectRef<GroupEntity>('Group'), {
  description: 'A chat group: its profile and members, as stored by the gateway and mirrored to the IM Service.',
  id: { resolve: (group) => group.groupId },
  loadManyWithoutCache: (ids, context) => Promise.all(ids.map((id) => context.reader.group(id))),
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The id the IM Service knows the group by.' }),
    name: t.exposeString('name', { description: 'The display name, also shown in push notifications.' }),
    avatarUrl: t.exposeString('avatarUrl', { nullable: true, description: "The group's picture, when it has one." }),
    visibility: t.expose('visibility', {
      type: GroupVisibilityEnum,
      description: 'PRIVATE: only members read this profile; PUBLIC: anyone signed in reads it and `searchGroups` finds the group.',
    }),
    memberCount: t.exposeInt('memberCount', { description: 'How many members, the owner included.' }),
    owner: t.field({
      type: GroupMember,
      description: "The owner's membership.",
      resolve: (group, _args, context) => context.reader.owner(group),
    }),
    viewerRole: t.field({
      type: MemberRoleEnum,
      nullable: true,
      description: "The caller's role in this group; null when the caller is not a member.",
      resolve: async (group, _args, context) => (await context.reader.viewerMembership(group))?.role ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the group was created.' }),
    syncStatus: t.expose('syncStatus', { type: SyncStatusEnum, description: 'Whether the IM Service is in step with this group.' }),
    dismissedAt: t.expose('dismissedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When the group was dismissed; null while it is active. Only `DismissGroupSuccess` (and a repeat of it) shows a dismissed group: ' +
        'reads answer null for it, so a client that sees this set drops the group from its cache.',
    }),
    syncError: t.exposeString('syncError', {
      nullable: true,
      description: 'Why the IM Service refused a change, when `syncStatus` is FAILED.',
    }),
    members: t.field({
      type: GroupMemberConnection,
      nullable: true,
      // The most a page holds, for the cost limit (query-cost.ts); a larger `first` is refused by the reader.
      extensions: { maxItems: MAX_MEMBERS_PAGE },
      description:
        'Members in join order, a page at a time; only members may read it (others get a FORBIDDEN error and null). ' +
        'Cursors are positions, stable while members come and go.',
      args: {
        first: t.arg.int({ required: false, defaultValue: DEFAULT_MEMBERS_PAGE, description: `How many members, 1 to ${MAX_MEMBERS_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
        role: t.arg({ type: MemberRoleEnum, required: false, description: 'Only members with this role.' }),
      },
      resolve: (group, args, context) => context.reader.members(group, { first: args.first ?? DEFAULT_MEMBERS_PAGE, after: args.after, role: args.role }),
    }),
  }),
});

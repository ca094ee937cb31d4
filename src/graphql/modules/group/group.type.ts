import type { Group as GroupEntity, Member } from '../../../groups/entities.js';
import { DEFAULT_MEMBERS_PAGE, MAX_MEMBERS_PAGE } from '../../../groups/rules.js';
import { builder } from '../../builder.js';

export const SyncStatusEnum = builder.enumType('SyncStatus', {
  description: 'Whether the IM Service already knows the group as the gateway stores it.',
  values: {
    SYNCED: { description: 'The IM Service has the group and its members: chat works.' },
    PENDING: { description: 'Stored here; the IM Service is being brought in step and will be shortly.' },
    FAILED: {
      description:
        'A change did not reach the IM Service: it refused it for good, or the gateway gave it up after its last try ' +
        '(the IM Service kept answering "try again"). See `syncError`; an operator repairs it.',
    },
  } as const,
});

export const MemberRoleEnum = builder.enumType('MemberRole', {
  description: "A member's role in a group.",
  values: {
    OWNER: { description: 'Created the group or received it; one per group. Manages everything, dismisses the group.' },
    ADMIN: { description: 'Adds and removes members (not the owner or other admins) and renames the group.' },
    MEMBER: { description: 'Takes part in the chat, reads the member list, may leave.' },
  } as const,
});

export const GroupMember = builder.objectRef<Member>('GroupMember').implement({
  description: 'A user in a group.',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The user's id in the chat app." }),
    role: t.expose('role', { type: MemberRoleEnum, description: 'What the user may do in the group.' }),
    joinedAt: t.expose('joinedAt', { type: 'DateTime', description: 'When the user joined.' }),
  }),
});

const GroupMemberConnection = builder.connectionObject(
  { type: GroupMember, name: 'GroupMemberConnection', description: 'A page of members, in join order.' },
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

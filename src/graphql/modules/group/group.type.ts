import type { GroupRow, MemberRow } from '../../../groups/store/tables.js';
import { can } from '../../../groups/permissions.js';
import { forbidden, requireSignedIn } from '../../access.js';
import { builder } from '../../builder.js';
import { connectionPage, decodeMemberCursor, encodeMemberCursor, pageSize } from './cursors.js';

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

export const GroupMember = builder.objectRef<MemberRow>('GroupMember').implement({
  description: 'A user in a group.',
  fields: (t) => ({
    userId: t.exposeString('user_id', { description: "The user's id in the chat app." }),
    role: t.field({ type: MemberRoleEnum, description: 'What the user may do in the group.', resolve: (m) => m.role }),
    joinedAt: t.field({ type: 'DateTime', description: 'When the user joined.', resolve: (m) => Number(m.joined_at) }),
  }),
});

const GroupMemberConnection = builder.connectionObject(
  { type: GroupMember, name: 'GroupMemberConnection', description: 'A page of members, in join order.' },
  { name: 'GroupMemberEdge', description: 'A member and its cursor.' },
);

export const MAX_MEMBERS_PAGE = 200;
const DEFAULT_MEMBERS_PAGE = 50;

export const Group = builder.node(builder.objectRef<GroupRow>('Group'), {
  description: 'A chat group: its profile and members, as stored by the gateway and mirrored to the IM Service.',
  id: { resolve: (group) => group.group_id },
  loadManyWithoutCache: (ids, context) => {
    requireSignedIn(context);
    return Promise.all(ids.map((id) => context.loaders.group.load(id)));
  },
  fields: (t) => ({
    groupId: t.exposeString('group_id', { description: 'The id the IM Service knows the group by.' }),
    name: t.exposeString('name', { description: 'The display name, also shown in push notifications.' }),
    avatarUrl: t.exposeString('avatar_url', { nullable: true, description: "The group's picture, when it has one." }),
    memberCount: t.exposeInt('member_count', { description: 'How many members, the owner included.' }),
    owner: t.field({
      type: GroupMember,
      description: "The owner's membership.",
      resolve: async (group, _args, context) => {
        const owner = await context.loaders.owner.load(group.group_id);
        if (!owner) throw new Error(`group ${group.group_id} has no owner row`);
        return owner;
      },
    }),
    viewerRole: t.field({
      type: MemberRoleEnum,
      nullable: true,
      description: "The caller's role in this group; null when the caller is not a member.",
      resolve: async (group, _args, context) => (await context.loaders.viewerMembership.load(group.group_id))?.role ?? null,
    }),
    createdAt: t.field({ type: 'DateTime', description: 'When the group was created.', resolve: (g) => Number(g.created_at) }),
    syncStatus: t.field({
      type: SyncStatusEnum,
      description: 'Whether the IM Service is in step with this group.',
      resolve: (group) => group.sync_status,
    }),
    syncError: t.exposeString('sync_error', {
      nullable: true,
      description: 'Why the IM Service refused a change, when `syncStatus` is FAILED.',
    }),
    members: t.field({
      type: GroupMemberConnection,
      nullable: true,
      description:
        'Members in join order, a page at a time; only members may read it (others get a FORBIDDEN error and null). ' +
        'Cursors are positions, stable while members come and go.',
      args: {
        first: t.arg.int({ required: false, defaultValue: DEFAULT_MEMBERS_PAGE, description: `How many members, 1 to ${MAX_MEMBERS_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
        role: t.arg({ type: MemberRoleEnum, required: false, description: 'Only members with this role.' }),
      },
      resolve: async (group, args, context) => {
        requireSignedIn(context);
        const viewer = await context.loaders.viewerMembership.load(group.group_id);
        if (!can('readMembers', viewer?.role ?? null)) throw forbidden('Only members can read the member list of a group.');
        const first = pageSize(args.first, DEFAULT_MEMBERS_PAGE, MAX_MEMBERS_PAGE);
        const after = args.after ? decodeMemberCursor(args.after) : null;
        const rows = await context.service.reads.membersPage(group.group_id, first + 1, after, args.role ?? null);
        return connectionPage(rows, first, after !== null, (member) => ({ cursor: encodeMemberCursor(member), node: member }));
      },
    }),
  }),
});

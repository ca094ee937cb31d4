import type { GroupRow, MemberRow } from '../../../groups/store/tables.js';
import type { Context } from '../../context.js';
import { builder } from '../../builder.js';
import { connectionPage, decodeMembershipCursor, encodeMembershipCursor, pageSize } from '../group/cursors.js';
import { Group, MemberRoleEnum } from '../group/group.type.js';

const MAX_GROUPS_PAGE = 100;
const DEFAULT_GROUPS_PAGE = 50;

/** The signed-in caller. */
export const Viewer = builder.objectRef<{ userId: string }>('Viewer').implement({
  description: 'The signed-in caller and what they belong to.',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The caller's user id." }),
    groups: t.field({
      type: ViewerGroupConnection,
      description: "The caller's groups, newest membership first, a page at a time (dismissed groups are gone).",
      args: {
        first: t.arg.int({ required: false, defaultValue: DEFAULT_GROUPS_PAGE, description: `How many groups, 1 to ${MAX_GROUPS_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
        role: t.arg({ type: MemberRoleEnum, required: false, description: 'Only groups where the caller has this role.' }),
      },
      resolve: async (_viewer, args, context) => {
        const first = pageSize(args.first, DEFAULT_GROUPS_PAGE, MAX_GROUPS_PAGE);
        const after = args.after ? decodeMembershipCursor(args.after) : null;
        const rows = await context.service.reads.viewerGroups(context.scope, first + 1, after, args.role ?? null);
        // The page already holds each group and the caller's membership: prime the loaders so
        // fields such as `viewerRole` cost no further statement.
        for (const { group, member } of rows.slice(0, first)) {
          context.loaders.group.prime(group.group_id, group);
          context.loaders.viewerMembership.prime(group.group_id, member);
        }
        return connectionPage(rows, first, after !== null, ({ group, member }) => ({ cursor: encodeMembershipCursor(member), node: group }));
      },
    }),
  }),
});

const ViewerGroupConnection = builder.connectionObject(
  { type: Group, name: 'ViewerGroupConnection', description: "A page of the caller's groups." },
  {
    name: 'ViewerGroupEdge',
    description: 'A group and the caller’s membership in it.',
    fields: (t) => ({
      role: t.field({
        type: MemberRoleEnum,
        description: "The caller's role in the group.",
        resolve: async (edge, _args, context) => (await viewerMembership(edge.node, context)).role,
      }),
      joinedAt: t.field({
        type: 'DateTime',
        description: 'When the caller joined the group.',
        resolve: async (edge, _args, context) => Number((await viewerMembership(edge.node, context)).joined_at),
      }),
    }),
  },
);

/** Primed by the page itself, so reading it costs nothing. */
async function viewerMembership(group: GroupRow, context: Context): Promise<MemberRow> {
  const member = await context.loaders.viewerMembership.load(group.group_id);
  if (!member) throw new Error(`viewer membership of ${group.group_id} missing from its own page`);
  return member;
}

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The signed-in caller; null when the request names no caller.',
    resolve: (_root, _args, context) => (context.scope.callerId ? { userId: context.scope.callerId } : null),
  }),
);

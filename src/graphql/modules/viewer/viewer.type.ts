import type { Member } from '../../../groups/entities.js';
import { DEFAULT_GROUPS_PAGE, MAX_GROUPS_PAGE } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { totalCountField } from '../common/total-count.js';
import { MemberRoleEnum } from '../group/enums.js';
import { Group } from '../group/group.type.js';

/**
 * The signed-in caller, a Relay node whose identity is the caller's user id: a client cache keeps
 * one `Viewer` per signed-in user (and never mixes two users' lists after a switch of account).
 */
export const Viewer = builder.node(builder.objectRef<{ userId: string }>('Viewer'), {
  description: 'The signed-in caller and what they belong to. Its `id` follows the user: `node(id:)` answers it to that user only (null to anyone else).',
  id: { resolve: (viewer) => viewer.userId },
  // A refused token is refused here too, saying why (as `viewer` is); anyone else's viewer is null.
  loadOne: (userId, context) => (context.reader.viewerIdIfAny() === userId ? { userId } : null),
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The caller's user id." }),
    groups: t.field({
      type: ViewerGroupConnection,
      // The most a page holds, for the cost limit (query-cost.ts); a larger `first` is refused by the reader.
      extensions: { maxItems: MAX_GROUPS_PAGE },
      description: "The caller's groups, newest membership first, a page at a time (dismissed groups are gone).",
      args: {
        first: t.arg.int({ required: false, defaultValue: DEFAULT_GROUPS_PAGE, description: `How many groups, 1 to ${MAX_GROUPS_PAGE}.` }),
        after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
        role: t.arg({ type: MemberRoleEnum, required: false, description: 'Only groups where the caller has this role.' }),
      },
      resolve: (_viewer, args, context) => context.reader.viewerGroups({ first: args.first ?? DEFAULT_GROUPS_PAGE, after: args.after, role: args.role }),
    }),
  }),
});

/** An edge of the caller's group list carries the caller's membership in that group. */
type MembershipEdge = { member: Member };

const ViewerGroupConnection = builder.connectionObject(
  {
    type: Group,
    name: 'ViewerGroupConnection',
    description: "A page of the caller's groups.",
    fields: (t) => ({
      totalCount: totalCountField(t, "How many active groups the caller is in (with `role`: in how many they have it): one COUNT over the caller's memberships, only when asked for."),
    }),
  },
  {
    name: 'ViewerGroupEdge',
    description: 'A group and the caller’s membership in it.',
    fields: (t) => ({
      role: t.field({
        type: MemberRoleEnum,
        description: "The caller's role in the group.",
        resolve: (edge) => (edge as unknown as MembershipEdge).member.role,
      }),
      joinedAt: t.field({
        type: 'DateTime',
        description: 'When the caller joined the group.',
        resolve: (edge) => (edge as unknown as MembershipEdge).member.joinedAt,
      }),
    }),
  },
);

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    nullable: true,
    description: 'The signed-in caller; null when the request names no caller (an UNAUTHENTICATED error, saying why, when its token was refused).',
    resolve: (_root, _args, context) => {
      const userId = context.reader.viewerIdIfAny();
      return userId ? { userId } : null;
    },
  }),
);

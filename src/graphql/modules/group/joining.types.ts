import type { Invitation, InviteLink, JoinRequest } from '../../../groups/entities.js';
import { DEFAULT_JOINING_PAGE, MAX_JOINING_PAGE } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { Viewer } from '../viewer/viewer.type.js';
import { JoinPolicyEnum } from './enums.js';
import { Group } from './group.type.js';

export const JoinRequestType = builder.objectRef<JoinRequest>('JoinRequest').implement({
  description: "A user's pending request to join a group; gone once approved, declined or cancelled.",
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group asked.' }),
    userId: t.exposeString('userId', { description: 'Who asks.' }),
    message: t.exposeString('message', { nullable: true, description: 'What they wrote, if anything.' }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime', description: 'When they asked.' }),
    group: t.field({ type: Group, nullable: true, description: 'The group (null once dismissed).', resolve: (request, _args, context) => context.reader.group(request.groupId) }),
  }),
});

export const GroupInvitationType = builder.objectRef<Invitation>('GroupInvitation').implement({
  description: 'A pending invitation of a user into a group; gone once accepted or declined, refused past `expiresAt`.',
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    userId: t.exposeString('userId', { description: 'Who is invited.' }),
    inviterId: t.exposeString('inviterId', { description: 'Who invited them.' }),
    message: t.exposeString('message', { nullable: true, description: "The inviter's message, if any." }),
    invitedAt: t.expose('invitedAt', { type: 'DateTime', description: 'When it was sent (or last renewed).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this it can no longer be accepted.' }),
    group: t.field({ type: Group, nullable: true, description: 'The group (null once dismissed).', resolve: (invitation, _args, context) => context.reader.group(invitation.groupId) }),
  }),
});

/** A link as listed, or as just made (`code` set only then). */
export type InviteLinkView = InviteLink & { code?: string | null };

export const GroupInviteLinkType = builder.objectRef<InviteLinkView>('GroupInviteLink').implement({
  description: 'An invite link: whoever holds its code may join (`joinGroupByInviteLink`) while it is live. The code is stored hashed and shown once.',
  fields: (t) => ({
    linkId: t.exposeString('linkId', { description: 'The link\'s id (not a secret): revoke it by this.' }),
    code: t.string({
      nullable: true,
      description: 'The code to share, only in `CreateGroupInviteLinkSuccess` of the request that made it: it is stored hashed and never shown again (null everywhere else).',
      resolve: (link) => link.code ?? null,
    }),
    groupId: t.exposeString('groupId', { description: 'The group it admits to.' }),
    createdBy: t.exposeString('createdBy', { description: 'Who made it; the link stops admitting when they no longer manage the group.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this it admits no one.' }),
    maxUses: t.exposeInt('maxUses', { nullable: true, description: 'How many may join by it; null: no limit but the seats and the expiry.' }),
    uses: t.exposeInt('uses', { description: 'How many have joined by it.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null while not.' }),
  }),
});

const JoinRequestConnection = builder.connectionObject(
  { type: JoinRequestType, name: 'JoinRequestConnection', description: 'A page of pending requests to join.' },
  { name: 'JoinRequestEdge', description: 'A request and its cursor.' },
);
const GroupInvitationConnection = builder.connectionObject(
  { type: GroupInvitationType, name: 'GroupInvitationConnection', description: 'A page of pending invitations.' },
  { name: 'GroupInvitationEdge', description: 'An invitation and its cursor.' },
);
const GroupInviteLinkConnection = builder.connectionObject(
  { type: GroupInviteLinkType, name: 'GroupInviteLinkConnection', description: 'A page of invite links, newest first.' },
  { name: 'GroupInviteLinkEdge', description: 'A link and its cursor.' },
);

const PAGE = `How many, 1 to ${MAX_JOINING_PAGE}.`;

builder.objectFields(Group, (t) => ({
  joinPolicy: t.expose('joinPolicy', { type: JoinPolicyEnum, description: 'Who may come in without being added (set by the owner and admins with `updateGroup`).' }),
  membersCanInvite: t.exposeBoolean('membersCanInvite', { description: 'Plain members may invite too (the owner and admins always may); set with `updateGroup`.' }),
  joinRequests: t.field({
    type: JoinRequestConnection,
    nullable: true,
    extensions: { maxItems: MAX_JOINING_PAGE },
    description: 'Pending requests to join, oldest first; only the owner and admins read them (others get a FORBIDDEN error and null).',
    args: {
      first: t.arg.int({ required: false, defaultValue: DEFAULT_JOINING_PAGE, description: PAGE }),
      after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (group, args, context) => context.reader.joining.joinRequests(group, { first: args.first ?? DEFAULT_JOINING_PAGE, after: args.after }),
  }),
  inviteLinks: t.field({
    type: GroupInviteLinkConnection,
    nullable: true,
    extensions: { maxItems: MAX_JOINING_PAGE },
    description: 'Invite links, newest first, revoked and spent ones included; only the owner and admins read them (others get a FORBIDDEN error and null).',
    args: {
      first: t.arg.int({ required: false, defaultValue: DEFAULT_JOINING_PAGE, description: PAGE }),
      after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (group, args, context) => context.reader.joining.inviteLinks(group, { first: args.first ?? DEFAULT_JOINING_PAGE, after: args.after }),
  }),
}));

builder.objectFields(Viewer, (t) => ({
  joinRequests: t.field({
    type: JoinRequestConnection,
    extensions: { maxItems: MAX_JOINING_PAGE },
    description: "The caller's pending requests to join, newest first (dismissed groups left out).",
    args: {
      first: t.arg.int({ required: false, defaultValue: DEFAULT_JOINING_PAGE, description: PAGE }),
      after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_viewer, args, context) => context.reader.joining.viewerJoinRequests({ first: args.first ?? DEFAULT_JOINING_PAGE, after: args.after }),
  }),
  invitations: t.field({
    type: GroupInvitationConnection,
    extensions: { maxItems: MAX_JOINING_PAGE },
    description: "The caller's unexpired invitations, newest first (dismissed groups left out).",
    args: {
      first: t.arg.int({ required: false, defaultValue: DEFAULT_JOINING_PAGE, description: PAGE }),
      after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_viewer, args, context) => context.reader.joining.viewerInvitations({ first: args.first ?? DEFAULT_JOINING_PAGE, after: args.after }),
  }),
}));

builder.queryField('groupByInviteLink', (t) =>
  t.field({
    type: Group,
    nullable: true,
    description: "The group an invite link's code admits to, for a screen before joining; null when no live link has this code (revoked, expired, used up, or unknown alike).",
    args: { code: t.arg.string({ required: true, description: 'The code, as shared.' }) },
    resolve: (_root, { code }, context) => context.reader.joining.groupByInviteCode(code),
  }),
);

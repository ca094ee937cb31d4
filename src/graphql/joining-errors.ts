import {
  AlreadyAMemberError,
  InvitationExpiredError,
  InvitationNotFoundError,
  InviteLinkExhaustedError,
  InviteLinkExpiredError,
  InviteLinkNotFoundError,
  InviteLinkRevokedError,
  JoinNotAllowedError,
  JoinRequestNotFoundError,
  PendingLimitReachedError,
} from '../groups/errors.js';
import { builder } from './builder.js';
import { ErrorInterface } from './errors.js';
import { JoinPolicyEnum } from './modules/group/enums.js';

/** The typed failures of joining a group (README, "Joining groups"). */

builder.objectType(AlreadyAMemberError, {
  name: 'AlreadyAMemberError',
  description: 'The user is already a member of the group: there is nothing to join. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    userId: t.exposeString('userId', { description: 'The member.' }),
  }),
});

builder.objectType(JoinNotAllowedError, {
  name: 'JoinNotAllowedError',
  description: "The group's join policy does not admit anyone this way; `joinPolicy` says which way it does. Nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    joinPolicy: t.expose('joinPolicy', { type: JoinPolicyEnum, description: "The group's policy: INVITE_ONLY (an invitation or a link), REQUEST (requestToJoinGroup), OPEN (joinGroup)." }),
  }),
});

builder.objectType(JoinRequestNotFoundError, {
  name: 'JoinRequestNotFoundError',
  description: 'Some users named have no pending request to join the group (answered already, or never made). Nothing was changed: none of the users named was approved or declined.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    userIds: t.exposeStringList('userIds', { description: 'The users with no pending request.' }),
  }),
});

builder.objectType(InvitationNotFoundError, {
  name: 'InvitationNotFoundError',
  description: 'The caller has no invitation to the group (answered already, or never sent). Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    userId: t.exposeString('userId', { description: 'The caller.' }),
  }),
});

builder.objectType(InvitationExpiredError, {
  name: 'InvitationExpiredError',
  description: 'The invitation has expired. Nothing was changed; ask a member for a new one (or decline it to clear it).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    expiredAt: t.expose('expiredAt', { type: 'DateTime', description: 'When it expired.' }),
  }),
});

builder.objectType(InviteLinkNotFoundError, {
  name: 'InviteLinkNotFoundError',
  description: 'No invite link has this code (or id). Nothing was changed.',
  interfaces: [ErrorInterface],
});

builder.objectType(InviteLinkRevokedError, {
  name: 'InviteLinkRevokedError',
  description: 'The link admits no one any more: it was revoked, or the member who made it no longer manages the group (`revokedAt` null). Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked; null when its maker lost the right to invite.' }),
  }),
});

builder.objectType(InviteLinkExpiredError, {
  name: 'InviteLinkExpiredError',
  description: 'The link has expired. Nothing was changed; ask for a new link.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ expiredAt: t.expose('expiredAt', { type: 'DateTime', description: 'When it expired.' }) }),
});

builder.objectType(InviteLinkExhaustedError, {
  name: 'InviteLinkExhaustedError',
  description: 'The link was used as many times as it allows. Nothing was changed; ask for a new link.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ maxUses: t.exposeInt('maxUses', { description: 'How many times it could be used.' }) }),
});

builder.objectType(PendingLimitReachedError, {
  name: 'PendingLimitReachedError',
  description: 'A bound on pending requests, invitations or live links was reached (README, "Joining groups"). Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ limit: t.exposeInt('limit', { description: 'The bound.' }) }),
});

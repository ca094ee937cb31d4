import { z } from 'zod';
import {
  AlreadyAMemberError,
  IdempotencyKeyReusedError,
  InviteLinkExhaustedError,
  InviteLinkExpiredError,
  InviteLinkNotFoundError,
  InviteLinkRevokedError,
  MemberLimitExceededError,
  PendingLimitReachedError,
} from '../../../groups/errors.js';
import { inviteCodeSchema, inviteLinkIdSchema, MAX_INVITE_LINK_USES } from '../../../groups/rules.js';
import type { CreatedInviteLink } from '../../../groups/service.js';
import { GROUP_CHANGE_ERRORS, IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, successType } from './change-mutation.js';
import { changeFields, groupIdField, idempotencyKeyField, ruled } from './input-fields.js';
import { joinedSuccess } from './joining-fields.js';
import { GroupInviteLinkType, type InviteLinkView } from './joining.types.js';

/** Invite links: made and revoked by the owner and admins, used by whoever holds the code. */

const CreateGroupInviteLinkSuccess = successType<CreatedInviteLink>('createGroupInviteLink', 'The link is live; share `link.code`, shown this once.', (t) => ({
  link: t.field({ type: GroupInviteLinkType, description: 'The new link, with its `code`.', resolve: ({ link, code }) => ({ ...link, code }) }),
}));

changeMutation('createGroupInviteLink', {
  description:
    'Makes an invite link (owner and admins). Its code has 192 random bits, is stored hashed and is shown only in this answer ' +
    '(a repeated idempotency key answers the link with `code: null`). A link is its maker\'s invitation: it admits whatever the join policy, ' +
    'until it expires, is used `maxUses` times, is revoked, or its maker no longer manages the group.',
  inputDescription: 'The group and the limits of the link.',
  input: (t) => ({
    groupId: groupIdField(t),
    expiresAt: ruled(
      t.field({ type: 'DateTime', required: false, description: 'When it stops admitting: in the future, at most 365 days ahead. Left out: INVITATION_TTL_SECONDS from now (7 days by default).' }),
      z.date().nullish(),
    ),
    maxUses: ruled(
      t.int({ required: false, description: `How many may join by it, 1 to ${MAX_INVITE_LINK_USES}. Left out: no limit but the seats and the expiry.` }),
      z.number().int().min(1, 'Use at least 1').max(MAX_INVITE_LINK_USES, `Use at most ${MAX_INVITE_LINK_USES}`).nullish(),
    ),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: CreateGroupInviteLinkSuccess,
  errors: [...GROUP_CHANGE_ERRORS, PendingLimitReachedError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.createGroupInviteLink(input, context.scope),
});

const RevokeGroupInviteLinkSuccess = successType<InviteLinkView>('revokeGroupInviteLink', 'The link admits no one from now on.', (t) => ({
  link: t.field({ type: GroupInviteLinkType, description: 'The link, `revokedAt` set.', resolve: (link) => link }),
}));

changeMutation('revokeGroupInviteLink', {
  description: 'Revokes an invite link (owner and admins); revoking it again changes nothing.',
  inputDescription: 'The link to revoke.',
  input: (t) => ({ linkId: ruled(t.string({ required: true, description: 'Its `linkId`.' }), inviteLinkIdSchema), idempotencyKey: idempotencyKeyField(t) }),
  success: RevokeGroupInviteLinkSuccess,
  errors: [...GROUP_CHANGE_ERRORS, InviteLinkNotFoundError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.revokeGroupInviteLink(input, context.scope),
});

changeMutation('joinGroupByInviteLink', {
  description:
    'Joins the group a live link admits to, while a seat is left: one join call at the IM Service and an `Add` notice ' +
    '("… joined the group", `extra`: `{"joinedBy":"INVITE_LINK"}`). Racing joins never pass `maxUses` or the member cap.',
  inputDescription: 'The code, as shared.',
  input: (t) => ({ code: ruled(t.string({ required: true, description: 'The invite code.' }), inviteCodeSchema), ...changeFields(t) }),
  success: joinedSuccess('joinGroupByInviteLink', 'The caller is a member now.'),
  errors: [
    ...IM_CHANGE_ERRORS,
    InviteLinkNotFoundError,
    InviteLinkRevokedError,
    InviteLinkExpiredError,
    InviteLinkExhaustedError,
    AlreadyAMemberError,
    MemberLimitExceededError,
    IdempotencyKeyReusedError,
  ],
  resolve: (input, context) => context.service.joinGroupByInviteLink(input, context.scope),
});


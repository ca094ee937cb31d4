import { AlreadyAMemberError, IdempotencyKeyReusedError, InvitationExpiredError, InvitationNotFoundError, MemberLimitExceededError, PendingLimitReachedError } from '../../../groups/errors.js';
import { GROUP_CHANGE_ERRORS, IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, successType } from './change-mutation.js';
import { changeFields, groupIdField, idempotencyKeyField } from './input-fields.js';
import { groupIdSuccess, joinedSuccess, joiningUserIdsField, joinMessageField } from './joining-fields.js';

/** Invitations: sent by the owner, admins (and members where allowed), answered by the invitee. */

const InviteToGroupSuccess = successType<{ groupId: string; userIds: string[] }>('inviteToGroup', 'The invitations are out; invitees see them in `viewer.invitations`.', (t) => ({
  groupId: t.exposeString('groupId', { description: 'The group.' }),
  invitedUserIds: t.exposeStringList('userIds', { description: 'Who was invited (or had an invitation renewed); members already in are left out.' }),
}));

changeMutation('inviteToGroup', {
  description:
    'Invites users to a group: the owner and admins, and plain members where `membersCanInvite` is on. An invitation admits whatever the join policy ' +
    'and lasts INVITATION_TTL_SECONDS (7 days by default); inviting again renews it. Nothing reaches the IM Service until one is accepted.',
  inputDescription: 'The group, the users to invite and a message.',
  input: (t) => ({
    groupId: groupIdField(t),
    userIds: joiningUserIdsField(t, 'The users to invite.'),
    message: joinMessageField(t, 'A word for the invitees.'),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: InviteToGroupSuccess,
  errors: [...GROUP_CHANGE_ERRORS, PendingLimitReachedError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.inviteToGroup(input, context.scope),
});

changeMutation('acceptGroupInvitation', {
  description:
    "Accepts the caller's invitation while it lasts and a seat is left: one join call at the IM Service and an `Add` notice " +
    '("… joined the group", `extra`: `{"joinedBy":"INVITATION_ACCEPTED"}`).',
  inputDescription: 'The group the caller was invited to.',
  input: (t) => ({ groupId: groupIdField(t), ...changeFields(t) }),
  success: joinedSuccess('acceptGroupInvitation', 'The caller is a member now.'),
  errors: [...IM_CHANGE_ERRORS, InvitationNotFoundError, InvitationExpiredError, AlreadyAMemberError, MemberLimitExceededError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.acceptGroupInvitation(input, context.scope),
});

changeMutation('declineGroupInvitation', {
  description: "Declines the caller's invitation (an expired one too): it is gone, and may be sent again.",
  inputDescription: 'The group the caller was invited to.',
  input: (t) => ({ groupId: groupIdField(t), idempotencyKey: idempotencyKeyField(t) }),
  success: groupIdSuccess('declineGroupInvitation', 'The invitation is declined.'),
  errors: [...GROUP_CHANGE_ERRORS, InvitationNotFoundError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.declineGroupInvitation(input, context.scope),
});

import type { JoinRequest } from '../../../groups/entities.js';
import { AlreadyAMemberError, IdempotencyKeyReusedError, JoinNotAllowedError, JoinRequestNotFoundError, MemberLimitExceededError, PendingLimitReachedError } from '../../../groups/errors.js';
import { GROUP_CHANGE_ERRORS, IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, membershipChangeSuccess, successType } from './change-mutation.js';
import { changeFields, groupIdField, idempotencyKeyField } from './input-fields.js';
import { groupIdSuccess, joinedSuccess, joiningUserIdsField, joinMessageField } from './joining-fields.js';
import { JoinRequestType } from './joining.types.js';

/** Asking, answering and withdrawing requests to join, and joining an OPEN group. */

const RequestToJoinGroupSuccess = successType<{ joinRequest: JoinRequest }>(
  'requestToJoinGroup',
  'The request is pending: the owner and admins see it in `Group.joinRequests`.',
  (t) => ({ joinRequest: t.field({ type: JoinRequestType, description: 'The pending request.', resolve: (success) => success.joinRequest }) }),
);

changeMutation('requestToJoinGroup', {
  description:
    'Asks to join a REQUEST group (any signed-in user but its members). Asking again while pending replaces the message. ' +
    'Nothing reaches the IM Service until an admin approves.',
  inputDescription: 'The group to ask to join.',
  input: (t) => ({ groupId: groupIdField(t), message: joinMessageField(t, 'A word for the admins.'), idempotencyKey: idempotencyKeyField(t) }),
  success: RequestToJoinGroupSuccess,
  errors: [...GROUP_CHANGE_ERRORS, AlreadyAMemberError, JoinNotAllowedError, PendingLimitReachedError, IdempotencyKeyReusedError],
  resolve: async (input, context) => ({ joinRequest: await context.service.requestToJoinGroup(input, context.scope) }),
});

const ApproveJoinRequestsSuccess = membershipChangeSuccess('approveJoinRequests', 'The requesters are members now.', {
  userIds: { field: 'approvedUserIds', description: 'Who was let in.' },
  members: { field: 'addedMembers', description: 'Their memberships, for client caches.' },
});

changeMutation('approveJoinRequests', {
  description:
    'Lets requesters in (owner and admins), all or none: each user named must have a pending request, and all must fit under the member cap. ' +
    'They join as `addGroupMembers` adds: one join call at the IM Service and an `Add` notice (`extra`: `{"joinedBy":"REQUEST_APPROVED"}`).',
  inputDescription: 'The group and the requesters to let in.',
  input: (t) => ({ groupId: groupIdField(t), userIds: joiningUserIdsField(t, 'The requesters.'), ...changeFields(t) }),
  success: ApproveJoinRequestsSuccess,
  errors: [...IM_CHANGE_ERRORS, JoinRequestNotFoundError, MemberLimitExceededError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.approveJoinRequests(input, context.scope),
});

const DeclineJoinRequestsSuccess = successType<{ groupId: string; userIds: string[] }>('declineJoinRequests', 'The requests are gone; the requesters may ask again.', (t) => ({
  groupId: t.exposeString('groupId', { description: 'The group.' }),
  declinedUserIds: t.exposeStringList('userIds', { description: 'Whose requests were declined.' }),
}));

changeMutation('declineJoinRequests', {
  description: 'Turns requests down (owner and admins), all or none. Nothing reaches the IM Service.',
  inputDescription: 'The group and the requesters to turn down.',
  input: (t) => ({ groupId: groupIdField(t), userIds: joiningUserIdsField(t, 'The requesters.'), idempotencyKey: idempotencyKeyField(t) }),
  success: DeclineJoinRequestsSuccess,
  errors: [...GROUP_CHANGE_ERRORS, JoinRequestNotFoundError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.declineJoinRequests(input, context.scope),
});

changeMutation('cancelJoinRequest', {
  description: "Withdraws the caller's pending request to join a group.",
  inputDescription: 'The group the caller asked to join.',
  input: (t) => ({ groupId: groupIdField(t), idempotencyKey: idempotencyKeyField(t) }),
  success: groupIdSuccess('cancelJoinRequest', 'The request is withdrawn.'),
  errors: [...GROUP_CHANGE_ERRORS, JoinRequestNotFoundError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.cancelJoinRequest(input, context.scope),
});

changeMutation('joinGroup', {
  description:
    'Joins an OPEN group (any signed-in user), while a seat is left: one join call at the IM Service and an `Add` notice ' +
    '("… joined the group", `extra`: `{"joinedBy":"OPEN_JOIN"}`).',
  inputDescription: 'The OPEN group to join.',
  input: (t) => ({ groupId: groupIdField(t), ...changeFields(t) }),
  success: joinedSuccess('joinGroup', 'The caller is a member now.'),
  errors: [...IM_CHANGE_ERRORS, AlreadyAMemberError, JoinNotAllowedError, MemberLimitExceededError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.joinGroup(input, context.scope),
});

import { IdempotencyKeyReusedError, OwnerCannotLeaveError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, membershipChangeSuccess } from './change-mutation.js';
import { changeFields, groupIdField } from './input-fields.js';

const LeaveGroupSuccess = membershipChangeSuccess('leaveGroup', 'The caller is no longer a member.', {
  groupId: 'The group the caller left.',
  removedMemberIds: "The global id of the caller's membership, now gone (`GroupMember.id`): evict it from a client cache.",
});

changeMutation('leaveGroup', {
  description: 'The caller leaves a group; the others get a `Quit` notification. The owner must transfer ownership or dismiss the group instead.',
  inputDescription: 'The group the caller leaves.',
  input: (t) => ({ groupId: groupIdField(t, 'The group to leave.'), ...changeFields(t) }),
  success: LeaveGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, OwnerCannotLeaveError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.leaveGroup(input, context.scope),
});

import { IdempotencyKeyReusedError, OwnerCannotLeaveError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, successType } from './change-mutation.js';
import { changeFields, groupIdField } from './input-fields.js';

const LeaveGroupSuccess = successType<{ groupId: string }>('leaveGroup', 'The caller is no longer a member.', (t) => ({
  groupId: t.exposeString('groupId', { description: 'The group the caller left.' }),
}));

changeMutation('leaveGroup', {
  description: 'The caller leaves a group; the others get a `Quit` notification. The owner must transfer ownership or dismiss the group instead.',
  inputDescription: 'The group the caller leaves.',
  input: (t) => ({ groupId: groupIdField(t, 'The group to leave.'), ...changeFields(t) }),
  success: LeaveGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, OwnerCannotLeaveError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.leaveGroup(input, context.scope),
});

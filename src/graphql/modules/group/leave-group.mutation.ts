import { IdempotencyKeyReusedError, OwnerCannotLeaveError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeFields, groupIdField, resultUnion, withRules } from './input-fields.js';

const LeaveGroupSuccess = builder.objectRef<{ groupId: string }>(successName('leaveGroup')).implement({
  description: 'The caller is no longer a member.',
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The group the caller left.' }) }),
});

builder.mutationField('leaveGroup', (t) => {
  const { input, validate } = withRules({ groupId: groupIdField(t.input, 'The group to leave.'), ...changeFields(t.input) });
  return t.fieldWithInput({
    type: LeaveGroupSuccess,
    description: 'The caller leaves a group; the others get a `Quit` notification. The owner must transfer ownership or dismiss the group instead.',
    typeOptions: { description: 'The group the caller leaves.', validate },
    input,
    errors: { types: [...IM_CHANGE_ERRORS, OwnerCannotLeaveError, IdempotencyKeyReusedError], directResult: true, union: resultUnion('leaveGroup') },
    resolve: (_root, { input }, context) => context.service.leaveGroup(input, context.scope),
  });
});

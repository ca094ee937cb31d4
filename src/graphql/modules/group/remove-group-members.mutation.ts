import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, membershipChangeSuccess } from './change-mutation.js';
import { changeFields, groupIdField, userIdsField } from './input-fields.js';

const RemoveGroupMembersSuccess = membershipChangeSuccess('removeGroupMembers', 'The users are no longer members.', {
  userIds: { field: 'removedUserIds', description: 'Who was removed; users who were not members are left out.' },
  removedMemberIds: 'The global ids of the memberships removed (`GroupMember.id`): evict them from a client cache.',
});

changeMutation('removeGroupMembers', {
  description:
    'Removes members (owner and admins; admins cannot remove the owner or other admins). ' +
    'The removed get a `Kicked` notification before they leave the IM group, so they still receive it.',
  inputDescription: 'Members to remove from a group.',
  input: (t) => ({ groupId: groupIdField(t), userIds: userIdsField(t, 'The members to remove.'), ...changeFields(t) }),
  success: RemoveGroupMembersSuccess,
  errors: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.removeGroupMembers(input, context.scope),
});

import { IdempotencyKeyReusedError, MemberLimitExceededError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, membershipChangeSuccess } from './change-mutation.js';
import { changeFields, groupIdField, userIdsField } from './input-fields.js';

const AddGroupMembersSuccess = membershipChangeSuccess('addGroupMembers', 'The users are members now.', {
  userIds: { field: 'addedUserIds', description: 'Who was added; users already in are left out.' },
  members: { field: 'addedMembers', description: 'The memberships added, for client caches (users already in are left out).' },
});

changeMutation('addGroupMembers', {
  description:
    'Adds users to a group (owner and admins). Users already in are not an error. The IM Service is told in joins of at most 1000 users; ' +
    'new members get an `Add` notification.',
  inputDescription: 'Users to add to a group.',
  input: (t) => ({ groupId: groupIdField(t), userIds: userIdsField(t, 'The users to add.'), ...changeFields(t) }),
  success: AddGroupMembersSuccess,
  errors: [...IM_CHANGE_ERRORS, MemberLimitExceededError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.addGroupMembers(input, context.scope),
});

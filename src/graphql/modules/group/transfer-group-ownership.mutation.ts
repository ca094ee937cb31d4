import { IdempotencyKeyReusedError, NotAMemberError, RateLimitedError } from '../../../groups/errors.js';
import { GROUP_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, membershipChangeSuccess } from './change-mutation.js';
import { changeFields, groupIdField, userIdField } from './input-fields.js';

const TransferGroupOwnershipSuccess = membershipChangeSuccess('transferGroupOwnership', 'The group has its new owner; the previous owner is now an admin.', {
  members: { field: 'changedMembers', description: "The new owner's and the previous owner's memberships with their new roles (one, the owner's, when ownership did not move)." },
});

changeMutation('transferGroupOwnership', {
  description:
    'Hands the group to another member (owner only). The previous owner stays as an admin; members get a `Transfer` notification, ' +
    'its only call to the IM Service: when the notice budget cannot send it in time, the transfer is refused (`RateLimitedError`, nothing changed).',
  inputDescription: 'The group and its next owner.',
  input: (t) => ({ groupId: groupIdField(t), userId: userIdField(t, 'The member who becomes the owner.'), ...changeFields(t) }),
  success: TransferGroupOwnershipSuccess,
  // No group call, but its notice needs the publish budget: shed like any change when it cannot start in time.
  errors: [...GROUP_CHANGE_ERRORS, NotAMemberError, RateLimitedError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.transferGroupOwnership(input, context.scope),
});

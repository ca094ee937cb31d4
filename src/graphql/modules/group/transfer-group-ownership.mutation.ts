import type { Group as GroupEntity } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError, NotAMemberError, RateLimitedError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { GROUP_CHANGE_ERRORS } from '../../errors.js';
import { Group } from './group.type.js';
import { changeFields, groupIdField, resultUnion, userIdField, withRules } from './input-fields.js';

const TransferGroupOwnershipSuccess = builder.objectRef<GroupEntity>(successName('transferGroupOwnership')).implement({
  description: 'The group has its new owner; the previous owner is now an admin.',
  fields: (t) => ({ group: t.field({ type: Group, description: 'The group after the change.', resolve: (group) => group }) }),
});

builder.mutationField('transferGroupOwnership', (t) => {
  const { input, validate } = withRules({ groupId: groupIdField(t.input), userId: userIdField(t.input, 'The member who becomes the owner.'), ...changeFields(t.input) });
  return t.fieldWithInput({
    type: TransferGroupOwnershipSuccess,
    description: 'Hands the group to another member (owner only). The previous owner stays as an admin; members get a `Transfer` notification.',
    typeOptions: { description: 'The group and its next owner.', validate },
    input,
    errors: {
      types: [...GROUP_CHANGE_ERRORS, NotAMemberError, RateLimitedError, IdempotencyKeyReusedError],
      directResult: true,
      union: resultUnion('transferGroupOwnership'),
    },
    resolve: (_root, { input }, context) => context.service.transferGroupOwnership(input, context.scope),
  });
});

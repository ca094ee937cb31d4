import type { Group as GroupEntity } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError, MemberLimitExceededError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { Group } from './group.type.js';
import { changeFields, groupIdField, resultUnion, userIdsField, withRules } from './input-fields.js';

const AddGroupMembersSuccess = builder.objectRef<{ group: GroupEntity; added: string[] }>(successName('addGroupMembers')).implement({
  description: 'The users are members now.',
  fields: (t) => ({
    group: t.field({ type: Group, description: 'The group after the change.', resolve: (result) => result.group }),
    addedUserIds: t.exposeStringList('added', { description: 'Who was added; users already in are left out.' }),
  }),
});

builder.mutationField('addGroupMembers', (t) => {
  const { input, validate } = withRules({ groupId: groupIdField(t.input), userIds: userIdsField(t.input, 'The users to add.'), ...changeFields(t.input) });
  return t.fieldWithInput({
    type: AddGroupMembersSuccess,
    description:
      'Adds users to a group (owner and admins). Users already in are not an error. The IM Service is told in joins of at most 1000 users; ' +
      'new members get an `Add` notification.',
    typeOptions: { description: 'Users to add to a group.', validate },
    input,
    errors: {
      types: [...IM_CHANGE_ERRORS, MemberLimitExceededError, IdempotencyKeyReusedError],
      directResult: true,
      union: resultUnion('addGroupMembers'),
    },
    resolve: (_root, { input }, context) => context.service.addGroupMembers(input, context.scope),
  });
});

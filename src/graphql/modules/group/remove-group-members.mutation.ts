import type { Group as GroupEntity } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { Group } from './group.type.js';
import { changeFields, groupIdField, resultUnion, userIdsField, withRules } from './input-fields.js';

const RemoveGroupMembersSuccess = builder.objectRef<{ group: GroupEntity; removed: string[] }>(successName('removeGroupMembers')).implement({
  description: 'The users are no longer members.',
  fields: (t) => ({
    group: t.field({ type: Group, description: 'The group after the change.', resolve: (result) => result.group }),
    removedUserIds: t.exposeStringList('removed', { description: 'Who was removed; users who were not members are left out.' }),
  }),
});

builder.mutationField('removeGroupMembers', (t) => {
  const { input, validate } = withRules({ groupId: groupIdField(t.input), userIds: userIdsField(t.input, 'The members to remove.'), ...changeFields(t.input) });
  return t.fieldWithInput({
    type: RemoveGroupMembersSuccess,
    description:
      'Removes members (owner and admins; admins cannot remove the owner or other admins). ' +
      'The removed get a `Kicked` notification before they leave the IM group, so they still receive it.',
    typeOptions: { description: 'Members to remove from a group.', validate },
    input,
    errors: { types: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError], directResult: true, union: resultUnion('removeGroupMembers') },
    resolve: (_root, { input }, context) => context.service.removeGroupMembers(input, context.scope),
  });
});

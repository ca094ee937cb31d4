import type { Group as GroupEntity } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { avatarUrlSchema, groupNameSchema } from '../../../groups/rules.js';
import { builder, successName } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { Group } from './group.type.js';
import { changeFields, groupIdField, resultUnion, ruled, withRules } from './input-fields.js';

const UpdateGroupSuccess = builder.objectRef<GroupEntity>(successName('updateGroup')).implement({
  description: 'The group has its new profile.',
  fields: (t) => ({ group: t.field({ type: Group, description: 'The group after the change.', resolve: (group) => group }) }),
});

builder.mutationField('updateGroup', (t) => {
  const { input, validate } = withRules({
    groupId: groupIdField(t.input),
    name: ruled(t.input.string({ required: false, description: 'The new name, 1 to 64 characters after trimming.' }), groupNameSchema.nullish()),
    avatarUrl: ruled(t.input.string({ required: false, description: 'The new picture as an http(s) URL, or null to remove it.' }), avatarUrlSchema.nullish()),
    ...changeFields(t.input),
  });
  return t.fieldWithInput({
    type: UpdateGroupSuccess,
    description:
      "Changes a group's name and/or picture (owner and admins). A new name is also pushed to the IM Service, " +
      'which shows it in push notifications, and members get a `Rename` notification. Leave a field out to keep it; `avatarUrl: null` removes the picture.',
    typeOptions: { description: "A group's new name and/or picture: give at least one.", validate },
    input,
    errors: { types: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError], directResult: true, union: resultUnion('updateGroup') },
    resolve: (_root, { input }, context) => context.service.updateGroup(input, context.scope),
  });
});

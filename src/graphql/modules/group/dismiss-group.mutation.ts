import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeFields, groupIdField, resultUnion, withRules } from './input-fields.js';

const DismissGroupSuccess = builder.objectRef<{ groupId: string }>(successName('dismissGroup')).implement({
  description: 'The group is dismissed: gone from every list, and its id answers GroupNotFoundError from now on.',
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The dismissed group.' }) }),
});

builder.mutationField('dismissGroup', (t) => {
  const { input, validate } = withRules({ groupId: groupIdField(t.input, 'The group to dismiss.'), ...changeFields(t.input) });
  return t.fieldWithInput({
    type: DismissGroupSuccess,
    description: 'Dismisses a group (owner only). Members get a `Dismiss` notification first; the IM Service keeps the chat history.',
    typeOptions: { description: 'The group to dismiss.', validate },
    input,
    errors: { types: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError], directResult: true, union: resultUnion('dismissGroup') },
    resolve: (_root, { input }, context) => context.service.dismissGroup(input, context.scope),
  });
});

import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import type { Group as GroupEntity } from '../../../groups/entities.js';
import { changeMutation, groupAfterChange, successType } from './change-mutation.js';
import { changeFields, groupIdField } from './input-fields.js';

const DismissGroupSuccess = successType<GroupEntity>(
  'dismissGroup',
  'The group is dismissed: gone from every list, and its id answers GroupNotFoundError from now on.',
  (t) => ({
    groupId: t.exposeString('groupId', { description: 'The dismissed group.' }),
    group: groupAfterChange(
      t,
      (group) => group,
      'The group as dismissed, `dismissedAt` set: evict it from a client cache by its `id` (reads answer null for it from now on).',
    ),
  }),
);

changeMutation('dismissGroup', {
  description: 'Dismisses a group (owner only). Members get a `Dismiss` notification first; the IM Service keeps the chat history.',
  inputDescription: 'The group to dismiss.',
  input: (t) => ({ groupId: groupIdField(t, 'The group to dismiss.'), ...changeFields(t) }),
  success: DismissGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.dismissGroup(input, context.scope),
});

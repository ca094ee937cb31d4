import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { avatarUrlSchema, groupNameSchema } from '../../../groups/rules.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { z } from 'zod';
import { changeMutation, groupChangeSuccess } from './change-mutation.js';
import { GroupVisibilityEnum } from './enums.js';
import { changeFields, groupIdField, ruled } from './input-fields.js';

const UpdateGroupSuccess = groupChangeSuccess('updateGroup', 'The group has its new profile.');

changeMutation('updateGroup', {
  description:
    "Changes a group's name, picture and/or visibility (owner and admins). A new name is also pushed to the IM Service, " +
    'which shows it in push notifications, and members get a `Rename` notification. Leave a field out to keep it; `avatarUrl: null` removes the picture.',
  inputDescription: "A group's new name, picture and/or visibility: give at least one.",
  input: (t) => ({
    groupId: groupIdField(t),
    name: ruled(t.string({ required: false, description: 'The new name, 1 to 64 characters after trimming.' }), groupNameSchema.optional()),
    avatarUrl: ruled(t.string({ required: false, description: 'The new picture as an http(s) URL, or null to remove it.' }), avatarUrlSchema.nullish()),
    visibility: ruled(
      t.field({ type: GroupVisibilityEnum, required: false, description: 'PUBLIC: anyone signed in reads the profile and search finds the group; PRIVATE: members only.' }),
      z.enum(['PRIVATE', 'PUBLIC']).nullish(),
    ),
    ...changeFields(t),
  }),
  inputRule: {
    check: (input) => input.name !== undefined || input.avatarUrl !== undefined || input.visibility != null,
    message: 'Give a name, an avatarUrl, a visibility, or several',
  },
  success: UpdateGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.updateGroup(input, context.scope),
});

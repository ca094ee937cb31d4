import { z } from 'zod';
import { IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { avatarUrlSchema, groupNameSchema } from '../../../groups/rules.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, groupChangeSuccess } from './change-mutation.js';
import { GroupVisibilityEnum, JoinPolicyEnum } from './enums.js';
import { changeFields, groupIdField, ruled } from './input-fields.js';

const UpdateGroupSuccess = groupChangeSuccess('updateGroup', 'The group has its new profile.');

changeMutation('updateGroup', {
  description:
    "Changes a group's name, picture, visibility and joining rules (owner and admins). A new name is also pushed to the IM Service, " +
    'which shows it in push notifications, and members get a `Rename` notification. Leave a field out to keep it; `avatarUrl: null` removes the picture.',
  inputDescription: "A group's new name, picture, visibility and/or joining rules: give at least one.",
  input: (t) => ({
    groupId: groupIdField(t),
    name: ruled(t.string({ required: false, description: 'The new name, 1 to 64 characters after trimming.' }), groupNameSchema.optional()),
    avatarUrl: ruled(t.string({ required: false, description: 'The new picture as an http(s) URL, or null to remove it.' }), avatarUrlSchema.nullish()),
    visibility: ruled(
      t.field({ type: GroupVisibilityEnum, required: false, description: 'PUBLIC: anyone signed in reads the profile and search finds the group; PRIVATE: members only.' }),
      z.enum(['PRIVATE', 'PUBLIC']).nullish(),
    ),
    joinPolicy: ruled(
      t.field({ type: JoinPolicyEnum, required: false, description: 'Who may come in without being added: INVITE_ONLY, REQUEST or OPEN. Left out: kept.' }),
      z.enum(['INVITE_ONLY', 'REQUEST', 'OPEN']).nullish(),
    ),
    membersCanInvite: ruled(
      t.boolean({ required: false, description: 'Let plain members invite too (the owner and admins always may). Left out: kept.' }),
      z.boolean().nullish(),
    ),
    ...changeFields(t),
  }),
  inputRule: {
    check: (input) => [input.name, input.avatarUrl].some((field) => field !== undefined) || [input.visibility, input.joinPolicy, input.membersCanInvite].some((field) => field != null),
    message: 'Give at least one of name, avatarUrl, visibility, joinPolicy, membersCanInvite',
  },
  success: UpdateGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.updateGroup(input, context.scope),
});

import { AttributeLimitExceededError, IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { announcementSchema, attributeChangesSchema, avatarUrlSchema, descriptionSchema, groupNameSchema, MAX_ATTRIBUTES } from '../../../groups/rules.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { z } from 'zod';
import { changeMutation, groupChangeSuccess } from './change-mutation.js';
import { GroupVisibilityEnum } from './enums.js';
import { GroupAttributeInput } from './group-profile.type.js';
import { changeFields, groupIdField, ruled } from './input-fields.js';

const UpdateGroupSuccess = groupChangeSuccess('updateGroup', 'The group has its new profile.');

const PROFILE_FIELDS = ['name', 'avatarUrl', 'description', 'announcement', 'attributes', 'visibility'] as const;

changeMutation('updateGroup', {
  description:
    "Changes a group's profile (owner and admins): name, picture, description, announcement, attributes, visibility. Every field left out is kept; " +
    'null clears it (not `name`). A new name is also pushed to the IM Service, which shows it in push notifications, and members get a ' +
    '`Rename` notification; a new or cleared announcement gets a `Bulletin` notification. Description, announcement and attributes stay here: ' +
    'the IM Service keeps none of them.',
  inputDescription: "A group's new profile: give at least one field; a field left out is kept, null clears it.",
  input: (t) => ({
    groupId: groupIdField(t),
    name: ruled(t.string({ required: false, description: 'The new name, 1 to 64 characters after trimming. Left out: kept.' }), groupNameSchema.optional()),
    avatarUrl: ruled(t.string({ required: false, description: 'The new picture as an http(s) URL. Left out: kept; null: removed.' }), avatarUrlSchema.nullish()),
    description: ruled(
      t.string({ required: false, description: 'What the group is about, up to 512 characters (read with the profile, and found by `searchGroups` when PUBLIC). Left out: kept; null: removed.' }),
      descriptionSchema.nullish(),
    ),
    announcement: ruled(
      t.string({
        required: false,
        description:
          'The announcement members read, up to 1024 characters (line breaks kept); the gateway records who set it and when, and members get a ' +
          '`Bulletin` notification (unless `notify: false`). Left out: kept; null: removed (also announced). The same text again changes nothing.',
      }),
      announcementSchema.nullish(),
    ),
    attributes: ruled(
      t.field({
        type: [GroupAttributeInput],
        required: false,
        description:
          `Attributes to set (\`value\`) or remove (\`value: null\`), key by key; other keys are kept. At most ${MAX_ATTRIBUTES} per request, each key once; ` +
          `a group holds at most ${MAX_ATTRIBUTES} (\`AttributeLimitExceededError\` past that). Left out: all kept; null: all removed.`,
      }),
      attributeChangesSchema.nullish(),
    ),
    visibility: ruled(
      t.field({
        type: GroupVisibilityEnum,
        required: false,
        description: 'PUBLIC: anyone signed in reads the profile and `searchGroups` finds the group; PRIVATE: members only. Left out (or null): kept.',
      }),
      z.enum(['PRIVATE', 'PUBLIC']).nullish(),
    ),
    ...changeFields(t),
  }),
  inputRule: {
    check: (input) => PROFILE_FIELDS.some((field) => input[field] !== undefined),
    message: 'Give at least one of name, avatarUrl, description, announcement, attributes, visibility',
  },
  success: UpdateGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, AttributeLimitExceededError, IdempotencyKeyReusedError],
  resolve: ({ attributes, ...input }, context) =>
    context.service.updateGroup(
      { ...input, ...(attributes === undefined ? {} : { attributes: attributes?.map(({ key, value }) => ({ key, value: value ?? null })) ?? null }) },
      context.scope,
    ),
});

import { z } from 'zod';
import { AttributeLimitExceededError, IdempotencyKeyReusedError } from '../../../groups/errors.js';
import { announcementSchema, attributeChangesSchema, avatarUrlSchema, descriptionSchema, groupNameSchema, MAX_ATTRIBUTES } from '../../../groups/rules.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, groupChangeSuccess } from './change-mutation.js';
import { GroupVisibilityEnum, JoinPolicyEnum } from './enums.js';
import { GroupAttributeInput } from './group-profile.type.js';
import { changeFields, groupIdField, ruled } from './input-fields.js';

const UpdateGroupSuccess = groupChangeSuccess('updateGroup', 'The group has its new profile.');

/** Null clears these; the settings have no "none", so null there keeps them, as leaving them out does. */
const CLEARABLE_FIELDS = ['name', 'avatarUrl', 'description', 'announcement', 'attributes'] as const;
const SETTINGS = ['visibility', 'joinPolicy', 'membersCanInvite'] as const;

changeMutation('updateGroup', {
  description:
    "Changes a group's profile and rules (owner and admins): name, picture, description, announcement, attributes, visibility, joining rules. " +
    'Every field left out is kept; null clears it (not `name`; for visibility and the joining rules null also keeps). A new name is also pushed ' +
    'to the IM Service, which shows it in push notifications, and members get a `Rename` notification; a new or cleared announcement gets a ' +
    '`Bulletin` notification. Description, announcement, attributes, visibility and the joining rules stay here: the IM Service keeps none of them.',
  inputDescription: "A group's new profile and rules: give at least one field; a field left out is kept, null clears it.",
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
    check: (input) => CLEARABLE_FIELDS.some((field) => input[field] !== undefined) || SETTINGS.some((field) => input[field] != null),
    message: 'Give at least one of name, avatarUrl, description, announcement, attributes, visibility, joinPolicy, membersCanInvite',
  },
  success: UpdateGroupSuccess,
  errors: [...IM_CHANGE_ERRORS, AttributeLimitExceededError, IdempotencyKeyReusedError],
  resolve: ({ attributes, ...input }, context) =>
    context.service.updateGroup(
      { ...input, ...(attributes === undefined ? {} : { attributes: attributes?.map(({ key, value }) => ({ key, value: value ?? null })) ?? null }) },
      context.scope,
    ),
});

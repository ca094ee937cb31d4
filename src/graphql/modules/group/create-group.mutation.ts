import {
  GroupIdTakenError,
  IdempotencyKeyReusedError,
  MemberLimitExceededError,
  RateLimitedError,
  UpstreamError,
} from '../../../groups/errors.js';
import { createGroupInputSchema, MAX_GROUP_MEMBERS } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { asValidationError } from '../../domain-validation.js';
import { COMMON_MUTATION_ERRORS } from '../../errors.js';
import { NOTIFY_DESCRIPTION } from './change-args.js';
import { Group } from './group.type.js';

const CreateGroupInput = builder.inputType('CreateGroupInput', {
  description: 'A new group. The caller becomes its owner.',
  fields: (t) => ({
    groupId: t.string({
      required: false,
      description: 'The IM group id: 1 to 64 letters and digits. Left out, one is generated.',
    }),
    name: t.string({
      required: true,
      description: 'The display name, 1 to 64 characters after trimming; shown in push notifications.',
    }),
    memberIds: t.stringList({
      required: false,
      defaultValue: [],
      description: `The other members' user ids (duplicates count once). With the owner, at most the app's member cap (IM_MAX_GROUP_MEMBERS, default ${MAX_GROUP_MEMBERS}).`,
    }),
    avatarUrl: t.string({
      required: false,
      description: "An http(s) URL of the group's picture.",
    }),
    idempotencyKey: t.string({
      required: false,
      description:
        'A key of your choosing (1 to 128 printable characters), new for each group you mean to create. Sending the same request ' +
        'again with it answers the first result instead of creating a second group; the same key with another input answers ' +
        '`IdempotencyKeyReusedError`. Keys are remembered, per caller, for at least 24 hours.',
    }),
  }),
  validate: createGroupInputSchema,
});

builder.mutationField('createGroup', (t) =>
  t.field({
    type: Group,
    description:
      'Creates a group, stores it, and creates it at the IM Service (in calls of 1000 members). ' +
      'Answers `CreateGroupSuccess` once the IM Service has it, or with `syncStatus: PENDING` when the IM Service ' +
      'is slow: the gateway keeps trying in the background, a bounded number of times (then `syncStatus: FAILED`). ' +
      'Every failure is a typed member of the union.',
    args: {
      input: t.arg({ type: CreateGroupInput, required: true, description: 'The group to create.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    errors: {
      types: [
        ...COMMON_MUTATION_ERRORS,
        GroupIdTakenError,
        MemberLimitExceededError,
        RateLimitedError,
        UpstreamError,
        IdempotencyKeyReusedError,
      ],
      union: { name: 'CreateGroupResult', description: 'What became of a createGroup request.' },
      result: { name: 'CreateGroupSuccess', description: 'The group was created.' },
      dataField: { name: 'group', description: 'The new group.' },
    },
    resolve: (_root, { input, notify }, context) =>
      asValidationError(context.service.createGroup(
        {
          groupId: input.groupId,
          name: input.name,
          memberIds: input.memberIds ?? [],
          avatarUrl: input.avatarUrl,
          notify: notify ?? true,
          idempotencyKey: input.idempotencyKey,
        },
        context.scope,
      )),
  }),
);


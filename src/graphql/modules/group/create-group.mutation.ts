import { GroupIdTakenError, IdempotencyKeyReusedError, MemberLimitExceededError, RateLimitedError, UpstreamError } from '../../../groups/errors.js';
import { avatarUrlSchema, groupIdSchema, groupNameSchema, MAX_GROUP_MEMBERS, memberIdsSchema } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { COMMON_MUTATION_ERRORS } from '../../errors.js';
import { Group } from './group.type.js';
import { changeFields, resultUnion, ruled, withRules } from './input-fields.js';

builder.mutationField('createGroup', (t) => {
  const { input, validate } = withRules({
    groupId: ruled(
      t.input.string({ required: false, description: 'The IM group id: 1 to 64 letters and digits. Left out, one is generated.' }),
      groupIdSchema.nullish(),
    ),
    name: ruled(
      t.input.string({ required: true, description: 'The display name, 1 to 64 characters after trimming; shown in push notifications.' }),
      groupNameSchema,
    ),
    memberIds: ruled(
      t.input.stringList({
        required: false,
        defaultValue: [],
        description: `The other members' user ids (duplicates count once). With the owner, at most the app's member cap (IM_MAX_GROUP_MEMBERS, default ${MAX_GROUP_MEMBERS}).`,
      }),
      memberIdsSchema.nullish(),
    ),
    avatarUrl: ruled(t.input.string({ required: false, description: "An http(s) URL of the group's picture." }), avatarUrlSchema.nullish()),
    ...changeFields(t.input),
  });
  return t.fieldWithInput({
    type: Group,
    description:
      'Creates a group, stores it, and creates it at the IM Service (in calls of 1000 members). The caller becomes its owner. ' +
      'Answers `CreateGroupSuccess` once the IM Service has it, or with `syncStatus: PENDING` when the IM Service ' +
      'is slow: the gateway keeps trying in the background, a bounded number of times (then `syncStatus: FAILED`). ' +
      'Every failure is a typed member of the union.',
    typeOptions: { description: 'A new group. The caller becomes its owner.', validate },
    input,
    errors: {
      types: [...COMMON_MUTATION_ERRORS, GroupIdTakenError, MemberLimitExceededError, RateLimitedError, UpstreamError, IdempotencyKeyReusedError],
      union: resultUnion('createGroup'),
      result: { description: 'The group was created.' },
      dataField: { name: 'group', description: 'The new group.' },
    },
    resolve: (_root, { input }, context) => context.service.createGroup(input, context.scope),
  });
});

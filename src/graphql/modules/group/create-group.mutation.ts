import type { Group as GroupEntity } from '../../../groups/entities.js';
import { GroupIdTakenError, IdempotencyKeyReusedError, MemberLimitExceededError, RateLimitedError, UpstreamError } from '../../../groups/errors.js';
import { avatarUrlSchema, groupIdSchema, groupNameSchema, MAX_GROUP_MEMBERS, memberIdsSchema } from '../../../groups/rules.js';
import { COMMON_MUTATION_ERRORS } from '../../errors.js';
import { changeMutation, groupAfterChange, successType } from './change-mutation.js';
import { changeFields, ruled } from './input-fields.js';

const CreateGroupSuccess = successType<{ group: GroupEntity }>('createGroup', 'The group was created.', (t) => ({
  group: groupAfterChange(t, (success) => success.group, 'The new group.'),
}));

changeMutation('createGroup', {
  description:
    'Creates a group, stores it, and creates it at the IM Service (in calls of 1000 members). The caller becomes its owner. ' +
    'Answers `CreateGroupSuccess` once the IM Service has it, or with `syncStatus: PENDING` when the IM Service ' +
    'is slow: the gateway keeps trying in the background, a bounded number of times (then `syncStatus: FAILED`). ' +
    'Every failure is a typed member of the union.',
  inputDescription: 'A new group. The caller becomes its owner.',
  input: (t) => ({
    groupId: ruled(t.string({ required: false, description: 'The IM group id: 1 to 64 letters and digits. Left out, one is generated.' }), groupIdSchema.nullish()),
    name: ruled(t.string({ required: true, description: 'The display name, 1 to 64 characters after trimming; shown in push notifications.' }), groupNameSchema),
    memberIds: ruled(
      t.stringList({
        required: false,
        defaultValue: [],
        description: `The other members' user ids (duplicates count once). With the owner, at most the app's member cap (IM_MAX_GROUP_MEMBERS, default ${MAX_GROUP_MEMBERS}).`,
      }),
      memberIdsSchema.nullish(),
    ),
    avatarUrl: ruled(t.string({ required: false, description: "An http(s) URL of the group's picture." }), avatarUrlSchema.nullish()),
    ...changeFields(t),
  }),
  success: CreateGroupSuccess,
  errors: [...COMMON_MUTATION_ERRORS, GroupIdTakenError, MemberLimitExceededError, RateLimitedError, UpstreamError, IdempotencyKeyReusedError],
  resolve: async (input, context) => ({ group: await context.service.createGroup(input, context.scope) }),
});

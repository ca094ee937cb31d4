import { z } from 'zod';
import { IdempotencyKeyReusedError, MemberLimitExceededError } from '../../../groups/errors.js';
import { idempotencyKeySchema } from '../../../groups/rules.js';
import type { GroupRow } from '../../../groups/store/tables.js';
import { builder } from '../../builder.js';
import { asValidationError } from '../../domain-validation.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION, userIdsArg } from './change-args.js';
import { Group } from './group.type.js';

const AddGroupMembersSuccess = builder.objectRef<{ group: GroupRow; added: string[] }>('AddGroupMembersSuccess').implement({
  description: 'The users are members now.',
  fields: (t) => ({
    group: t.field({ type: Group, description: 'The group after the change.', resolve: (result) => result.group }),
    addedUserIds: t.exposeStringList('added', { description: 'Who was added; users already in are left out.' }),
  }),
});

builder.mutationField('addGroupMembers', (t) =>
  t.field({
    type: AddGroupMembersSuccess,
    description:
      'Adds users to a group (owner and admins). Users already in are not an error. The IM Service is told in joins of at most 1000 users; ' +
      'new members get an `Add` notification.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group.' }),
      userIds: t.arg.stringList({ required: true, description: 'The users to add.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
      idempotencyKey: t.arg.string({
        required: false,
        description:
          'A key of your choosing, new for each change you mean to make: repeating the request with it answers the first result ' +
          'without adding twice (and without a second notification). Remembered, per caller, for at least 24 hours.',
      }),
    },
    validate: z.object({ groupId: groupIdArg, userIds: userIdsArg, notify: notifyArg, idempotencyKey: idempotencyKeySchema.nullish() }),
    errors: {
      types: [...IM_CHANGE_ERRORS, MemberLimitExceededError, IdempotencyKeyReusedError],
      directResult: true,
      union: { name: 'AddGroupMembersResult', description: 'What became of an addGroupMembers request.' },
    },
    resolve: (_root, args, context) =>
      asValidationError(context.service.addMembers(args.groupId, args.userIds, args.notify ?? true, context.scope, args.idempotencyKey)),
  }),
);

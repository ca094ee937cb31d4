import { z } from 'zod';
import { NotAMemberError } from '../../../groups/errors.js';
import { userIdSchema } from '../../../groups/rules.js';
import type { GroupRow } from '../../../groups/store/tables.js';
import { builder } from '../../builder.js';
import { asValidationError } from '../../domain-validation.js';
import { GROUP_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION } from './change-args.js';
import { Group } from './group.type.js';

const TransferGroupOwnershipSuccess = builder.objectRef<GroupRow>('TransferGroupOwnershipSuccess').implement({
  description: 'The group has its new owner; the previous owner is now an admin.',
  fields: (t) => ({ group: t.field({ type: Group, description: 'The group after the change.', resolve: (group) => group }) }),
});

builder.mutationField('transferGroupOwnership', (t) =>
  t.field({
    type: TransferGroupOwnershipSuccess,
    description: 'Hands the group to another member (owner only). The previous owner stays as an admin; members get a `Transfer` notification.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group.' }),
      userId: t.arg.string({ required: true, description: 'The member who becomes the owner.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    validate: z.object({ groupId: groupIdArg, userId: userIdSchema, notify: notifyArg }),
    errors: {
      types: [...GROUP_CHANGE_ERRORS, NotAMemberError],
      directResult: true,
      union: { name: 'TransferGroupOwnershipResult', description: 'What became of a transferGroupOwnership request.' },
    },
    resolve: (_root, args, context) =>
      asValidationError(context.service.transferOwnership(args.groupId, args.userId, args.notify ?? true, context.scope)),
  }),
);

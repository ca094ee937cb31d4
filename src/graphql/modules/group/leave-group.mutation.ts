import { z } from 'zod';
import { OwnerCannotLeaveError } from '../../../groups/errors.js';
import { builder } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION } from './change-args.js';

const LeaveGroupSuccess = builder.objectRef<{ groupId: string }>('LeaveGroupSuccess').implement({
  description: 'The caller is no longer a member.',
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The group the caller left.' }) }),
});

builder.mutationField('leaveGroup', (t) =>
  t.field({
    type: LeaveGroupSuccess,
    description: 'The caller leaves a group; the others get a `Quit` notification. The owner must transfer ownership or dismiss the group instead.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group to leave.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    validate: z.object({ groupId: groupIdArg, notify: notifyArg }),
    errors: {
      types: [...IM_CHANGE_ERRORS, OwnerCannotLeaveError],
      directResult: true,
      union: { name: 'LeaveGroupResult', description: 'What became of a leaveGroup request.' },
    },
    resolve: (_root, args, context) => context.service.leaveGroup(args.groupId, args.notify ?? true, context.scope),
  }),
);

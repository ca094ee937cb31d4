import { z } from 'zod';
import { builder } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION } from './change-args.js';

const DismissGroupSuccess = builder.objectRef<{ groupId: string }>('DismissGroupSuccess').implement({
  description: 'The group is dismissed: gone from every list, and its id answers GroupNotFoundError from now on.',
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The dismissed group.' }) }),
});

builder.mutationField('dismissGroup', (t) =>
  t.field({
    type: DismissGroupSuccess,
    description: 'Dismisses a group (owner only). Members get a `Dismiss` notification first; the IM Service keeps the chat history.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group to dismiss.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    validate: z.object({ groupId: groupIdArg, notify: notifyArg }),
    errors: {
      types: [...IM_CHANGE_ERRORS],
      directResult: true,
      union: { name: 'DismissGroupResult', description: 'What became of a dismissGroup request.' },
    },
    resolve: (_root, args, context) => context.service.dismissGroup(args.groupId, args.notify ?? true, context.scope),
  }),
);

import { z } from 'zod';
import { avatarUrlSchema, groupNameSchema } from '../../../groups/rules.js';
import type { GroupRow } from '../../../groups/store/tables.js';
import { builder } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION } from './change-args.js';
import { Group } from './group.type.js';

const UpdateGroupSuccess = builder.objectRef<GroupRow>('UpdateGroupSuccess').implement({
  description: 'The group has its new profile.',
  fields: (t) => ({ group: t.field({ type: Group, description: 'The group after the change.', resolve: (group) => group }) }),
});

builder.mutationField('updateGroup', (t) =>
  t.field({
    type: UpdateGroupSuccess,
    description:
      "Changes a group's name and/or picture (owner and admins). A new name is also pushed to the IM Service, " +
      'which shows it in push notifications, and members get a `Rename` notification. Leave a field out to keep it; `avatarUrl: null` removes the picture.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group.' }),
      name: t.arg.string({ required: false, description: 'The new name, 1 to 64 characters after trimming.' }),
      avatarUrl: t.arg.string({ required: false, description: 'The new picture as an http(s) URL, or null to remove it.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    validate: z
      .object({ groupId: groupIdArg, name: groupNameSchema.optional(), avatarUrl: avatarUrlSchema.nullish(), notify: notifyArg })
      .refine((args) => args.name !== undefined || args.avatarUrl !== undefined, 'Give a name, an avatarUrl, or both'),
    errors: {
      types: [...IM_CHANGE_ERRORS],
      directResult: true,
      union: { name: 'UpdateGroupResult', description: 'What became of an updateGroup request.' },
    },
    resolve: (_root, args, context) =>
      context.service.updateGroup(
        args.groupId,
        { ...(args.name != null ? { name: args.name } : {}), ...(args.avatarUrl !== undefined ? { avatarUrl: args.avatarUrl } : {}) },
        args.notify ?? true,
        context.scope,
      ),
  }),
);

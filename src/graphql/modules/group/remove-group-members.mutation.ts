import { z } from 'zod';
import type { GroupRow } from '../../../groups/store/tables.js';
import { builder } from '../../builder.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg, notifyArg, NOTIFY_DESCRIPTION, userIdsArg } from './change-args.js';
import { Group } from './group.type.js';

const RemoveGroupMembersSuccess = builder.objectRef<{ group: GroupRow; removed: string[] }>('RemoveGroupMembersSuccess').implement({
  description: 'The users are no longer members.',
  fields: (t) => ({
    group: t.field({ type: Group, description: 'The group after the change.', resolve: (result) => result.group }),
    removedUserIds: t.exposeStringList('removed', { description: 'Who was removed; users who were not members are left out.' }),
  }),
});

builder.mutationField('removeGroupMembers', (t) =>
  t.field({
    type: RemoveGroupMembersSuccess,
    description:
      'Removes members (owner and admins; admins cannot remove the owner or other admins). ' +
      'The removed get a `Kicked` notification before they leave the IM group, so they still receive it.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group.' }),
      userIds: t.arg.stringList({ required: true, description: 'The members to remove.' }),
      notify: t.arg.boolean({ required: false, defaultValue: true, description: NOTIFY_DESCRIPTION }),
    },
    validate: z.object({ groupId: groupIdArg, userIds: userIdsArg, notify: notifyArg }),
    errors: {
      types: [...IM_CHANGE_ERRORS],
      directResult: true,
      union: { name: 'RemoveGroupMembersResult', description: 'What became of a removeGroupMembers request.' },
    },
    resolve: (_root, args, context) => context.service.removeMembers(args.groupId, args.userIds, args.notify ?? true, context.scope),
  }),
);

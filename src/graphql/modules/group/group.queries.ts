import { z } from 'zod';
import { MAX_GROUPS_PER_READ } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import type { Group as GroupEntity } from '../../../groups/entities.js';
import { Group } from './group.type.js';

builder.queryFields((t) => ({
  group: t.field({
    type: Group,
    nullable: true,
    description: "One group by its IM group id; null when there is none, it was dismissed, or it is PRIVATE and the caller is not a member. A PUBLIC group's profile is any signed-in user's to read.",
    args: { groupId: t.arg.string({ required: true, description: 'The IM group id.' }) },
    resolve: (_root, { groupId }, context) => context.reader.group(groupId),
  }),
  groups: t.field({
    type: [Group],
    nullable: { list: false, items: true },
    description: `Many groups at once, for a conversation list: answers in the order asked, null where a group is unknown (or PRIVATE and the caller is not a member, as \`group\`). At most ${MAX_GROUPS_PER_READ} ids.`,
    args: {
      groupIds: t.arg.stringList({
        required: true,
        description: `The IM group ids, at most ${MAX_GROUPS_PER_READ}.`,
        validate: z.array(z.string()).max(MAX_GROUPS_PER_READ, {
          error: (issue) => `Ask for at most ${MAX_GROUPS_PER_READ} groups at once, not ${(issue.input as unknown[]).length}: split the ids over several requests.`,
        }),
      }),
    },
    // What the cost limit counts (query-cost.ts): a longer list is refused by the rule above, never read.
    extensions: { maxItems: MAX_GROUPS_PER_READ },
    // Each id answers alone: one that is not a group id is a BAD_USER_INPUT error at its index
    // (graphql-js raises an Error in a list where it stands), the others their groups.
    resolve: (_root, { groupIds }, context) => context.reader.groupList(groupIds) as Promise<Array<GroupEntity | null>>,
  }),
}));

import { builder } from '../../builder.js';
import { GroupMember } from '../group/group-member.type.js';

/** A user an event names, in the event's group. */
export interface EventUserRef {
  groupId: string;
  userId: string;
}

export const EventUser = builder.objectRef<EventUserRef>('EventUser').implement({
  description: "A user an event names (its actor, or a user it is about), with their membership in the event's group as it is now.",
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The user's id in the chat app." }),
    membership: t.field({
      type: GroupMember,
      nullable: true,
      description:
        "The user's membership in the group now, as `Group.members` shows it; null when they are no longer a member " +
        '(or the group is gone). Batched: one statement for every user of a page.',
      resolve: (user, _args, context) => context.reader.memberIfVisible(user.groupId, user.userId),
    }),
  }),
});

export function eventUser(groupId: string, userId: string): EventUserRef {
  return { groupId, userId };
}

import type { GroupEvent as GroupEventEntity, GroupEventKind } from '../../../groups/events/event.js';
import { builder } from '../../builder.js';
import { Group } from '../group/group.type.js';
import { EventUser, eventUser } from './event-user.type.js';

/**
 * `GroupEvent`, the interface every event type implements (`event-types.ts`): Group.events'
 * nodes here, and the subscriptions' payloads (`groupEvents`, `viewerEvents`) reuse it as is.
 */
export const GroupEvent = builder.interfaceRef<GroupEventEntity>('GroupEvent').implement({
  description:
    'Something that happened to a group, once the change that did it stood (a change undone or withdrawn ' +
    'leaves no event). Events are ordered by `cursor`, one order for every group.',
  resolveType: (event) => event.kind satisfies GroupEventKind,
  fields: (t) => ({
    cursor: t.exposeString('cursor', {
      description:
        'The event\'s place in the log: opaque, stable, strictly increasing in the order events were released ' +
        '(for one group and across groups). Pass it as `after` to read or resume after this event.',
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the change was made.' }),
    actor: t.field({
      type: EventUser,
      description: 'Who made the change.',
      resolve: (event) => eventUser(event.groupId, event.actorId),
    }),
    groupId: t.exposeString('groupId', { description: "The group's id (also when the group is gone)." }),
    group: t.field({
      type: Group,
      nullable: true,
      description: 'The group as it is now; null once it is dismissed.',
      resolve: (event, _args, context) => context.reader.group(event.groupId),
    }),
  }),
});

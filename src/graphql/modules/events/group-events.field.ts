import { DEFAULT_EVENTS_PAGE, MAX_EVENTS_PAGE } from '../../../groups/rules.js';
import { builder } from '../../builder.js';
import { Group } from '../group/group.type.js';
import './event-types.js';
import { GroupEvent } from './group-event.interface.js';

const GroupEventConnection = builder.connectionObject(
  { type: GroupEvent, name: 'GroupEventConnection', description: "A page of a group's events, oldest first (newest last)." },
  { name: 'GroupEventEdge', description: 'An event and its cursor (the same as the event\'s own `cursor`).' },
);

builder.objectField(Group, 'events', (t) =>
  t.field({
    type: GroupEventConnection,
    nullable: true,
    extensions: { maxItems: MAX_EVENTS_PAGE },
    description:
      "The group's history, oldest first and newest last, a page at a time; only members may read it (others get a FORBIDDEN error and null). " +
      'Events are kept EVENT_RETENTION_HOURS (default 168); an `after` older than that is refused (BAD_USER_INPUT): read again without it. ' +
      'Only changes that stood appear, once they stood: a change still on its way to the IM Service (syncStatus PENDING) appears when it arrives.',
    args: {
      first: t.arg.int({ required: false, defaultValue: DEFAULT_EVENTS_PAGE, description: `How many events, 1 to ${MAX_EVENTS_PAGE}.` }),
      after: t.arg.string({ required: false, description: 'The `endCursor` of the previous page, or any event\'s `cursor`.' }),
    },
    resolve: (group, args, context) => context.reader.events(group, { first: args.first ?? DEFAULT_EVENTS_PAGE, after: args.after }),
  }),
);

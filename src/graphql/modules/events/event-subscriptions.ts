import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { GroupNotFoundError, InvalidInputError, NotAMemberError, NotAuthenticatedError } from '../../../groups/errors.js';
import type { StreamEnd, StreamItem } from '../../../groups/events/event-stream.js';
import type { GroupEvent } from '../../../groups/events/event.js';
import { CursorExpiredError } from '../../../groups/events/event-log.js';
import type { Subscription } from '../../../groups/events/event-streams.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import { ErrorInterface } from '../../errors.js';
import { GROUP_EVENT_TYPES } from './event-types.js';

/**
 * The subscriptions, served over Server-Sent Events (GraphiQL runs them as they are). Each item
 * is a member of a union: an event, or, as the stream's last item, why it ended or was refused,
 * as a mutation answers its typed errors.
 */

builder.subscriptionType({
  description: 'Live events over Server-Sent Events (`Accept: text/event-stream`), resumable by cursor.',
});

const ResumeReason = builder.enumType('ResumeReason', {
  description: 'Why a stream ended while its subscriber was still entitled to it.',
  values: {
    SLOW_CONSUMER: { value: 'lagged', description: 'The subscriber read slower than events came and its buffer (`EVENT_STREAM_BUFFER`) filled.' },
    SHUTTING_DOWN: { value: 'shuttingDown', description: 'The instance is stopping; another one serves the resubscription.' },
  },
});

const ResumeRequired = builder.objectRef<StreamEnd>('ResumeRequired').implement({
  description: 'The last item of a stream that ended early: subscribe again with `after: resumeAfter` and nothing is missed.',
  fields: (t) => ({
    reason: t.field({ type: ResumeReason, description: 'Why the stream ended.', resolve: (end) => end.reason }),
    resumeAfter: t.exposeString('resumeAfter', {
      nullable: true,
      description: 'The cursor of the last event received (or where the stream started): pass it as `after`. Null: no event was ever released.',
    }),
  }),
});

builder.objectType(CursorExpiredError, {
  name: 'CursorExpiredError',
  description: 'The events after `after` are no longer kept (`EVENT_RETENTION_HOURS`): refetch what you show, then subscribe again without `after`.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    oldestCursor: t.exposeString('oldestCursor', { description: 'The oldest cursor one may still resume after.' }),
  }),
});

const STREAM_END_TYPES = [ResumeRequired, CursorExpiredError, InvalidInputError, NotAuthenticatedError] as const;

const GroupEventsItem = builder.unionType('GroupEventsItem', {
  description: "An item of `groupEvents`: one of the group's events, or (as the last item) why the stream ended or was refused.",
  types: [...GROUP_EVENT_TYPES, ...STREAM_END_TYPES, NotAMemberError, GroupNotFoundError],
  resolveType: typeNameOf,
});

const ViewerEventsItem = builder.unionType('ViewerEventsItem', {
  description: "An item of `viewerEvents`: an event of the caller's conversation list, or (as the last item) why the stream ended or was refused.",
  types: [...GROUP_EVENT_TYPES, ...STREAM_END_TYPES],
  resolveType: typeNameOf,
});

const GroupEventsInput = builder.inputType('GroupEventsInput', {
  description: 'Which group to follow, and from where.',
  fields: (t) => ({
    groupId: t.string({ required: true, description: 'The IM group id; the caller must be a member.' }),
    after: t.string({ required: false, description: 'Replay the events after this cursor first (the last one received), then go live. Leave out: live from now.' }),
  }),
});

const ViewerEventsInput = builder.inputType('ViewerEventsInput', {
  description: 'From where to follow the caller’s conversation list.',
  fields: (t) => ({
    after: t.string({ required: false, description: 'Replay the events after this cursor first (the last one received), then go live. Leave out: live from now.' }),
  }),
});

builder.subscriptionFields((t) => ({
  groupEvents: t.field({
    type: GroupEventsItem,
    description:
      "A group's events as they happen, each once and in order; members only. A removed member (or one who leaves) receives that event, then the stream ends; a dismissal ends every stream of the group.",
    args: { input: t.arg({ type: GroupEventsInput, required: true, description: 'The group, and the cursor to resume after.' }) },
    subscribe: async (_root, { input }, context) => items(await context.events.group(context.scope, { groupId: input.groupId, after: input.after ?? null })),
    resolve: fresh,
  }),
  viewerEvents: t.field({
    type: ViewerEventsItem,
    description:
      "What the caller's conversation list needs, as it happens: added to or removed from a group, a group of theirs renamed or dismissed, their role changed, ownership transferred to or from them.",
    args: { input: t.arg({ type: ViewerEventsInput, required: true, description: 'The cursor to resume after.' }) },
    subscribe: async (_root, { input }, context) => items(await context.events.viewer(context.scope, { after: input.after ?? null })),
    resolve: fresh,
  }),
}));

type Item = StreamItem<GroupEvent> | Exclude<Subscription<GroupEvent>, AsyncIterableIterator<unknown>>;

/**
 * A refusal is the stream's one item, wrapped as the errors plugin wraps a mutation's (graphql-js
 * would raise an `Error` a resolver answers); a stream is passed on as it is.
 */
function items(answer: Subscription<GroupEvent>): AsyncIterable<Item> {
  if (!(answer instanceof Error)) return answer;
  const refusal = wrapErrorIfMatches(answer, [answer.constructor as new (...args: never[]) => Error], undefined) as Item;
  return (async function* refusalOnly() {
    yield refusal;
  })();
}

/**
 * Each item resolves with what the store holds now: the request's reads are cached for the
 * request, and a stream is one request that may last hours.
 */
function fresh(item: Item, _args: unknown, context: Context): Item {
  context.reader.clear();
  return item;
}

/** Events and stream ends say their kind; a (wrapped) refusal is named after its class, as the mutations' are. */
function typeNameOf(item: Item): string {
  if (!('kind' in item)) {
    const className = (item as Error).constructor.name;
    return className === InvalidInputError.name ? 'ValidationError' : className;
  }
  return item.kind === 'streamEnd' ? 'ResumeRequired' : item.kind;
}

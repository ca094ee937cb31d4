import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../generated/index.js';
import { requestBody, type RequestOptions } from './http.js';
import { openSse, type SseOptions, type SseStream } from './sse.js';

/**
 * One typed function per subscription, over Server-Sent Events:
 *   const stream = await subscriptionsAt(url).groupEvents({ groupId, after }, { as: 'bob' });
 *   const item = await stream.next();       // { data: { groupEvents: { __typename, cursor, … } } }
 *   stream.close();                         // disconnects, as a client that goes away
 */

const GroupEvents = graphql(`
  subscription KitGroupEventStream($input: GroupEventsInput!) {
    groupEvents(input: $input) {
      __typename
      ... on GroupEvent {
        cursor
        occurredAt
      }
      ... on GroupProfileUpdated {
        name
      }
      ... on ResumeRequired {
        reason
        resumeAfter
      }
      ... on CursorExpiredError {
        oldestCursor
      }
      ... on NotAMemberError {
        groupId
        userId
      }
      ... on Error {
        message
      }
    }
  }
`);

const ViewerEvents = graphql(`
  subscription KitViewerEventStream($input: ViewerEventsInput!) {
    viewerEvents(input: $input) {
      __typename
      ... on GroupEvent {
        cursor
        occurredAt
        groupId
      }
      ... on ResumeRequired {
        reason
        resumeAfter
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SUBSCRIPTIONS = {
  groupEvents: { document: GroupEvents, variables: (input: { groupId: string; after?: string | null }) => ({ input }) },
  viewerEvents: { document: ViewerEvents, variables: (input: { after?: string | null }) => ({ input }) },
};

export type SubscriptionName = keyof typeof SUBSCRIPTIONS;
type DataOf<D> = D extends TypedDocumentNode<infer R, infer _V> ? R : never;
type InputOf<N extends SubscriptionName> = Parameters<(typeof SUBSCRIPTIONS)[N]['variables']>[0];
/** One SSE item: the GraphQL result of one event (or the stream's refusal), as the server sent it. */
export type SubscriptionItem<N extends SubscriptionName> = {
  data?: DataOf<(typeof SUBSCRIPTIONS)[N]['document']> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
};
/** The union member one item carries. */
export type StreamAnswer<N extends SubscriptionName> = NonNullable<DataOf<(typeof SUBSCRIPTIONS)[N]['document']>[N & keyof DataOf<(typeof SUBSCRIPTIONS)[N]['document']>]>;

export type Subscriptions = {
  [N in SubscriptionName]: (input: InputOf<N>, options?: RequestOptions & Pick<SseOptions, 'fetch' | 'capture'>) => Promise<SseStream<SubscriptionItem<N>>>;
};

/** The subscriptions of the gateway at `baseUrl`. */
export function subscriptionsAt(baseUrl: string): Subscriptions {
  const open = (name: SubscriptionName) => (input: unknown, options?: SseOptions) => openSse(baseUrl, subscriptionBody(name, input as never), options);
  return { groupEvents: open('groupEvents'), viewerEvents: open('viewerEvents') } as Subscriptions;
}

/** The JSON body of a subscription, for the benchmark's own connections. */
export function subscriptionBody<N extends SubscriptionName>(name: N, input: InputOf<N>): { query: string; variables?: unknown } {
  const spec = SUBSCRIPTIONS[name];
  return requestBody(spec.document as TypedDocumentNode<unknown, unknown>, (spec.variables as (input: unknown) => unknown)(input));
}

/** The union member of an item, or an error printing the item (a request error, say). */
export function answerOf<N extends SubscriptionName>(name: N, item: SubscriptionItem<N>): StreamAnswer<N> {
  const answer = (item.data as Record<string, unknown> | null | undefined)?.[name];
  if (!answer) throw new Error(`no ${name} in the item: ${JSON.stringify(item)}`);
  return answer as StreamAnswer<N>;
}

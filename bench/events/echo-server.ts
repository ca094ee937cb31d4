/**
 * The baseline of `npm run bench:events`: a bare Yoga server with one subscription and one
 * mutation that publishes to it through Yoga's in-memory pub/sub, over the same SSE transport,
 * in a process of its own as the gateway is. Whatever the gateway spends beyond this (the log,
 * the hub, membership, the event types) is the price of delivering real events.
 * Listens on `PORT`, prints "echo ready" when it does.
 */
import '../../src/runtime-check.js';
import { createServer } from 'node:http';
import { createPubSub, createSchema, createYoga } from 'graphql-yoga';

const pubSub = createPubSub<{ echo: [{ seq: number; text: string }] }>();
const yoga = createYoga({
  logging: false,
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Echo {
        seq: Int!
        text: String!
      }
      type Query {
        ok: Boolean!
      }
      type Mutation {
        echo(seq: Int!, text: String!): Boolean!
      }
      type Subscription {
        echoes: Echo!
      }
    `,
    resolvers: {
      Query: { ok: () => true },
      Mutation: {
        echo: (_root: unknown, args: { seq: number; text: string }) => {
          pubSub.publish('echo', args);
          return true;
        },
      },
      Subscription: { echoes: { subscribe: () => pubSub.subscribe('echo'), resolve: (payload: unknown) => payload } },
    },
  }),
});
const server = createServer(yoga);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ msg: 'echo ready' })));
process.on('SIGTERM', () => process.exit(0));

import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Doorbell } from './hub.js';

export interface RedisDoorbellOptions {
  url: string;
  /** Namespaces the channel, as it does the limiter's keys. */
  keyPrefix: string;
  logger: Logger;
}

/** A ring, on the deployment's channel: the cursor released. */
type Rings = { released: [channel: string, cursor: string] };

/**
 * The doorbell every instance hears: Yoga's pub/sub over its Redis event target, on two ioredis
 * connections made as the shared limiter makes them (src/im/cluster.ts). A ring carries only the
 * cursor released; the hub reads the events themselves from the log. Pub/sub is at most once,
 * and nothing is queued without bound (the publisher has no offline queue): while the publisher
 * is away only its last ring is kept, and published when it is back; a ring a subscriber misses
 * while it reconnects is made up for by the ring this doorbell gives itself once its subscription
 * is back; whatever else is lost, by the hub's poll.
 */
export function redisDoorbell(options: RedisDoorbellOptions): Doorbell {
  const log = options.logger.child({ component: 'event-doorbell' });
  const publisher = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  publisher.on('error', (error: Error) => log.debug({ err: error.message }, 'redis connection error (event doorbell)'));
  // Subscriptions wait for the connection and ioredis renews them after a reconnect.
  const subscriber = publisher.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  subscriber.on('error', () => undefined); // the publisher reports the same outage
  const eventTarget = createRedisEventTarget({
    // The event target fires its commands and forgets them: a refusal (Redis down) is dropped here
    // rather than left as an unhandled rejection. A dropped ring is made up for by the poll.
    publishClient: quiet(publisher, ['publish'], () => log.debug('ring dropped: Redis is unreachable')),
    subscribeClient: quiet(subscriber, ['subscribe', 'unsubscribe'], () => undefined),
  });
  const channel = `${options.keyPrefix}:events`;
  // (Yoga's pub/sub names the Redis channel `released:<channel>`.)
  const pubSub = createPubSub<Rings>({ eventTarget });
  const rings = pubSub.subscribe('released', channel);
  let listener = (_cursor: string | null): void => undefined;
  let subscribedOnce = false;
  subscriber.on('ready', () => {
    // A reconnect: whatever was published meanwhile never reached this instance.
    if (subscribedOnce) listener(null);
    subscribedOnce = true;
  });
  void (async () => {
    for await (const cursor of rings) listener(cursor);
  })().catch((error: unknown) => log.warn({ err: error }, 'event doorbell stopped listening; the poll still delivers'));
  // A ring while the publisher is away is kept (the last one only: a ring means "read the log")
  // and published once it is back, so the other instances need not wait for their poll.
  let unsent: string | null = null;
  publisher.on('ready', () => {
    const cursor = unsent;
    unsent = null;
    if (cursor !== null) pubSub.publish('released', channel, cursor);
  });
  return {
    ring(cursor) {
      if (publisher.status === 'ready') pubSub.publish('released', channel, cursor);
      else unsent = cursor;
    },
    onRing(next) {
      listener = (cursor) => next(cursor);
    },
    async close() {
      listener = () => undefined;
      await rings.return();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/** The client, with the named commands' refusals handled by `dropped` instead of rejecting. */
function quiet(client: Redis, commands: readonly string[], dropped: () => void): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !commands.includes(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => (value.apply(target, args) as Promise<unknown>).catch(dropped);
    },
  });
}

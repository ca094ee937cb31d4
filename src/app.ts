import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createAuthenticator, graphiqlHeaders } from './auth/index.js';
import type { Config } from './config.js';
import { startEmulator, type RunningEmulator } from './emulator/index.js';
import { OutboxDispatcher } from './groups/outbox/dispatcher.js';
import { OutboxRepository } from './groups/outbox/outbox.repository.js';
import { GroupService } from './groups/service.js';
import { openStore, type Store } from './groups/store/database.js';
import { GroupsRepository } from './groups/store/groups.repository.js';
import { IdempotencyRepository } from './groups/store/idempotency.repository.js';
import { MembersRepository } from './groups/store/members.repository.js';
import { createGraphQLServer, type GraphQLServer } from './graphql/server.js';
import { createImClient, SharedBudget, type ImClient } from './im/index.js';

export interface App {
  graphql: GraphQLServer;
  /** The Redis-shared IM budget, when `REDIS_URL` is set. */
  sharedBudget: SharedBudget | null;
  service: GroupService;
  repositories: { groups: GroupsRepository; members: MembersRepository; outbox: OutboxRepository };
  store: Store;
  im: ImClient;
  dispatcher: OutboxDispatcher;
  /** The in-process IM Service emulator, when no credentials were configured. */
  emulator: RunningEmulator | null;
  close(): Promise<void>;
}

/** The composition root: store, IM client, outbox, service and GraphQL, wired once. */
export async function buildApp(config: Config, logger: Logger): Promise<App> {
  const emulator = config.im ? null : await startEmbeddedEmulator(config);
  const im = config.im ?? { appKey: emulator!.appKey, appSecret: emulator!.appSecret, baseUrls: [emulator!.url] };
  const store = await openStore(config.databaseUrl);
  const sharedBudget = config.redis ? new SharedBudget({ ...config.redis, logger: logger.child({ component: 'limiter' }) }) : null;
  const imClient = createImClient({
    ...(sharedBudget ? { sharedBudget } : {}),
    credentials: { appKey: im.appKey, appSecret: im.appSecret },
    baseUrls: im.baseUrls,
    logger: logger.child({ component: 'im' }),
    attemptTimeoutMs: config.imCallTimeoutMs,
    rateClasses: {
      group: { name: 'group', limit: config.rateLimits.group, windowMs: 1000 },
      publish: { name: 'publish', limit: config.rateLimits.publish, windowMs: 1000 },
    },
  });
  const groups = new GroupsRepository(store.db);
  const outbox = new OutboxRepository(store.db);
  const dispatcher = new OutboxDispatcher({
    db: store.db,
    outbox,
    groups,
    im: imClient,
    logger: logger.child({ component: 'outbox' }),
    leaseMs: config.outbox.leaseMs,
    pollMs: config.outbox.pollMs,
  });
  const members = new MembersRepository(store.db);
  const service = new GroupService({
    store,
    groups,
    members,
    idempotency: new IdempotencyRepository(store.db),
    outbox,
    dispatcher,
    im: imClient,
    logger: logger.child({ component: 'groups' }),
    notificationSender: config.notificationSender,
  });
  const graphql = createGraphQLServer({
    service,
    logger,
    requestDeadlineMs: config.requestDeadlineMs,
    authenticator: createAuthenticator(config.auth, logger),
    graphiqlHeaders: graphiqlHeaders(config.auth),
  });
  dispatcher.start();
  const sweeper = sweepIdempotencyKeys(service, logger);

  return {
    graphql,
    sharedBudget,
    service,
    repositories: { groups, members, outbox },
    store,
    im: imClient,
    dispatcher,
    emulator,
    async close() {
      clearInterval(sweeper);
      await dispatcher.stop();
      await imClient.close();
      await sharedBudget?.close();
      await store.close();
      await emulator?.close();
    },
  };
}

/** Forgets idempotency keys past their 24 hours, now and every hour. */
function sweepIdempotencyKeys(service: GroupService, logger: Logger): NodeJS.Timeout {
  const sweep = () =>
    service.sweepIdempotencyKeys().catch((error: unknown) => logger.warn({ err: error }, 'idempotency key sweep failed'));
  void sweep();
  return setInterval(sweep, 60 * 60 * 1000).unref();
}

/** A fresh secret per start: nothing outside this process needs to know it. */
function startEmbeddedEmulator(config: Config): Promise<RunningEmulator> {
  return startEmulator({
    appKey: 'embedded-emulator',
    appSecret: randomBytes(16).toString('hex'),
    rateLimits: config.rateLimits,
  });
}

import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { createAuthenticator, graphiqlHeaders } from './auth/index.js';
import { sql } from 'kysely';
import type { Config } from './config.js';
import { startEmulator, type RunningEmulator } from './emulator/index.js';
import { EventLog } from './groups/events/event-log.js';
import { liveEvents, type LiveEvents } from './groups/events/live-events.js';
import { redisDoorbell } from './groups/events/redis-doorbell.js';
import { pruneEventsPeriodically } from './groups/events/retention.js';
import { OutboxDispatcher } from './groups/outbox/dispatcher.js';
import { OutboxRepository } from './groups/outbox/outbox.repository.js';
import { GroupService } from './groups/service.js';
import { openStore, type Store } from './groups/store/database.js';
import { redactedDatabaseUrl } from './groups/store/database-url.js';
import { EventsRepository } from './groups/store/events.repository.js';
import { GroupsRepository } from './groups/store/groups.repository.js';
import { IdempotencyRepository } from './groups/store/idempotency.repository.js';
import { MembersRepository } from './groups/store/members.repository.js';
import { InvitationsRepository } from './groups/store/invitations.repository.js';
import { InviteLinksRepository } from './groups/store/invite-links.repository.js';
import { JoinRequestsRepository } from './groups/store/join-requests.repository.js';
import { GroupSearchRepository } from './groups/store/search.repository.js';
import { createGraphQLServer, type GraphQLServer } from './graphql/server.js';
import { mutationResultsPlugin } from './graphql/mutation-results.js';
import { graphqlMetricsPlugin } from './graphql/prometheus.js';
import { metricsEndpointPlugin } from './http/metrics-endpoint.js';
import { readinessPlugin } from './http/readiness.js';
import { createImClient, SharedBudget, type ImClient } from './im/index.js';
import { GatewayMetrics } from './metrics.js';
import { waitFor } from './startup.js';

export interface App {
  graphql: GraphQLServer;
  /** The Redis-shared IM budget, when `REDIS_URL` is set. */
  sharedBudget: SharedBudget | null;
  service: GroupService;
  /** The durable event log: its read API and `onReleased`, for the delivery side. */
  events: EventLog;
  /** Live delivery: this instance's hub and the subscriptions' streams. */
  live: LiveEvents;
  repositories: { groups: GroupsRepository; members: MembersRepository; outbox: OutboxRepository; inviteLinks: InviteLinksRepository };
  store: Store;
  im: ImClient;
  dispatcher: OutboxDispatcher;
  /** The in-process IM Service emulator, when no credentials were configured. */
  emulator: RunningEmulator | null;
  metrics: GatewayMetrics;
  /** `/ready` answers 503 from now on, so load balancers move traffic away before the server stops. */
  beginShutdown(): void;
  close(): Promise<void>;
}

export interface BuildOptions {
  /**
   * Start the background work: the outbox dispatcher (which sends pending rows to the IM Service)
   * and the idempotency-key sweep. Default true; `reconcile --dry-run` only reads, so it says false.
   */
  background?: boolean;
}

/** The composition root: store, IM client, outbox, service and GraphQL, wired once. */
export async function buildApp(config: Config, logger: Logger, options: BuildOptions = {}): Promise<App> {
  const background = options.background ?? true;
  const emulator = config.im ? null : await startEmbeddedEmulator(config);
  const im = config.im ?? { appKey: emulator!.appKey, appSecret: emulator!.appSecret, baseUrls: [emulator!.url] };
  const store = await waitFor(
    redactedDatabaseUrl(config.databaseUrl),
    () => openStore(config.databaseUrl, { onPoolError: (error) => logger.warn({ err: error.message }, 'idle database connection failed') }),
    logger,
  );
  const sharedBudget = config.redis ? new SharedBudget({ ...config.redis, logger: logger.child({ component: 'limiter' }) }) : null;
  if (sharedBudget) await waitFor('Redis (the shared IM rate limit)', () => sharedBudget.ping().then(orFail), logger);
  const metrics = new GatewayMetrics({
    limiterStats: () => imClient.limiterStats(),
    outboxBacklog: () => outbox.backlog(),
  });
  let stopping = false;
  const imClient = createImClient({
    observer: metrics.im,
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
  const events = new EventLog(new EventsRepository(store.db), logger.child({ component: 'events' }));
  const dispatcher = new OutboxDispatcher({
    db: store.db,
    outbox,
    groups,
    events,
    im: imClient,
    logger: logger.child({ component: 'outbox' }),
    leaseMs: config.outbox.leaseMs,
    pollMs: config.outbox.pollMs,
    ...(config.outbox.maxAttempts ? { maxAttempts: config.outbox.maxAttempts } : {}),
    observer: metrics.outbox,
  });
  const members = new MembersRepository(store.db);
  const inviteLinks = new InviteLinksRepository(store.db);
  const service = new GroupService({
    store,
    groups,
    members,
    joinRequests: new JoinRequestsRepository(store.db),
    invitations: new InvitationsRepository(store.db),
    inviteLinks,
    search: new GroupSearchRepository(store.db),
    idempotency: new IdempotencyRepository(store.db),
    outbox,
    events,
    dispatcher,
    im: imClient,
    logger: logger.child({ component: 'groups' }),
    notificationSender: config.notificationSender,
    maxGroupMembers: config.maxGroupMembers,
    invitationTtlMs: config.invitationTtlMs,
  });
  const live = liveEvents({
    log: events,
    groups,
    members,
    doorbell: config.redis ? redisDoorbell({ ...config.redis, logger }) : null,
    logger: logger.child({ component: 'event-hub' }),
    ...config.eventStreams,
    observer: metrics.eventStreams,
  });
  // The hub reads the log in the background too: `reconcile --dry-run` serves no stream.
  if (background) await live.start();
  const graphql = createGraphQLServer({
    service,
    events: live.streams,
    logger,
    requestDeadlineMs: config.requestDeadlineMs,
    authenticator: createAuthenticator(config.auth, logger, [config.notificationSender]),
    graphiql: config.graphiql,
    graphiqlHeaders: graphiqlHeaders(config.auth),
    // Embedded dev mode (the in-process emulator, callers named by X-User-Id) is a developer's machine.
    fieldSuggestions: config.im === null && config.auth.dev,
    corsOrigins: config.corsOrigins,
    plugins: [
      graphqlMetricsPlugin(metrics.registry),
      metricsEndpointPlugin(metrics.registry, logger),
      mutationResultsPlugin((mutation, result) => metrics.mutationResults.inc({ mutation, result })),
      readinessPlugin(async () => {
        const [database, redis] = await Promise.all([databaseAnswers(store), sharedBudget ? sharedBudget.ping() : null]);
        const report = {
          database: database ? 'up' : 'down',
          redis: redis === null ? 'off' : redis ? 'up' : 'down',
          stopping,
        } as const;
        return { ready: database && redis !== false && !stopping, ...report };
      }),
    ],
  });
  if (background) dispatcher.start();
  const sweeper = background ? sweepIdempotencyKeys(service, logger) : undefined;
  const pruner = background ? pruneEventsPeriodically(events, config.eventRetentionHours * 3_600_000, logger) : undefined;
  // Kicks release at once in any case; the sweep (and a pass now) picks up what no kick covered.
  if (background) events.startReleasing(config.eventReleaseSweepMs);

  return {
    graphql,
    sharedBudget,
    service,
    events,
    live,
    repositories: { groups, members, outbox, inviteLinks },
    store,
    im: imClient,
    dispatcher,
    emulator,
    metrics,
    beginShutdown() {
      stopping = true;
    },
    async close() {
      await live.close();
      clearInterval(sweeper);
      await pruner?.stop();
      await dispatcher.stop();
      // After the dispatcher: its last completions kick a pass, awaited here before the store closes.
      await events.stopReleasing();
      await imClient.close();
      await sharedBudget?.close();
      await store.close();
      await emulator?.close();
    },
  };
}

async function databaseAnswers(store: Store): Promise<boolean> {
  try {
    await sql`select 1`.execute(store.db);
    return true;
  } catch {
    return false;
  }
}

function orFail(answered: boolean): void {
  if (!answered) throw new Error('no answer');
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
    // Loopback only: its /_emulator routes show every member list to whoever can reach it.
    host: '127.0.0.1',
    appKey: 'embedded-emulator',
    appSecret: randomBytes(16).toString('hex'),
    rateLimits: config.rateLimits,
    maxGroupMembers: config.maxGroupMembers,
  });
}

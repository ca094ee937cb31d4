import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { freePort, spawnGateway, waitForLog, type GatewayProcess } from '../fixtures/process.js';
import { startPrivateRedis, type PrivateRedis } from '../fixtures/redis.js';
import { postgresStoreTarget, type FreshDatabase } from '../fixtures/stores.js';
import { createKit, type Kit } from '../kit/client.js';
import { groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { httpExecutor } from '../kit/http.js';
import type { SseStream } from '../kit/sse.js';
import { answerOf, subscriptionsAt, type SubscriptionItem } from '../kit/subscriptions.js';

/**
 * Two gateway processes on one PostgreSQL: a member follows a group on one, the changes are made
 * through the other. With Redis the hub of each instance is rung through pub/sub (the poll is
 * set to a minute, so nothing else could deliver in time); without, the poll alone carries them.
 * Redis is killed while streams are open: nothing is lost, to a live stream or to one resumed.
 */

const postgres = postgresStoreTarget();
const redis = await startPrivateRedis();
const skip = postgres.skip || redis === null;

type GroupStream = SseStream<SubscriptionItem<'groupEvents'>>;
interface Instance {
  url: string;
  kit: Kit;
  process: GatewayProcess;
}

describe.skipIf(skip)('live events across gateway processes on PostgreSQL', () => {
  let database: FreshDatabase;
  let emulator: RunningEmulator;
  const streams: GroupStream[] = [];

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
  });
  afterAll(async () => {
    await emulator?.close();
    await redis?.stop();
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close();
    await database?.drop();
    if (redis) await redis.start();
  });

  const instances = async (count: number, env: Record<string, string>): Promise<Instance[]> => {
    database = await postgres.fresh();
    const started: Instance[] = [];
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const gateway = spawnGateway({
        PORT: String(port),
        DATABASE_URL: database.url,
        IM_APP_KEY: emulator.appKey,
        IM_APP_SECRET: emulator.appSecret,
        IM_API_URLS: emulator.url,
        AUTH_MODE: 'dev',
        LOG_LEVEL: 'info',
        OUTBOX_POLL_MS: '100',
        // A loaded machine may take seconds for a group call: the setup wants its groups SYNCED.
        REQUEST_DEADLINE_MS: '15000',
        ...env,
      });
      // One at a time: the first runs the migrations.
      await waitForLog(gateway, 'gateway ready', 60_000);
      const url = `http://127.0.0.1:${port}`;
      started.push({ url, kit: createKit(httpExecutor(url)), process: gateway });
    }
    return started;
  };
  const follow = async (instance: Instance, groupId: string, after?: string | null) => {
    const stream = await subscriptionsAt(instance.url).groupEvents({ groupId, ...(after ? { after } : {}) }, { as: MEMBER });
    streams.push(stream);
    return stream;
  };
  const takeEvents = async (stream: GroupStream, count: number) => {
    const taken: Array<ReturnType<typeof answerOf<'groupEvents'>>> = [];
    for (let i = 0; i < count; i++) taken.push(answerOf('groupEvents', await stream.next(15_000)));
    return taken.map((item) => ({ type: item.__typename, cursor: 'cursor' in item ? item.cursor : null }));
  };
  /** Change `k`: renames alternate with role changes (the latter make no IM call, so they go through with Redis down). */
  const change = (kit: Kit, groupId: string, k: number) =>
    k % 2 === 0
      ? kit.must.updateGroup({ groupId, name: `Name ${k}`, notify: false }, { as: OWNER })
      : kit.must.setGroupMemberRole({ groupId, userId: MEMBER, role: k % 4 === 1 ? 'ADMIN' : 'MEMBER' }, { as: OWNER });
  const expectedTypes = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => (((from + i) % 2 === 0 ? 'GroupProfileUpdated' : 'MemberRoleChanged')));

  it('with Redis: changes made through one instance reach a subscriber on the other once each, in order', { timeout: 120_000 }, async () => {
    const [a, b] = await instances(2, { REDIS_URL: redis!.url, EVENT_POLL_MS: '60000' });
    const groupId = await groupWithRoles(a!.kit as never, { notify: false });
    const stream = await follow(a!, groupId);

    for (let k = 0; k < 12; k++) await change(b!.kit, groupId, k);
    const events = await takeEvents(stream, 12);

    expect(events.map((event) => event.type)).toEqual(expectedTypes(0, 12));
    expect(new Set(events.map((event) => event.cursor)).size).toBe(12);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.items).toHaveLength(12);
  });

  it('Redis killed while streams are open: the live stream misses nothing, and a resumed one gets exactly what it missed', { timeout: 120_000 }, async () => {
    const [a, b] = await instances(2, { REDIS_URL: redis!.url, EVENT_POLL_MS: '60000' });
    const groupId = await groupWithRoles(a!.kit as never, { notify: false });
    const live = await follow(a!, groupId);
    const leaving = await follow(a!, groupId);
    await change(b!.kit, groupId, 1);
    const [first] = await takeEvents(live, 1);
    await takeEvents(leaving, 1);
    leaving.close();

    await redis!.stop();
    // Role changes make no IM call: they stand while the shared IM budget is unreachable.
    for (const k of [3, 5, 7]) await change(b!.kit, groupId, k);
    await redis!.start();
    // No further change rings: the instance reads the log when its subscription to Redis is back.
    const duringOutage = await takeEvents(live, 3);
    await change(b!.kit, groupId, 9);
    const [after] = await takeEvents(live, 1);
    const resumed = await follow(a!, groupId, first!.cursor);
    const missed = await takeEvents(resumed, 4);

    expect(duringOutage.map((event) => event.type)).toEqual(['MemberRoleChanged', 'MemberRoleChanged', 'MemberRoleChanged']);
    expect(after!.type).toBe('MemberRoleChanged');
    expect(missed).toEqual([...duringOutage, after]);
    expect(new Set([first, ...duringOutage, after].map((event) => event!.cursor)).size).toBe(5);
    expect(live.items).toHaveLength(5);
  });

  it('without Redis: the poll carries the changes between instances; SIGTERM ends the streams with ResumeRequired, then the process exits', { timeout: 120_000 }, async () => {
    const [a, b] = await instances(2, { EVENT_POLL_MS: '200' });
    const groupId = await groupWithRoles(a!.kit as never, { notify: false });
    const stream = await follow(a!, groupId);

    for (let k = 0; k < 6; k++) await change(b!.kit, groupId, k);
    const events = await takeEvents(stream, 6);

    expect(events.map((event) => event.type)).toEqual(expectedTypes(0, 6));
    expect(new Set(events.map((event) => event.cursor)).size).toBe(6);

    a!.process.child.kill('SIGTERM');
    expect(answerOf('groupEvents', await stream.next(15_000))).toMatchObject({ __typename: 'ResumeRequired', reason: 'SHUTTING_DOWN', resumeAfter: events.at(-1)!.cursor });
    expect(await stream.ended).toBe('complete');
    expect(await a!.process.exited).toBe(0);
  });
});

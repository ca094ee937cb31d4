import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { ImRateLimitedError, SharedBudget, type ImClient } from '../../src/im/index.js';
import { captureLogger } from '../fixtures/logs.js';
import { eventually } from '../fixtures/gateway.js';
import { clientFor, emulatorLog, maxInAnyWindow, rejectionOf, startFixtureEmulator } from '../fixtures/im.js';
import { startPrivateRedis, type PrivateRedis } from '../fixtures/redis.js';
import { resetEmulator } from '../kit/emulator.js';

const redis = await startPrivateRedis();

/** One "instance": its own IM client and its own connection to the shared budget. */
interface Instance {
  client: ImClient;
  budget: SharedBudget;
  logLines: string[];
}

describe.skipIf(redis === null)('the IM budget shared through Redis', () => {
  let emulator: RunningEmulator;
  let instances: Instance[] = [];
  let prefix = 0;

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) {
      await instance.client.close();
      await instance.budget.close();
    }
    await resetEmulator(emulator);
    if (redis) await redis.start().catch(() => undefined);
  });
  afterAll(async () => {
    await emulator.close();
    await (redis as PrivateRedis | null)?.stop();
  });

  function startInstances(count: number): Instance[] {
    const keyPrefix = `test-${process.pid}-${prefix++}`;
    instances = Array.from({ length: count }, () => {
      const { logger, lines } = captureLogger();
      const budget = new SharedBudget({ url: redis!.url, keyPrefix, logger });
      const { client } = clientFor([emulator.url], { sharedBudget: budget, logger });
      return { client, budget, logLines: lines };
    });
    return instances;
  }

  function burst(from: Instance[], callsEach: number, tag: string): Promise<unknown[]> {
    return Promise.all(
      from.flatMap((instance, n) =>
        Array.from({ length: callsEach }, (_, i) => instance.client.joinGroup({ groupId: `${tag}${n}`, userIds: [`u${i}`] })),
      ),
    );
  }

  it('keeps three instances together within 100 calls in any rolling second, with no 1008', async () => {
    const three = startInstances(3);
    await burst(three, 100, 'shared');

    const log = await emulatorLog(emulator);
    expect(log).toHaveLength(300);
    expect(log.filter((entry) => entry.code === 1008)).toHaveLength(0);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeLessThanOrEqual(100);
    // Shared, not split: together they still use most of the budget.
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeGreaterThanOrEqual(90);
  });

  it('keeps a stopped instance\'s calls counted until their window has passed', async () => {
    const [leaving, staying] = startInstances(2);
    await burst([leaving!], 100, 'leaving');
    // Stopping cuts its slots' windows short here; in Redis they must still count for one window.
    await leaving!.client.close();
    await leaving!.budget.close();
    instances = [staying!];
    await burst([staying!], 100, 'staying');

    const log = await emulatorLog(emulator);
    expect(log).toHaveLength(200);
    expect(log.filter((entry) => entry.code === 1008)).toHaveLength(0);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeLessThanOrEqual(100);
  });

  it('survives Redis forgetting everything (FLUSHALL) mid-burst: strict throughout, then back to work', async () => {
    const three = startInstances(3);
    const running = burst(three, 100, 'flushed');
    await sleep(1200);
    await redis!.flushAll();
    const flushedAt = Date.now();
    await running;

    const log = await emulatorLog(emulator);
    expect(log).toHaveLength(300);
    expect(log.filter((entry) => entry.code === 1008)).toHaveLength(0);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeLessThanOrEqual(100);
    // Calls flow again within 5 s of the loss.
    expect(log.some((entry) => entry.at > flushedAt && entry.at < flushedAt + 5000)).toBe(true);
    expect(three.some((instance) => instance.logLines.some((line) => line.includes('redis lost the shared rate limit state')))).toBe(true);
  });

  it('frees the slots of an instance that died holding them', async () => {
    const keyPrefix = `dead-${process.pid}-${prefix++}`;
    const make = () => {
      const { logger, lines } = captureLogger();
      const budget = new SharedBudget({ url: redis!.url, keyPrefix, logger });
      // A short attempt timeout bounds how long any slot can be held: 0.5 s + the window.
      const { client } = clientFor([emulator.url], { sharedBudget: budget, logger, attemptTimeoutMs: 500, maxAttempts: 1 });
      return { client, budget, logLines: lines };
    };
    const doomed = make();
    const survivor = make();
    instances = [survivor];
    emulator.setFaults({ latencyMs: 300 });
    const held = Array.from({ length: 40 }, (_, i) => doomed.client.joinGroup({ groupId: 'doomed', userIds: [`u${i}`] }).catch(() => undefined));
    await eventually(async () => survivor.client.limiterStats().group.inUse >= 30, 5000, 20);
    // The instance vanishes: no heartbeat, no release, its connection gone.
    await doomed.budget.close();
    await eventually(async () => survivor.client.limiterStats().group.inUse === 0, 10_000, 100);
    emulator.setFaults({ latencyMs: 0 });
    await doomed.client.close();
    await Promise.all(held);
  });

  it('counts an answered call\'s window in Redis: an instance that vanishes right after its answers leaves their slots one window later, not at their expiry', async () => {
    const keyPrefix = `vanished-${process.pid}-${prefix++}`;
    const make = () => {
      const { logger, lines } = captureLogger();
      const budget = new SharedBudget({ url: redis!.url, keyPrefix, logger });
      const { client } = clientFor([emulator.url], { sharedBudget: budget, logger });
      return { client, budget, logLines: lines };
    };
    const vanishing = make();
    const survivor = make();
    instances = [survivor];
    const control = new Redis(redis!.url);
    try {
      await Promise.all(Array.from({ length: 60 }, (_, i) => vanishing.client.joinGroup({ groupId: 'vanishing', userIds: [`u${i}`] })));
      // It vanishes with every call answered: no give-back after this, no heartbeat, its connection gone.
      await vanishing.budget.close();
      const [seconds, micros] = await control.time();
      const redisNow = Number(seconds) * 1000 + Number(micros) / 1000;
      const counted = await control.zrange(`${keyPrefix}:im-group:held`, 0, -1, 'WITHSCORES');
      // Every unit is still counted, each until one window (and the 2 ms margin) after its answer at
      // the latest, not until its expiry (the default attempt timeout and three windows: over 60 s).
      const until = counted.filter((_, i) => i % 2 === 1).map(Number);
      expect(until).toHaveLength(60);
      for (const at of until) expect(at).toBeLessThanOrEqual(redisNow + 1002);
      await burst([survivor], 100, 'after');
    } finally {
      control.disconnect();
      await vanishing.client.close();
    }

    const log = await emulatorLog(emulator);
    expect(log).toHaveLength(160);
    expect(log.filter((entry) => entry.code === 1008)).toHaveLength(0);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeLessThanOrEqual(100);
  });

  it('refuses an IM call when Redis stops answering without closing the connection, then serves again', async () => {
    const keyPrefix = `paused-${process.pid}-${prefix++}`;
    const heldKey = `${keyPrefix}:im-group:held`;
    const { logger, lines } = captureLogger();
    const budget = new SharedBudget({ url: redis!.url, keyPrefix, logger });
    // One attempt: a retry after the refusal could outlast the pause and hide it.
    const { client } = clientFor([emulator.url], { sharedBudget: budget, logger, maxAttempts: 1 });
    const instance: Instance = { client, budget, logLines: lines };
    instances = [instance];
    await instance.client.joinGroup({ groupId: 'before', userIds: ['u1'] });
    const control = new Redis(redis!.url);
    try {
      await eventually(async () => (await control.zcard(heldKey)) === 0, 5000, 50);
      // Redis holds every command for 2 s, the connection open; the call could wait 10 s for its slot.
      await control.call('CLIENT', 'PAUSE', '2000', 'ALL');
      const refused = await rejectionOf(instance.client.joinGroup({ groupId: 'stalled', userIds: ['u1'] }, { deadlineAt: Date.now() + 10_000 }));
      expect(refused).toBeInstanceOf(ImRateLimitedError);
      expect(refused).toMatchObject({ shed: true });
      await sleep(2000); // the pause ends
      // The timed-out take ran once the pause ended; its unit was given back right after, not left to expire (8 s).
      await eventually(async () => (await control.zcard(heldKey)) === 0, 3000, 50);
    } finally {
      control.disconnect();
    }
    await instance.client.joinGroup({ groupId: 'after', userIds: ['u1'] }, { deadlineAt: Date.now() + 5000 });
    expect((await emulatorLog(emulator)).map((entry) => entry.path)).toHaveLength(2);
  });

  it('leaves the freed-slots channel once no client on the budget runs, not before', async () => {
    const keyPrefix = `listen-${process.pid}-${prefix++}`;
    const { logger } = captureLogger();
    const budget = new SharedBudget({ url: redis!.url, keyPrefix, logger });
    const first = clientFor([emulator.url], { sharedBudget: budget, logger }).client;
    const second = clientFor([emulator.url], { sharedBudget: budget, logger }).client;
    const control = new Redis(redis!.url);
    const listeners = async () => ((await control.call('PUBSUB', 'NUMSUB', `${keyPrefix}:im-group:freed`)) as [string, number])[1];
    try {
      await first.joinGroup({ groupId: 'first', userIds: ['u1'] });
      await eventually(async () => (await listeners()) === 1, 5000, 50);
      await first.close();
      await second.joinGroup({ groupId: 'second', userIds: ['u1'] });
      expect(await listeners()).toBe(1);
      await second.close();
      await eventually(async () => (await listeners()) === 0, 5000, 50);
    } finally {
      control.disconnect();
      await budget.close();
    }
  });

  it('refuses IM calls while Redis is unreachable, and serves again once it is back', async () => {
    const [instance] = startInstances(1);
    await instance!.client.joinGroup({ groupId: 'before', userIds: ['u1'] });
    await redis!.stop();

    const refused = await rejectionOf(instance!.client.joinGroup({ groupId: 'during', userIds: ['u1'] }, { deadlineAt: Date.now() + 1000 }));
    expect(refused).toBeInstanceOf(ImRateLimitedError);
    expect(refused).toMatchObject({ shed: true });

    await redis!.start();
    const backAt = Date.now();
    for (;;) {
      try {
        await instance!.client.joinGroup({ groupId: 'after', userIds: ['u1'] }, { deadlineAt: Date.now() + 1000 });
        break;
      } catch (error) {
        if (!(error instanceof ImRateLimitedError) || Date.now() - backAt > 5000) throw error;
        await sleep(100);
      }
    }
    expect(Date.now() - backAt).toBeLessThan(5000);
    expect((await emulatorLog(emulator)).map((entry) => entry.path)).toHaveLength(2);
  });
});

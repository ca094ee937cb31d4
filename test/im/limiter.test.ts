import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  GROUP_CALLS,
  ImClient,
  ImRateLimitedError,
  MESSAGE_PUBLISH,
  SlidingWindowLimiter,
  type CallLimiter,
} from '../../src/im/index.js';
import { captureLogger } from '../fixtures/logs.js';
import {
  FIXTURE_KEY,
  FIXTURE_SECRET,
  clientFor,
  emulatorGroup,
  emulatorLog,
  expectSecretAbsent,
  maxInAnyWindow,
  rejectionOf,
  startFixtureEmulator,
} from '../fixtures/im.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emulatorForTest(...args: Parameters<typeof startFixtureEmulator>): Promise<RunningEmulator> {
  const emulator = await startFixtureEmulator(...args);
  cleanups.push(() => emulator.close());
  return emulator;
}

/** A real limiter that also counts how many attempts were scheduled through it. */
function countingLimiter(inner: CallLimiter): CallLimiter & { scheduled: number } {
  const counting = Object.create(inner) as CallLimiter & { scheduled: number };
  counting.scheduled = 0;
  counting.schedule = (options, send) => {
    counting.scheduled++;
    return inner.schedule(options, send);
  };
  return counting;
}

describe('the group-call limiter', () => {
  it('lets a burst of 500 calls through with at most 100 in any rolling second and no 1008', async () => {
    const emulator = await emulatorForTest();
    const fixture = clientFor([emulator.url]);
    cleanups.push(() => fixture.close());

    const calls = Array.from({ length: 500 }, (_, i) =>
      fixture.client.joinGroup({ groupId: `burst${i % 7}`, userIds: [`user${i}`] }),
    );
    await Promise.all(calls);

    const log = await emulatorLog(emulator);
    expect(log).toHaveLength(500);
    expect(log.filter((entry) => entry.code === 1008)).toHaveLength(0);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeLessThanOrEqual(100);
    expect(maxInAnyWindow(log.map((entry) => entry.at))).toBeGreaterThanOrEqual(90);
  });

  it('sheds a call that cannot start before its deadline, sending nothing', async () => {
    const emulator = await emulatorForTest();
    const fixture = clientFor([emulator.url]);
    expect(fixture.client.wouldWaitPast('group', 1, Date.now() + 500)).toBeNull();
    const backlog = Array.from({ length: 300 }, (_, i) =>
      fixture.client.joinGroup({ groupId: 'backlog', userIds: [`user${i}`] }).catch(() => 'dropped'),
    );

    // The question a change asks before it writes has the answer the limiter sheds by.
    expect(fixture.client.wouldWaitPast('group', 1, Date.now() + 500)).toBeGreaterThan(1000);
    expect(fixture.client.wouldWaitPast('group', 1, Date.now() + 60_000)).toBeNull();
    const error = await rejectionOf(
      fixture.client.createGroup({ groupId: 'late', groupName: 'Late', userIds: ['a'] }, { deadlineAt: Date.now() + 500 }),
    );

    expect(error).toBeInstanceOf(ImRateLimitedError);
    expect(error).toMatchObject({ shed: true, retryable: true });
    // About 300 calls at 100 per second stand ahead: the caller is told to come back in seconds, not at once.
    expect((error as ImRateLimitedError).retryAfterMs).toBeGreaterThan(1000);
    expect(await emulatorGroup(emulator, 'late')).toBeNull();
    await fixture.close();
    await Promise.all(backlog);
  });

  it('serves a call with a short deadline at once when nothing is queued', async () => {
    const emulator = await emulatorForTest();
    const fixture = clientFor([emulator.url]);
    cleanups.push(() => fixture.close());
    await fixture.client.createGroup({ groupId: 'quick', groupName: 'Quick', userIds: ['a'] }, { deadlineAt: Date.now() + 300 });
    expect(await emulatorGroup(emulator, 'quick')).not.toBeNull();
  });

  it('starts a call whose slot is free in the tick it was scheduled, and one that must wait only once a slot is back', async () => {
    const limiter = new SlidingWindowLimiter({ name: 'tiny', limit: 2, windowMs: 200 });
    cleanups.push(() => limiter.stop());
    const started: number[] = [];
    const calls = [1, 2, 3].map((n) => limiter.schedule({ path: '/group/join.json' }, async () => void started.push(n)));

    // No timer stands between a free slot and its call: both free slots were taken synchronously
    // (starts are not spaced); the third has none.
    expect(started).toEqual([1, 2]);
    await Promise.all(calls);
    // The third waited for a slot counted one window past an answer: at most 2 per window.
    expect(started).toEqual([1, 2, 3]);
    // The first two slots' windows have ended; the third's still counts, though its call has answered.
    expect(limiter.stats().inUse).toBe(1);
  });

  it('retries 1008 answers through the limiter, re-signed, until the call succeeds', async () => {
    const emulator = await emulatorForTest({ faults: { failNext: ['rateLimited', 'rateLimited'] } });
    const group = countingLimiter(new SlidingWindowLimiter(GROUP_CALLS));
    const { logger, lines } = captureLogger();
    const client = new ImClient({
      credentials: { appKey: FIXTURE_KEY, appSecret: FIXTURE_SECRET },
      baseUrls: [emulator.url],
      limiters: { group, publish: new SlidingWindowLimiter(MESSAGE_PUBLISH) },
      logger,
    });
    cleanups.push(() => client.close());

    await client.createGroup({ groupId: 'storm', groupName: 'Storm', userIds: ['a'] });

    const log = await emulatorLog(emulator);
    expect(log.map((entry) => entry.code)).toEqual([1008, 1008, 200]);
    expect(group.scheduled).toBe(3);
    expect(await emulatorGroup(emulator, 'storm')).toMatchObject({ members: ['a'] });
    expectSecretAbsent(lines);
  });
});

describe('failing over between data centers', () => {
  it('moves a call from a hanging primary to the backup, and stays there', async () => {
    const primary = await emulatorForTest({ faults: { hangRate: 1 } });
    const backup = await emulatorForTest();
    const fixture = clientFor([primary.url, backup.url], { attemptTimeoutMs: 300 });
    cleanups.push(() => fixture.close());

    await fixture.client.createGroup({ groupId: 'g1', groupName: 'One', userIds: ['a'] });
    await fixture.client.createGroup({ groupId: 'g2', groupName: 'Two', userIds: ['a'] });

    expect((await emulatorLog(primary)).map((entry) => entry.status)).toEqual([null]);
    expect((await emulatorLog(backup)).map((entry) => entry.status)).toEqual([200, 200]);
    expect(await emulatorGroup(backup, 'g2')).not.toBeNull();
    expect(fixture.logLines.some((line) => line.includes('switching'))).toBe(true);
  });

  it('fails over on a refused connection and returns to the primary after the failback delay', async () => {
    const backup = await emulatorForTest();
    const down = await startFixtureEmulator();
    await down.close();
    // One attempt per call, so each call shows which origin the selector picked.
    const fixture = clientFor([down.url, backup.url], { failbackAfterMs: 200, maxAttempts: 1 });
    cleanups.push(() => fixture.close());
    const create = (groupId: string) => fixture.client.createGroup({ groupId, groupName: groupId, userIds: ['a'] });

    // Nothing left the machine: the error says the call certainly had no effect.
    expect(await rejectionOf(create('g1'))).toMatchObject({ name: 'ImUnavailableError', retryable: true, mayHaveTakenEffect: false });
    await create('g2');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await rejectionOf(create('g3'))).toMatchObject({ name: 'ImUnavailableError' });

    expect((await emulatorLog(backup)).map((entry) => entry.status)).toEqual([200]);
    expect(await emulatorGroup(backup, 'g2')).not.toBeNull();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { RollingWindow } from '../../src/emulator/rate-window.js';
import { requestLog, resetEmulator, setFaults, signedPost, sleep, startTestEmulator } from './fixtures.js';

describe('RollingWindow', () => {
  it('admits up to the limit within any 1000 ms and frees slots exactly 1000 ms later', () => {
    const window = new RollingWindow(3, 1000);
    for (const at of [0, 400, 999]) {
      expect(window.fits(1, at)).toBe(true);
      window.record(1, at);
    }
    expect(window.fits(1, 999)).toBe(false);
    expect(window.fits(1, 999 + 1)).toBe(true); // the call at 0 is out of (0, 1000]
    window.record(1, 1000);
    expect(window.fits(1, 1399)).toBe(false);
    expect(window.used(1400)).toBe(2);
  });

  it('weighs calls by cost and keeps working after many wrap-arounds of its ring', () => {
    const window = new RollingWindow(5, 1000);
    for (let second = 0; second < 50; second += 1) {
      const at = second * 1000;
      expect(window.fits(3, at)).toBe(true);
      window.record(3, at);
      expect(window.fits(3, at)).toBe(false);
      window.record(2, at);
      expect(window.fits(1, at + 999)).toBe(false);
    }
    window.clear();
    expect(window.used(0)).toBe(0);
  });
});

describe('emulator rate windows over HTTP', () => {
  let emulator: RunningEmulator;
  const join = (userId: string) => signedPost(emulator, '/group/join.json', { userId, groupId: 'g1' });
  const publish = (toGroupId: string[]) =>
    signedPost(emulator, '/message/group/publish.json', {
      fromUserId: 'admin',
      toGroupId,
      objectName: 'RC:GrpNtf',
      content: '{}',
    });

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: { group: 10, publish: 5 } });
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('admits 10 group calls, answers 429/1008 to the 11th, and admits again once the window passed', async () => {
    const statuses = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await join(`u${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    const limited = await join('late');
    expect([limited.status, limited.body.code]).toEqual([429, 1008]);
    // The other class has its own window; a query is a group call too.
    expect((await publish(['g1'])).status).toBe(200);
    expect((await signedPost(emulator, '/user/group/query.json', { userId: 'u1' })).status).toBe(429);

    await sleep(1050);
    expect((await join('late')).status).toBe(200);
  });

  it('counts calls that fail parameter rules, but not calls answered 1008', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect((await signedPost(emulator, '/group/join.json', { groupId: 'g1' })).status).toBe(400);
    }
    await setFaults(emulator, { failNext: ['rateLimited', 'rateLimited'] });
    expect((await join('x')).status).toBe(429);
    expect((await join('x')).status).toBe(429);
    for (let i = 0; i < 5; i += 1) expect((await join(`u${i}`)).status).toBe(200);
    expect((await join('over')).body.code).toBe(1008);
  });

  it('charges a publish one unit per target group', async () => {
    expect((await publish(['a', 'b', 'c'])).status).toBe(200);
    expect((await publish(['d', 'e', 'f'])).body.code).toBe(1008); // 3 + 3 > 5
    expect((await publish(['d', 'e'])).status).toBe(200); // 3 + 2 = 5
    expect((await publish(['g'])).body.code).toBe(1008);
    const log = await requestLog(emulator);
    expect(log.map((entry) => entry.status)).toEqual([200, 429, 200, 429]);
  });
});

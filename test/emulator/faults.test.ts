import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  groupView,
  postJson,
  requestLog,
  resetEmulator,
  setFaults,
  signedHeaders,
  signedPost,
  startTestEmulator,
} from './fixtures.js';

const createG1 = { userId: 'u1', groupId: 'g1', groupName: 'G' };

describe('emulator faults', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(() => resetEmulator(emulator));

  it('error500: answers 500/1000 and has no effect', async () => {
    await setFaults(emulator, { failNext: ['error500'] });
    const reply = await signedPost(emulator, '/group/create.json', createG1);
    expect([reply.status, reply.body.code]).toEqual([500, 1000]);
    expect(await groupView(emulator, 'g1')).toBeUndefined();
    // The queue is used up: the next call is normal.
    expect((await signedPost(emulator, '/group/create.json', createG1)).status).toBe(200);
  });

  it('code1000: answers code 1000 with whatever HTTP status is asked, with no effect', async () => {
    for (const status of [200, 400, 500, 503]) {
      await setFaults(emulator, { failNext: ['code1000'], code1000Status: status });
      const reply = await signedPost(emulator, '/group/create.json', createG1);
      expect([reply.status, reply.body.code]).toEqual([status, 1000]);
      expect(await groupView(emulator, 'g1')).toBeUndefined();
    }
  });

  it('code1000Groups: every call naming a stormed group answers 1000; other groups are served', async () => {
    await setFaults(emulator, { code1000Groups: ['g1'], code1000Status: 200 });
    for (let i = 0; i < 3; i++) {
      const reply = await signedPost(emulator, '/group/create.json', createG1);
      expect([reply.status, reply.body.code]).toEqual([200, 1000]);
    }
    const publish = { fromUserId: 'u1', toGroupId: 'g1', objectName: 'RC:TxtMsg', content: '{"content":"hi"}' };
    expect((await signedPost(emulator, '/message/group/publish.json', publish)).body.code).toBe(1000);
    expect((await signedPost(emulator, '/group/create.json', { ...createG1, groupId: 'g2' })).body.code).toBe(200);
    expect(await groupView(emulator, 'g1')).toBeUndefined();
  });

  it('timeout504: answers 504/1050 after applying the effect', async () => {
    emulator.setFaults({ failNext: ['timeout504'] });
    const reply = await signedPost(emulator, '/group/create.json', createG1);
    expect([reply.status, reply.body.code]).toEqual([504, 1050]);
    expect((await groupView(emulator, 'g1'))?.members).toEqual(['u1']);
  });

  it('rateLimited: answers 429/1008 with no effect', async () => {
    await setFaults(emulator, { failNext: ['rateLimited'] });
    const reply = await signedPost(emulator, '/group/create.json', createG1);
    expect([reply.status, reply.body.code]).toEqual([429, 1008]);
    expect(await groupView(emulator, 'g1')).toBeUndefined();
  });

  it('drop: destroys the socket without a response and has no effect', async () => {
    await setFaults(emulator, { failNext: ['drop'] });
    await expect(signedPost(emulator, '/group/create.json', createG1)).rejects.toThrow();
    expect(await groupView(emulator, 'g1')).toBeUndefined();
    const [entry] = await requestLog(emulator);
    expect(entry).toMatchObject({ path: '/group/create.json', status: null, code: null });
  });

  it('hang: applies the effect and never answers, until the client gives up', async () => {
    await setFaults(emulator, { failNext: ['hang'] });
    const call = signedPost(emulator, '/group/create.json', createG1, { signal: AbortSignal.timeout(200) });
    await expect(call).rejects.toThrow(/abort|timeout/i);
    expect((await groupView(emulator, 'g1'))?.members).toEqual(['u1']);
    const [entry] = await requestLog(emulator);
    expect(entry).toMatchObject({ status: null, code: null });
  });

  it('applies queued faults in order, then rates again', async () => {
    await setFaults(emulator, { failNext: ['rateLimited', 'error500', 'timeout504'] });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await signedPost(emulator, '/group/create.json', createG1)).status);
    expect(statuses).toEqual([429, 500, 504, 200]);
  });

  it('rates: 1 fails every call; the same seed replays the same mixed sequence', async () => {
    await setFaults(emulator, { error500Rate: 1 });
    expect((await signedPost(emulator, '/group/create.json', createG1)).status).toBe(500);

    const runWithSeed = async (seed: number): Promise<number[]> => {
      const own = await startTestEmulator({ seed, faults: { error500Rate: 0.3, timeout504Rate: 0.3 } });
      try {
        const statuses = [];
        for (let i = 0; i < 20; i += 1) statuses.push((await signedPost(own, '/group/create.json', createG1)).status);
        return statuses;
      } finally {
        await own.close();
      }
    };
    const first = await runWithSeed(42);
    expect(await runWithSeed(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 500, 504]));
  });

  it('latency delays the reply', async () => {
    await setFaults(emulator, { latencyMs: 150 });
    const started = performance.now();
    expect((await signedPost(emulator, '/group/create.json', createG1)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('does not apply faults to introspection routes', async () => {
    await setFaults(emulator, { error500Rate: 1, dropRate: 0 });
    expect((await fetch(`${emulator.url}/_emulator/groups`)).status).toBe(200);
  });

  it('POST /_emulator/faults merges and answers the faults; bad input is 400', async () => {
    const merged = await postJson(emulator, '/_emulator/faults', { latencyMs: 5, failNext: ['drop'] });
    expect(merged).toEqual({
      status: 200,
      body: {
        latencyMs: 5,
        error500Rate: 0,
        timeout504Rate: 0,
        hangRate: 0,
        dropRate: 0,
        rateLimitedRate: 0,
        code1000Rate: 0,
        code1000Status: 500,
        code1000Groups: [],
        failNext: ['drop'],
      },
    });
    const again = await postJson<{ latencyMs: number; hangRate: number }>(emulator, '/_emulator/faults', {
      hangRate: 0.5,
    });
    expect(again.body).toMatchObject({ latencyMs: 5, hangRate: 0.5 });
    for (const bad of ['{not json', { error500Rate: 1.5 }, { failNext: ['explode'] }, { latencyMs: -1 }, { typo: 1 }, { code1000Status: 42 }, { code1000Groups: 'g1' }]) {
      expect((await postJson(emulator, '/_emulator/faults', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(() => emulator.setFaults({ dropRate: 2 })).toThrow();
  });

  it('close() does not wait on a hung request', async () => {
    const own = await startTestEmulator({ faults: { failNext: ['hang'] } });
    const hung = fetch(`${own.url}/group/create.json`, {
      method: 'POST',
      headers: signedHeaders(own),
      body: 'userId=u1&groupId=g1&groupName=G',
    });
    const settled = hung.then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = own.close().then(() => 'closed');
    const tooSlow = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 1000).unref());
    expect(await Promise.race([closed, tooSlow])).toBe('closed');
    expect(await settled).toBe('failed');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import {
  allGroups,
  getJson,
  messages,
  requestLog,
  resetEmulator,
  setFaults,
  signedPost,
  startTestEmulator,
} from './fixtures.js';

describe('emulator introspection', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startTestEmulator({ rateLimits: { group: 2 } });
  });
  afterAll(() => emulator.close());

  it('logs path, arrival time, status, code and X-Request-ID of every IM call', async () => {
    await resetEmulator(emulator);
    const before = Date.now();
    await signedPost(emulator, '/group/create.json', { userId: 'u1', groupId: 'g1', groupName: 'G' }, { requestId: 'req-1' });
    await signedPost(emulator, '/group/join.json', { groupId: 'g1' });
    await signedPost(emulator, '/group/query.json', {}, { requestId: 'req-3' });
    await getJson(emulator, '/_emulator/groups'); // introspection is not logged
    const log = await requestLog(emulator);
    expect(log).toEqual([
      { path: '/group/create.json', at: expect.any(Number), status: 200, code: 200, requestId: 'req-1' },
      { path: '/group/join.json', at: expect.any(Number), status: 400, code: 1002, requestId: null },
      { path: '/group/query.json', at: expect.any(Number), status: 404, code: 404, requestId: 'req-3' },
    ]);
    expect(log[0]!.at).toBeGreaterThanOrEqual(before);
    expect(log[0]!.at).toBeLessThanOrEqual(log[2]!.at);
  });

  it('serves one group, or 404 for an unknown one', async () => {
    await resetEmulator(emulator);
    await signedPost(emulator, '/group/create.json', { userId: ['a', 'b'], groupId: 'g1', groupName: 'One' });
    expect(await getJson(emulator, '/_emulator/groups/g1')).toEqual({
      status: 200,
      body: { groupId: 'g1', name: 'One', members: ['a', 'b'] },
    });
    expect(await getJson(emulator, '/_emulator/groups/g2')).toEqual({ status: 404, body: { error: 'not found' } });
  });

  it('reset clears groups, messages, the log, the rate windows and the faults', async () => {
    await resetEmulator(emulator);
    await signedPost(emulator, '/group/create.json', { userId: 'a', groupId: 'g1', groupName: 'One' });
    await signedPost(emulator, '/message/group/publish.json', {
      fromUserId: 'a',
      toGroupId: 'g1',
      objectName: 'RC:TxtMsg',
      content: '{}',
    });
    await signedPost(emulator, '/group/join.json', { userId: 'b', groupId: 'g1' }); // group window now full (2)
    await setFaults(emulator, { error500Rate: 1 });

    await resetEmulator(emulator);
    expect(await allGroups(emulator)).toEqual([]);
    expect(await messages(emulator)).toEqual([]);
    expect(await requestLog(emulator)).toEqual([]);
    const reply = await signedPost(emulator, '/group/create.json', { userId: 'c', groupId: 'g2', groupName: 'Two' });
    expect(reply.status).toBe(200); // neither the full window nor the fault rate survived the reset
  });

  it('answers 404 to unknown introspection routes and 405 to wrong methods', async () => {
    expect((await getJson(emulator, '/_emulator/nope')).status).toBe(404);
    expect((await getJson(emulator, '/_emulator/reset')).status).toBe(405);
  });
});

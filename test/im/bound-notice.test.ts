import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { ImRateLimitedError, ImRejectedError } from '../../src/im/index.js';
import { clientFor, emulatorLog, emulatorMessages, rejectionOf, startFixtureEmulator, type ClientFixture } from '../fixtures/im.js';
import { resetEmulator } from '../kit/emulator.js';

/**
 * A group call carrying a bound notice: answers its messageUID, is retried after a failure that
 * certainly did nothing (1008), never after one that may have acted (the notice could go twice),
 * and, unlike a publish, starts with less than a full attempt before its deadline.
 */
describe('IM client: group calls with a bound notice', () => {
  let emulator: RunningEmulator;
  let fixture: ClientFixture;
  const notice = { fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Add', message: 'hi' } };

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
    fixture = clientFor([emulator.url], { attemptTimeoutMs: 5000 });
  });
  afterEach(() => resetEmulator(emulator));
  afterAll(async () => {
    await fixture.close();
    await emulator.close();
  });

  const joins = async () => (await emulatorLog(emulator)).filter((entry) => entry.path === '/group/join.json').length;

  it('answers the messageUID of the notice, and null without one', async () => {
    const uid = await fixture.client.joinGroup({ groupId: 'g1', userIds: ['alice'], notice });
    expect(uid).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect(await fixture.client.joinGroup({ groupId: 'g1', userIds: ['bob'] })).toBeNull();
    expect(await emulatorMessages(emulator)).toEqual([expect.objectContaining({ toGroupId: 'g1', objectName: 'RC:GrpNtf', content: notice.content })]);
  });

  it('is retried after a 1008, which did nothing: one message', async () => {
    emulator.setFaults({ failNext: ['rateLimited'] });
    await fixture.client.joinGroup({ groupId: 'g2', userIds: ['alice'], notice });
    expect(await joins()).toBe(2);
    expect(await emulatorMessages(emulator)).toHaveLength(1);
  });

  it('is not repeated after a 504, which may have acted (here it did): one message, the failure reported', async () => {
    emulator.setFaults({ failNext: ['timeout504'] });
    const error = await rejectionOf(fixture.client.joinGroup({ groupId: 'g3', userIds: ['alice'], notice }));
    expect(error).toMatchObject({ mayHaveTakenEffect: true });
    expect(await joins()).toBe(1);
    expect(await emulatorMessages(emulator)).toHaveLength(1);
  });

  it('the same call without a notice is repeated after a 504 (it is idempotent)', async () => {
    emulator.setFaults({ failNext: ['timeout504'] });
    await fixture.client.joinGroup({ groupId: 'g4', userIds: ['alice'] });
    expect(await joins()).toBe(2);
  });

  it('starts with less than a full attempt before its deadline, where a publish is shed unsent', async () => {
    const deadlineAt = Date.now() + 1000;
    await fixture.client.joinGroup({ groupId: 'g5', userIds: ['alice'], notice }, { deadlineAt });
    const publish = { fromUserId: '__system__', toGroupIds: ['g5'], objectName: 'RC:GrpNtf', content: notice.content };
    const shed = await rejectionOf(fixture.client.publishGroupMessage(publish, { deadlineAt: Date.now() + 1000 }));
    expect(shed).toBeInstanceOf(ImRateLimitedError);
    expect(await emulatorMessages(emulator)).toHaveLength(1);
  });

  it('refuses a notice over 128 KB itself (1005), sending nothing', async () => {
    const long = { ...notice, content: { message: 'x'.repeat(128 * 1024) } };
    const error = await rejectionOf(fixture.client.createGroup({ groupId: 'g6', groupName: 'G', userIds: ['alice'], notice: long }));
    expect(error).toBeInstanceOf(ImRejectedError);
    expect(error).toMatchObject({ imCode: 1005 });
    expect(await emulatorLog(emulator)).toEqual([]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { ImAuthError, ImInternalError, ImRejectedError, ImUnavailableError } from '../../src/im/index.js';
import {
  clientFor,
  emulatorGroup,
  emulatorLog,
  emulatorMessages,
  expectSecretAbsent,
  rejectionOf,
  startFixtureEmulator,
  type ClientFixture,
} from '../fixtures/im.js';
import { resetEmulator } from '../kit/emulator.js';

describe('IM client against the emulator', () => {
  let emulator: RunningEmulator;
  let fixture: ClientFixture;
  const errors: unknown[] = [];

  beforeAll(async () => {
    emulator = await startFixtureEmulator();
    fixture = clientFor([emulator.url]);
  });
  afterEach(async () => {
    await resetEmulator(emulator);
  });
  afterAll(async () => {
    expectSecretAbsent(fixture.logLines, errors);
    await fixture.close();
    await emulator.close();
  });

  it('creates a group whose name survives every reserved character and emoji', async () => {
    const groupName = 'Tea & cake = 100% ok? +1 🎉';
    await fixture.client.createGroup({ groupId: 'g1', groupName, userIds: ['alice', 'bob'] });
    expect(await emulatorGroup(emulator, 'g1')).toEqual({ groupId: 'g1', name: groupName, members: ['alice', 'bob'] });
  });

  it('joins, quits, refreshes and dismisses', async () => {
    const { client } = fixture;
    await client.createGroup({ groupId: 'g2', groupName: 'Two', userIds: ['alice'] });
    await client.joinGroup({ groupId: 'g2', userIds: ['bob', 'carol'] });
    await client.quitGroup({ groupId: 'g2', userIds: ['bob'] });
    await client.refreshGroup({ groupId: 'g2', groupName: 'Renamed' });
    expect(await emulatorGroup(emulator, 'g2')).toEqual({ groupId: 'g2', name: 'Renamed', members: ['alice', 'carol'] });
    await client.dismissGroup({ groupId: 'g2', operatorUserId: 'alice' });
    expect(await emulatorGroup(emulator, 'g2')).toBeNull();
  });

  it('reads a group’s members and a user’s groups', async () => {
    const { client } = fixture;
    await client.createGroup({ groupId: 'g3', groupName: 'Three', userIds: ['alice', 'bob'] });
    await client.createGroup({ groupId: 'g4', groupName: 'Four', userIds: ['alice'] });
    expect(await client.queryGroupMembers('g3')).toEqual(['alice', 'bob']);
    const groups = await client.queryUserGroups({ userId: 'alice', size: 10 });
    expect(groups).toEqual(expect.arrayContaining([{ id: 'g3', name: 'Three' }, { id: 'g4', name: 'Four' }]));
    expect(groups).toHaveLength(2);
  });

  it('replaces a user’s whole group list with sync', async () => {
    const { client } = fixture;
    await client.createGroup({ groupId: 'g5', groupName: 'Five', userIds: ['dave'] });
    await client.syncUserGroups({ userId: 'dave', groups: [{ id: 'g6', name: 'Six' }] });
    expect((await emulatorGroup(emulator, 'g5'))?.members).toEqual([]);
    expect((await emulatorGroup(emulator, 'g6'))?.members).toEqual(['dave']);
  });

  it('publishes a group notification as a JSON content string', async () => {
    await fixture.client.createGroup({ groupId: 'g7', groupName: 'Seven', userIds: ['alice'] });
    const content = { operatorUserId: 'alice', operation: 'Create', data: {}, message: 'created', extra: '' };
    await fixture.client.publishGroupMessage({ fromUserId: '__system__', toGroupIds: ['g7'], objectName: 'RC:GrpNtf', content });
    const [message] = await emulatorMessages(emulator);
    expect(message).toMatchObject({ fromUserId: '__system__', toGroupId: 'g7', objectName: 'RC:GrpNtf', content });
  });

  it('refuses content over 128 KB before sending, as the IM Service would (1005)', async () => {
    const content = { content: 'x'.repeat(128 * 1024) };
    const error = await rejectionOf(fixture.client.publishGroupMessage({ fromUserId: 'a', toGroupIds: ['g1'], objectName: 'RC:TxtMsg', content }));
    errors.push(error);
    expect(error).toBeInstanceOf(ImRejectedError);
    expect(error).toMatchObject({ imCode: 1005, retryable: false });
    expect(await emulatorLog(emulator)).toHaveLength(0);
  });

  it('answers a definitive rejection with the business code and does not retry it', async () => {
    const error = await rejectionOf(fixture.client.createGroup({ groupId: 'not-valid!', groupName: 'x', userIds: ['a'] }));
    errors.push(error);
    expect(error).toBeInstanceOf(ImRejectedError);
    expect(error).toMatchObject({ imCode: 1002, httpStatus: 400, retryable: false });
    expect(await emulatorLog(emulator)).toHaveLength(1);
  });

  it('carries one X-Request-ID across every attempt of a call', async () => {
    emulator.setFaults({ failNext: ['error500'] });
    await fixture.client.createGroup({ groupId: 'g8', groupName: 'Eight', userIds: ['a'] }, { requestId: 'req-123' });
    const log = await emulatorLog(emulator);
    expect(log.map((entry) => [entry.status, entry.requestId])).toEqual([
      [500, 'req-123'],
      [200, 'req-123'],
    ]);
  });

  it('gives up after its bounded attempts with an ambiguous, retryable error', async () => {
    emulator.setFaults({ failNext: ['timeout504', 'timeout504', 'timeout504', 'timeout504', 'timeout504'] });
    const error = await rejectionOf(fixture.client.joinGroup({ groupId: 'g9', userIds: ['a'] }));
    errors.push(error);
    expect(error).toBeInstanceOf(ImUnavailableError);
    expect(error).toMatchObject({ imCode: 1050, retryable: true });
    expect(await emulatorLog(emulator)).toHaveLength(4);
  });
});

describe('IM client verdicts across attempts', () => {
  it('stays ambiguous when an attempt that may have acted is followed by a clean refusal', async () => {
    const emulator = await startFixtureEmulator({ faults: { failNext: ['timeout504', 'rateLimited'] } });
    const fixture = clientFor([emulator.url], { maxAttempts: 2 });
    try {
      const error = await rejectionOf(fixture.client.joinGroup({ groupId: 'g1', userIds: ['a'] }));
      expect(error).toBeInstanceOf(ImUnavailableError);
      expect(error).toMatchObject({ imCode: 1050, mayHaveTakenEffect: true });
      // The 504 did take effect at the emulator: treating the call as "not done" would have been wrong.
      expect(await emulatorGroup(emulator, 'g1')).toMatchObject({ members: ['a'] });
    } finally {
      await fixture.close();
      await emulator.close();
    }
  });
});

describe('IM client with a wrong secret', () => {
  it('fails with a non-retryable auth error that names neither secret', async () => {
    const emulator = await startFixtureEmulator();
    const fixture = clientFor([emulator.url], { credentials: { appKey: 'fixture-app-key', appSecret: 'not-the-secret' } });
    try {
      const error = await rejectionOf(fixture.client.createGroup({ groupId: 'g1', groupName: 'x', userIds: ['a'] }));
      expect(error).toBeInstanceOf(ImAuthError);
      expect(error).toMatchObject({ imCode: 1004, httpStatus: 401, retryable: false });
      expect(await emulatorLog(emulator)).toHaveLength(1);
      expectSecretAbsent(fixture.logLines, [error]);
      expectSecretAbsent(fixture.logLines, [error], 'not-the-secret');
    } finally {
      await fixture.close();
      await emulator.close();
    }
  });
});

describe('IM client and code 1000', () => {
  it('retries a 1000 from a live service a bounded number of times, without leaving it for the backup', async () => {
    const primary = await startFixtureEmulator({ faults: { code1000Groups: ['g1'], code1000Status: 200 } });
    const backup = await startFixtureEmulator();
    const fixture = clientFor([primary.url, backup.url], { maxAttempts: 3 });
    try {
      const error = await rejectionOf(fixture.client.joinGroup({ groupId: 'g1', userIds: ['a'] }));
      expect(error).toBeInstanceOf(ImInternalError);
      expect(error).toMatchObject({ imCode: 1000, httpStatus: 200, retryable: true, mayHaveTakenEffect: true });
      expect(await emulatorLog(primary)).toHaveLength(3);
      expect(await emulatorLog(backup)).toHaveLength(0);
    } finally {
      await fixture.close();
      await Promise.all([primary.close(), backup.close()]);
    }
  });

  it('still takes a 1000 that comes with a 5xx for a failing data center, and tries the backup', async () => {
    const primary = await startFixtureEmulator({ faults: { code1000Groups: ['g1'], code1000Status: 500 } });
    const backup = await startFixtureEmulator();
    const fixture = clientFor([primary.url, backup.url]);
    try {
      await fixture.client.joinGroup({ groupId: 'g1', userIds: ['a'] });
      expect((await emulatorLog(primary)).map((entry) => [entry.status, entry.code])).toEqual([[500, 1000]]);
      expect(await emulatorGroup(backup, 'g1')).toMatchObject({ members: ['a'] });
    } finally {
      await fixture.close();
      await Promise.all([primary.close(), backup.close()]);
    }
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { emulatorGroup, emulatorLog, expectSecretAbsent, startFixtureEmulator } from '../fixtures/im.js';
import { eventually, startGateway, userIds, type GatewayFixture, type GatewayOptions } from '../fixtures/gateway.js';
import { kitFor, type GatewayKit } from '../kit/gateway-kit.js';

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) {
    // No log line of any test may carry the IM secret the gateway signs with.
    expectSecretAbsent(gateway.logLines, [], gateway.emulator.appSecret);
    await gateway.close();
  }
});

async function gateway(options?: GatewayOptions): Promise<GatewayKit> {
  const fixture = await startGateway(options);
  gateways.push(fixture);
  return kitFor(fixture);
}

/** The group as a member reads it (`as` must be a member for the member list). */
async function storedGroup(fixture: GatewayKit, groupId: string, as = 'alice') {
  const response = await fixture.group({ groupId }, { as });
  return response.data?.group ?? null;
}

describe('createGroup', () => {
  it('creates the group with the caller as owner, stores it and creates it at the IM Service', async () => {
    const fixture = await gateway();
    const response = await fixture.response.createGroup({ groupId: 'bookclub', name: '  Book club & tea 🎉 ', memberIds: ['bob', 'carol', 'bob', 'alice'], avatarUrl: 'https://example.com/a.png' }, { as: 'alice' });

    expect(response.data?.createGroup).toEqual({
      __typename: 'CreateGroupSuccess',
      group: {
        groupId: 'bookclub',
        name: 'Book club & tea 🎉',
        avatarUrl: 'https://example.com/a.png',
        memberCount: 3,
        syncStatus: 'SYNCED',
        owner: { userId: 'alice', role: 'OWNER' },
        // Also read by the kit's shared selection: the node id, the creation time and the visibility (PRIVATE by default).
        id: expect.any(String),
        visibility: 'PRIVATE',
        createdAt: expect.any(String),
      },
    });
    const stored = await storedGroup(fixture, 'bookclub');
    expect(stored?.members?.edges.map((edge) => [edge.node.userId, edge.node.role])).toEqual([
      ['alice', 'OWNER'],
      ['bob', 'MEMBER'],
      ['carol', 'MEMBER'],
    ]);
    expect(await emulatorGroup(fixture.emulator, 'bookclub')).toEqual({
      groupId: 'bookclub',
      name: 'Book club & tea 🎉',
      members: ['alice', 'bob', 'carol'],
    });
  });

  it('generates a group id the IM Service accepts when none is given', async () => {
    const fixture = await gateway();
    const response = await fixture.response.createGroup({ name: 'No id' }, { as: 'alice' });
    const result = response.data?.createGroup;
    if (result?.__typename !== 'CreateGroupSuccess') throw new Error(`unexpected ${result?.__typename}`);
    expect(result.group.groupId).toMatch(/^[A-Za-z0-9]{1,64}$/);
    expect(await emulatorGroup(fixture.emulator, result.group.groupId)).toMatchObject({ members: ['alice'] });
  });

  it('creates a 2500-member group with one create and two joins of at most 1000 users', async () => {
    const fixture = await gateway();
    const members = userIds(2499);
    const response = await fixture.response.createGroup({ groupId: 'big', name: 'Big', memberIds: members }, { as: 'owner' });

    expect(response.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { memberCount: 2500, syncStatus: 'SYNCED' } });
    const groupCalls = (await emulatorLog(fixture.emulator)).filter((entry) => entry.path.startsWith('/group/'));
    expect(groupCalls.map((entry) => [entry.path, entry.status])).toEqual([
      ['/group/create.json', 200],
      ['/group/join.json', 200],
      ['/group/join.json', 200],
    ]);
    expect((await emulatorGroup(fixture.emulator, 'big'))?.members).toHaveLength(2500);
  });

  it('answers every input problem at once as a ValidationError, and changes nothing', async () => {
    const fixture = await gateway();
    const response = await fixture.response.createGroup({ groupId: 'not valid!', name: '   ', memberIds: ['ok', ' '], avatarUrl: 'javascript:alert(1)' }, { as: 'alice' });

    const result = response.data?.createGroup;
    expect(result?.__typename).toBe('ValidationError');
    const issues = result?.__typename === 'ValidationError' ? result.issues : [];
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'input.avatarUrl',
      'input.groupId',
      'input.memberIds.1',
      'input.name',
    ]);
    expect(await emulatorLog(fixture.emulator)).toHaveLength(0);
  });

  it('refuses a request that names no caller', async () => {
    const fixture = await gateway();
    const response = await fixture.response.createGroup({ groupId: 'anon', name: 'Anonymous' });
    expect(response.data?.createGroup).toMatchObject({ __typename: 'NotAuthenticatedError', message: expect.stringContaining('X-User-Id') });
    expect(await storedGroup(fixture, 'anon')).toBeNull();
  });

  it('refuses a group id that is already taken, leaving the first group as it was', async () => {
    const fixture = await gateway();
    await fixture.response.createGroup({ groupId: 'taken', name: 'First' }, { as: 'alice' });
    const response = await fixture.response.createGroup({ groupId: 'taken', name: 'Second', memberIds: ['eve'] }, { as: 'mallory' });

    expect(response.data?.createGroup).toMatchObject({ __typename: 'GroupIdTakenError', groupId: 'taken' });
    expect(await storedGroup(fixture, 'taken')).toMatchObject({ name: 'First', memberCount: 1 });
    expect(await emulatorGroup(fixture.emulator, 'taken')).toEqual({ groupId: 'taken', name: 'First', members: ['alice'] });
  });

  it('refuses more than 3000 members, the owner included, before anything is sent', async () => {
    const fixture = await gateway();
    const response = await fixture.response.createGroup({ groupId: 'huge', name: 'Huge', memberIds: userIds(3000) }, { as: 'owner' });

    expect(response.data?.createGroup).toMatchObject({ __typename: 'MemberLimitExceededError', limit: 3000, requested: 3001 });
    expect(await emulatorLog(fixture.emulator)).toHaveLength(0);
    expect(await storedGroup(fixture, 'huge')).toBeNull();
  });

  it('sheds requests the rate limit cannot serve before their deadline, with a wait to retry after', async () => {
    const fixture = await gateway({ config: { rateLimits: { group: 2, publish: 20 }, requestDeadlineMs: 300 } });
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fixture.response.createGroup({ groupId: `shed${i}`, name: `Shed ${i}` }, { as: 'alice' })),
    );

    const results = responses.map((response) => response.data?.createGroup);
    const shed = results.filter((result) => result?.__typename === 'RateLimitedError');
    expect(shed.length).toBeGreaterThanOrEqual(5);
    for (const result of shed) expect(result).toMatchObject({ retryAfterMs: expect.any(Number) });
    expect(Math.min(...shed.map((result) => (result?.__typename === 'RateLimitedError' ? result.retryAfterMs : 0)))).toBeGreaterThan(0);
    // A shed request left nothing behind, here or at the IM Service.
    for (const [i, result] of results.entries()) {
      const groupId = `shed${i}`;
      if (result?.__typename !== 'RateLimitedError') continue;
      expect(await storedGroup(fixture, groupId)).toBeNull();
      expect(await emulatorGroup(fixture.emulator, groupId)).toBeNull();
    }
    expect((await emulatorLog(fixture.emulator)).every((entry) => entry.code !== 1008)).toBe(true);
  });

  it('answers a definitive IM refusal as a non-retryable UpstreamError and removes the group', async () => {
    const emulator = await startFixtureEmulator();
    const fixture = await gateway({ emulator, config: { im: { appKey: emulator.appKey, appSecret: 'not-the-secret', baseUrls: [emulator.url] } } });
    try {
      const response = await fixture.response.createGroup({ groupId: 'refused', name: 'Refused' }, { as: 'alice' });
      expect(response.data?.createGroup).toMatchObject({ __typename: 'UpstreamError', imCode: 1004, retryable: false });
      expect(await storedGroup(fixture, 'refused')).toBeNull();
      expectSecretAbsent([JSON.stringify(response), ...fixture.logLines], [], 'not-the-secret');
    } finally {
      await emulator.close();
    }
  });

  it('dismisses what already reached the IM Service when a later join is refused', async () => {
    const fixture = await gateway();
    // Drift: the IM Service already has 1000 members in this group that the store does not know.
    await fixture.app.im.createGroup({ groupId: 'drift', groupName: 'Drift', userIds: userIds(1000, 'ghost') });
    const response = await fixture.response.createGroup({ groupId: 'drift', name: 'Drift', memberIds: userIds(2499) }, { as: 'owner' });

    expect(response.data?.createGroup).toMatchObject({ __typename: 'UpstreamError', imCode: 1002, retryable: false });
    expect(await storedGroup(fixture, 'drift')).toBeNull();
    await eventually(async () => (await emulatorGroup(fixture.emulator, 'drift')) === null);
  });

  it('answers a retryable UpstreamError when the IM Service cannot be reached, and keeps nothing', async () => {
    const down = await startFixtureEmulator();
    await down.close();
    const fixture = await gateway({ emulator: down, config: { requestDeadlineMs: 500 } });
    const response = await fixture.response.createGroup({ groupId: 'offline', name: 'Offline' }, { as: 'alice' });

    expect(response.data?.createGroup).toMatchObject({ __typename: 'UpstreamError', imCode: null, retryable: true });
    expect(await storedGroup(fixture, 'offline')).toBeNull();
  });

  it('answers PENDING when the IM Service does not answer in time, then converges in the background', async () => {
    const fixture = await gateway({ config: { requestDeadlineMs: 300 } });
    fixture.emulator.setFaults({ hangRate: 1 });
    const response = await fixture.response.createGroup({ groupId: 'slow', name: 'Slow', memberIds: ['bob'] }, { as: 'alice' });
    expect(response.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { syncStatus: 'PENDING' } });

    fixture.emulator.setFaults({ hangRate: 0 });
    await eventually(async () => (await storedGroup(fixture, 'slow'))?.syncStatus === 'SYNCED');
    expect(await emulatorGroup(fixture.emulator, 'slow')).toEqual({ groupId: 'slow', name: 'Slow', members: ['alice', 'bob'] });
  });
});

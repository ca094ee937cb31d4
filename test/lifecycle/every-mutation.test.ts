import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { userIds } from '../fixtures/gateway.js';
import { expectSecretAbsent, startFixtureEmulator } from '../fixtures/im.js';
import { ADMIN, MEMBER, OWNER, groupWithRoles, storedGroup } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { imCallsOf, imMembers, traced } from '../kit/observe.js';
import { stageGroups, type StagedGateway } from '../kit/staging.js';
import { EVERY_CHANGE, IM_CHANGES, byMutation } from './changes.js';
import { emulator, gateway } from './shared-gateway.js';

/**
 * What every lifecycle mutation answers when the caller, the group or the IM Service is wrong:
 * no caller, no group, a saturated rate budget, refused credentials, an unreachable or rate
 * limiting IM Service. Each change leaves the store and the IM Service as they were.
 */


describe('every lifecycle mutation', () => {
  it.for(byMutation(EVERY_CHANGE))('%s answers NotAuthenticatedError to a request that names no caller, and changes nothing', async ([, change]) => {
    const groupId = await groupWithRoles(gateway);
    const before = await storedGroup(gateway, groupId);
    const answer = await change.run(gateway, groupId, { as: undefined });

    expect(answer).toEqual({ __typename: 'NotAuthenticatedError', message: expect.stringContaining('Sign in') });
    expect(await storedGroup(gateway, groupId)).toEqual(before);
  });

  it.for(byMutation(EVERY_CHANGE))('%s answers GroupNotFoundError, with the id, for a group that never existed', async ([, change]) => {
    const answer = await change.run(gateway, 'neverExisted', { as: change.actor });
    expect(answer).toEqual({ __typename: 'GroupNotFoundError', groupId: 'neverExisted', message: expect.any(String) });
  });

  it.for(byMutation(EVERY_CHANGE))('%s answers GroupNotFoundError once the group is dismissed', async ([, change]) => {
    const groupId = await groupWithRoles(gateway);
    expect((await gateway.dismissGroup({ groupId, notify: false }, { as: OWNER })).__typename).toBe('DismissGroupSuccess');

    const answer = await change.run(gateway, groupId, { as: change.actor });
    expect(answer).toEqual({ __typename: 'GroupNotFoundError', groupId, message: expect.any(String) });
    expect(await imMembers(emulator, groupId)).toBeNull();
  });
});

describe('when the IM rate budget cannot serve the change before its deadline', () => {
  // Two group calls a second and 300 ms to answer: a queue of IM calls already waiting means
  // any further call would start too late.
  let staged: StagedGateway;
  const saturating: Array<Promise<unknown>> = [];

  beforeAll(async () => {
    staged = await stageGroups(IM_CHANGES.length + 1, () => ({ rateLimits: { group: 2, publish: 20 }, requestDeadlineMs: 300 }), {}, { settleNotices: true });
  });
  afterAll(async () => {
    await staged.close();
    await Promise.allSettled(saturating);
  });

  /** Queues IM group calls the gateway's limiter must serve first. */
  function saturateGroupBudget(): void {
    for (let i = 0; i < 3; i++) saturating.push(staged.gateway.app.im.queryGroupMembers(staged.groupIds[0]!).catch(() => undefined));
  }

  it.for(byMutation(IM_CHANGES.map((change, index) => ({ ...change, index }))))(
    '%s answers RateLimitedError with a wait to retry after, and changes nothing here or there',
    async ([, change]) => {
      const groupId = staged.groupIds[change.index]!;
      const before = await storedGroup(staged.gateway, groupId);
      const imBefore = await imMembers(staged.emulator, groupId);
      const { requestId, headers } = traced();

      saturateGroupBudget();
      const answer = await change.run(staged.gateway, groupId, { as: change.actor, headers });

      expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
      expect(answer.retryAfterMs).toBeGreaterThan(0);
      expect(await storedGroup(staged.gateway, groupId)).toEqual(before);
      expect(await imMembers(staged.emulator, groupId)).toEqual(imBefore);
      expect(await imCallsOf(staged.emulator, requestId)).toEqual([]);
    },
  );

  it('still serves a picture-only updateGroup, which needs no IM call', async () => {
    const groupId = staged.groupIds[IM_CHANGES.length]!;
    saturateGroupBudget();
    const answer = await staged.gateway.updateGroup({ groupId, avatarUrl: 'https://example.com/busy.png' }, { as: ADMIN });
    expect(answer).toMatchObject({ __typename: 'UpdateGroupSuccess', group: { avatarUrl: 'https://example.com/busy.png' } });
  });
});

describe("when the IM Service refuses the gateway's credentials", () => {
  // The groups were made by a gateway with the right secret; this one, on the same store and
  // the same IM Service, signs with a wrong one: every IM call is refused with 1004.
  const WRONG_SECRET = 'wrong-secret-9b1f4e';
  let staged: StagedGateway;

  beforeAll(async () => {
    staged = await stageGroups(IM_CHANGES.length, (im) => ({ im: { appKey: im.appKey, appSecret: WRONG_SECRET, baseUrls: [im.url] } }), {}, { settleNotices: true });
  });
  afterAll(() => staged.close());

  it.for(byMutation(IM_CHANGES.map((change, index) => ({ ...change, index }))))(
    '%s answers a non-retryable UpstreamError with the IM code, and the store is as before',
    async ([, change]) => {
      const groupId = staged.groupIds[change.index]!;
      const before = await storedGroup(staged.gateway, groupId);
      expect(before).toMatchObject({ syncStatus: 'SYNCED', memberCount: 3 });
      const imBefore = await imMembers(staged.emulator, groupId);

      const answer = await change.run(staged.gateway, groupId, { as: change.actor });

      expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: 1004, retryable: false, message: expect.stringContaining('credentials') });
      expect(await storedGroup(staged.gateway, groupId)).toEqual(before);
      expect(await imMembers(staged.emulator, groupId)).toEqual(imBefore);
    },
  );

  it('never writes the secret it signs with to its logs', () => {
    expectSecretAbsent(staged.gateway.logLines, [], WRONG_SECRET);
  });
});

describe('when the IM Service cannot be reached', () => {
  // The groups were made through this IM Service, which has gone away since.
  let down: RunningEmulator;
  let offline: GatewayKit;
  const groupIds: string[] = [];
  const changes = IM_CHANGES.map((change, index) => ({ ...change, index }));

  beforeAll(async () => {
    down = await startFixtureEmulator();
    offline = await startKit({ emulator: down, config: { requestDeadlineMs: 1000 }, settleNotices: true });
    for (let i = 0; i < changes.length + 2; i++) groupIds.push(await groupWithRoles(offline));
    await down.close();
  });
  afterAll(() => offline.close());

  it.for(byMutation(changes))('%s answers a retryable UpstreamError without an IM code, and keeps nothing', async ([, change]) => {
    const groupId = groupIds[change.index]!;
    const before = await storedGroup(offline, groupId);

    // Without notices: only group calls decide whether a change is withdrawn.
    const answer = await change.run(offline, groupId, { as: change.actor, notify: false });

    expect(answer).toMatchObject({ __typename: 'UpstreamError', imCode: null, retryable: true });
    expect(await storedGroup(offline, groupId)).toEqual(before);
  });

  // With the notice first (Kicked, Dismiss): a notice never withdraws its change. It stands,
  // PENDING, and the notice and its group call follow through the outbox, in order.
  it('removeGroupMembers with its Kicked notification stands, PENDING, behind its notice', async () => {
    const groupId = groupIds[changes.length]!;
    const answer = await offline.removeGroupMembers({ groupId, userIds: [MEMBER] }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'RemoveGroupMembersSuccess', removedUserIds: [MEMBER], group: { syncStatus: 'PENDING' } });
    expect((await storedGroup(offline, groupId))?.members.map(([userId]) => userId)).not.toContain(MEMBER);
  });

  it('dismissGroup with its Dismiss notification stands, PENDING, behind its notice', async () => {
    const groupId = groupIds[changes.length + 1]!;
    const answer = await offline.dismissGroup({ groupId }, { as: OWNER });

    expect(answer).toMatchObject({ __typename: 'DismissGroupSuccess', groupId });
    expect(await storedGroup(offline, groupId)).toBeNull();
  });
});

describe('when the IM Service answers its own rate limit (1008) until the deadline', () => {
  let busy: GatewayKit;
  const groupIds: string[] = [];
  const changes = IM_CHANGES.map((change, index) => ({ ...change, index }));

  beforeAll(async () => {
    busy = await startKit({ config: { requestDeadlineMs: 1000 }, settleNotices: true });
    for (const _ of changes) groupIds.push(await groupWithRoles(busy));
    busy.emulator.setFaults({ rateLimitedRate: 1 });
  });
  afterAll(() => busy.close());

  it.for(byMutation(changes))('%s answers RateLimitedError, and keeps nothing here or there', async ([, change]) => {
    const groupId = groupIds[change.index]!;
    const before = await storedGroup(busy, groupId);
    const imBefore = await imMembers(busy.emulator, groupId);

    // Without notices (a notice never withdraws its change: see 'when the IM Service cannot be reached').
    const answer = await change.run(busy, groupId, { as: change.actor, notify: false });

    expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
    expect(answer.retryAfterMs).toBeGreaterThan(0);
    expect(await storedGroup(busy, groupId)).toEqual(before);
    expect(await imMembers(busy.emulator, groupId)).toEqual(imBefore);
  });
});

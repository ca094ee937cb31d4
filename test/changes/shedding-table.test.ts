import { expect, it } from 'vitest';
import { describeEachStore } from '../fixtures/stores.js';
import type { GatewayKit } from '../kit/gateway-kit.js';
import { MUTATIONS } from '../kit/mutations.js';
import { EVERY_MUTATION, effects, withRowGroup } from './every-mutation.js';

/**
 * Under load every change the IM Service must hear of is refused at once, with nothing written,
 * when the budget cannot start the calls that decide it before the request's deadline (its group
 * calls; a transfer's notice, its only call): the runner computes that from the change's own
 * plan, so no mutation can forget it. The budget here is one call per second per rate class and
 * the deadline 100 ms: once a call of each class has gone, the next would wait most of a second.
 */
const CONFIG = { rateLimits: { group: 1, publish: 1 }, requestDeadlineMs: 100 };

/**
 * Takes this second's slot of each rate class with calls of the test's own, one after the other:
 * the group call may first wait for the set-up's create to leave the window, and the publish must
 * not be taken before it, or its slot would be freeing up as the test begins.
 */
async function saturate(kit: GatewayKit): Promise<void> {
  await kit.app.im.refreshGroup({ groupId: 'elsewhere', groupName: 'Elsewhere' }).catch(() => undefined);
  await kit.app.im.publishGroupMessage({ fromUserId: 'someone', toGroupIds: ['elsewhere'], objectName: 'RC:TxtMsg', content: { content: 'hi' } }).catch(() => undefined);
}

describeEachStore('every mutation, when the IM budget cannot serve it before its deadline', (target) => {
  it('covers every mutation the kit knows', () => {
    expect([...new Set(EVERY_MUTATION.map((row) => row.name))].sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  const shed = EVERY_MUTATION.filter((row) => row.reachesIm);
  it.for(shed.map((row) => [row.label ?? row.name, row] as const))('%s answers RateLimitedError and writes nothing', async ([, row]) => {
    await withRowGroup(target, row, CONFIG, async (kit, groupId) => {
    await saturate(kit);
    const before = await effects(kit, groupId);

    const answer = await kit[row.name]({ ...row.input(groupId), idempotencyKey: `shed-${row.name}` } as never, { as: row.as });

    expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
    expect((answer as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(await effects(kit, groupId)).toEqual(before);
    });
  });

  const unshed = EVERY_MUTATION.filter((row) => !row.reachesIm);
  it.for(unshed.map((row) => [row.label ?? row.name, row] as const))('%s, which sends the IM Service nothing, goes through all the same', async ([, row]) => {
    await withRowGroup(target, row, CONFIG, async (kit, groupId) => {
    await saturate(kit);
    expect(await kit[row.name](row.input(groupId) as never, { as: row.as })).toMatchObject({ __typename: MUTATIONS[row.name].success });
    });
  });
});

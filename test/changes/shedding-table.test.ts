import { expect, it } from 'vitest';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { groupWithRoles } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { MUTATIONS } from '../kit/mutations.js';
import { EVERY_MUTATION, effects } from './every-mutation.js';

/**
 * Under load every change the IM Service must hear of is refused at once, with nothing written,
 * when the budget cannot start its calls before the request's deadline: the runner computes that
 * from the change's own plan, so no mutation can forget it. The budget here is one call per
 * second per rate class and the deadline 100 ms: once a call of each class has gone, the next
 * would wait most of a second.
 */
const CONFIG = { rateLimits: { group: 1, publish: 1 }, requestDeadlineMs: 100 };

/** Takes this second's slot of each rate class with calls of the test's own. */
async function saturate(kit: GatewayKit): Promise<void> {
  await Promise.allSettled([
    kit.app.im.refreshGroup({ groupId: 'elsewhere', groupName: 'Elsewhere' }),
    kit.app.im.publishGroupMessage({ fromUserId: 'someone', toGroupIds: ['elsewhere'], objectName: 'RC:TxtMsg', content: { content: 'hi' } }),
  ]);
}

describeEachStore('every mutation, when the IM budget cannot serve it before its deadline', (target) => {
  it('covers every mutation the kit knows', () => {
    expect(EVERY_MUTATION.map((row) => row.name).sort()).toEqual(Object.keys(MUTATIONS).sort());
  });

  const shed = EVERY_MUTATION.filter((row) => row.name !== 'setGroupMemberRole');
  it.for(shed.map((row) => [row.name, row] as const))('%s answers RateLimitedError and writes nothing', async ([, row]) => {
    const database: FreshDatabase = await target.fresh();
    const kit = await startKit({ config: { ...CONFIG, databaseUrl: database.url } });
    try {
      const groupId = await groupWithRoles(kit, { notify: false });
      await saturate(kit);
      const before = await effects(kit, groupId);

      const answer = await kit[row.name]({ ...row.input(groupId), idempotencyKey: `shed-${row.name}` } as never, { as: row.as });

      expect(answer).toMatchObject({ __typename: 'RateLimitedError', retryAfterMs: expect.any(Number) });
      expect((answer as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
      expect(await effects(kit, groupId)).toEqual(before);
    } finally {
      await kit.close();
      await database.drop();
    }
  });

  it('setGroupMemberRole, which sends the IM Service nothing, goes through all the same', async () => {
    const database: FreshDatabase = await target.fresh();
    const kit = await startKit({ config: { ...CONFIG, databaseUrl: database.url } });
    try {
      const groupId = await groupWithRoles(kit, { notify: false });
      await saturate(kit);
      const row = EVERY_MUTATION.find((candidate) => candidate.name === 'setGroupMemberRole')!;
      expect(await kit[row.name](row.input(groupId) as never, { as: row.as })).toMatchObject({ __typename: 'SetGroupMemberRoleSuccess' });
    } finally {
      await kit.close();
      await database.drop();
    }
  });
});

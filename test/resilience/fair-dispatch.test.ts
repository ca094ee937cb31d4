import { afterEach, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorLog } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';

/**
 * A backlog of notices (their own budget, here 2 per second) never holds back group calls: the
 * outbox polls one queue per rate class. Before, one pass took the 100 oldest due rows (all
 * notices) and the next pass (with the deferred join) waited until every one of them was
 * published or shed at its lease's end: with a 30 s lease, some 58 publishes. Within a group, a
 * group call never waits for the group's own trailing notice (a Create notice too large to ride
 * its call, queued last). The flood is Kicked notices (they lead their quit, so never ride it).
 */

const NOTICES = 100;
const PUBLISH_PER_SECOND = 2;

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function pendingNotices(fixture: GatewayKit): Promise<number> {
  const rows = await fixture.app.store.db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'PENDING')
    .where('kind', '=', 'publishNotification')
    .execute();
  return rows.length;
}

describeEachStore('fair dispatch', (target) => {
  it('a membership change deferred behind a flood of notices is synced long before the notices drain', { timeout: 90_000 }, async () => {
    const database = await target.fresh();
    const fixture = await startKit({
      config: {
        databaseUrl: database.url,
        requestDeadlineMs: 300,
        rateLimits: { group: 100, publish: PUBLISH_PER_SECOND },
        outbox: { leaseMs: 30_000, pollMs: 50 },
      },
    });
    opened.push({ fixture, database });

    // The flood: a hundred groups, each losing a member with a Kicked notice, far past the publish budget.
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < NOTICES) {
          const i = next++;
          const input = { groupId: `flood${i}`, name: `Flood ${i}`, memberIds: [`f${i}`], notify: false };
          // A cold process may shed a change (RateLimitedError, nothing written): the client retries.
          let answer = await fixture.response.createGroup(input, { as: 'alice' });
          while (answer.data?.createGroup.__typename === 'RateLimitedError') answer = await fixture.response.createGroup(input, { as: 'alice' });
          expect(answer.data?.createGroup.__typename).toBe('CreateGroupSuccess');
          const removal = { groupId: `flood${i}`, userIds: [`f${i}`] };
          let removed = await fixture.response.removeGroupMembers(removal, { as: 'alice' });
          while (removed.data?.removeGroupMembers.__typename === 'RateLimitedError') removed = await fixture.response.removeGroupMembers(removal, { as: 'alice' });
          expect(removed.data?.removeGroupMembers.__typename).toBe('RemoveGroupMembersSuccess');
        }
      }),
    );
    expect(await pendingNotices(fixture)).toBeGreaterThan(NOTICES - 20);
    // The target is created after the flood, with members enough that its Create notice cannot ride
    // the create call (bundle limit): it waits behind the flood as a publish, and must hold none of
    // the group's later group calls (only a leading notice, Kicked or Dismiss, does). Its group call
    // may wait for the flood's calls to leave the group budget's window (they may all fall within
    // the last second): shed, nothing written, and the client retries, as above.
    const members = Array.from({ length: 250 }, (_, i) => `member${String(i).padStart(3, '0')}${'x'.repeat(55)}`);
    const targetInput = { groupId: 'target', name: 'Target', memberIds: members };
    let created = await fixture.response.createGroup(targetInput, { as: 'alice' });
    while (created.data?.createGroup.__typename === 'RateLimitedError') created = await fixture.response.createGroup(targetInput, { as: 'alice' });
    expect(created.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess' });

    // A join whose answer is lost (slower than the request's deadline): the loop must finish it.
    fixture.emulator.setFaults({ latencyMs: 600 });
    const added = await fixture.response.addGroupMembers({ groupId: 'target', userIds: ['carol'], notify: false }, { as: 'alice' });
    const answeredAt = Date.now();
    fixture.emulator.setFaults({ latencyMs: 0 });
    expect(added.data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    const status = async () =>
      (await fixture.app.store.db.selectFrom('groups').select('sync_status').where('group_id', '=', 'target').executeTakeFirstOrThrow()).sync_status;
    expect(await status()).toBe('PENDING');

    await eventually(async () => (await status()) === 'SYNCED', 20_000, 25);
    const syncedAt = Date.now();
    const publishesMeanwhile = (await emulatorLog(fixture.emulator)).filter(
      (entry) => entry.path === '/message/group/publish.json' && entry.at >= answeredAt && entry.at <= syncedAt,
    ).length;
    // Counts, not times: a starved join waits for dozens of publishes; a fair one for a handful.
    expect(publishesMeanwhile).toBeLessThan(20);
    expect(await pendingNotices(fixture)).toBeGreaterThan(NOTICES / 2);
    const targetNotices = await fixture.app.store.db
      .selectFrom('outbox')
      .select('status')
      .where('group_id', '=', 'target')
      .where('kind', '=', 'publishNotification')
      .execute();
    expect(targetNotices.length).toBeGreaterThanOrEqual(1);
    expect(targetNotices.map((row) => row.status)).toContain('PENDING');
  });
});

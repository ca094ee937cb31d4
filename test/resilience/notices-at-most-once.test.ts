import { afterEach, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup, emulatorLog, emulatorMessages } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';

/**
 * A notice is published at most once: the IM Service has no deduplication key for
 * /message/group/publish.json, so after an ambiguous failure the notice is given up, never
 * repeated (it is lost when the IM Service had not published it). A removal's Kicked notice is
 * its first IM call, so the queued fault hits the publish.
 */

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function noticeRows(fixture: GatewayKit) {
  return fixture.app.store.db.selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'publishNotification').execute();
}

async function unconfirmedMetric(fixture: GatewayKit): Promise<number> {
  const text = await (await fetch(`${fixture.url}/metrics`)).text();
  return Number(text.split('\n').find((line) => line.startsWith('outbox_notices_unconfirmed_total '))?.split(' ')[1]);
}

async function publishCalls(fixture: GatewayKit): Promise<number> {
  return (await emulatorLog(fixture.emulator)).filter((entry) => entry.path === '/message/group/publish.json').length;
}

describeEachStore('notices at most once', (target) => {
  async function groupWithBob(): Promise<GatewayKit> {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, requestDeadlineMs: 2000, outbox: { leaseMs: 15_000, pollMs: 50 } } });
    opened.push({ fixture, database });
    const created = await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob', 'carol'], notify: false }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    return fixture;
  }

  for (const [fault, published] of [
    ['timeout504', 1],
    ['error500', 0],
  ] as const) {
    it(`a publish answered ${fault} is not repeated (${published ? 'it was published' : 'it is lost'}); the change goes on`, async () => {
      const fixture = await groupWithBob();
      fixture.emulator.setFaults({ failNext: [fault] });
      const removed = await fixture.response.removeGroupMembers({ groupId: 'club', userIds: ['bob'] }, { as: 'alice' });
      expect(removed.data?.removeGroupMembers.__typename).toBe('RemoveGroupMembersSuccess');

      // The quit behind the notice still went through.
      await eventually(async () => (await emulatorGroup(fixture.emulator, 'club'))?.members.includes('bob') === false);
      // Time for any retry to show up (the client retries within 100-2000 ms, the outbox after 1 s).
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(await publishCalls(fixture)).toBe(1);
      expect(await emulatorMessages(fixture.emulator)).toHaveLength(published);
      expect(await noticeRows(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
      expect(await unconfirmedMetric(fixture)).toBe(1);
    });
  }

  it('a notice whose dispatcher died while holding it is given up once the claim lapses, never sent', async () => {
    const fixture = await groupWithBob();
    const { outbox } = fixture.app.repositories;
    await fixture.app.dispatcher.stop();
    // A notice another instance took and then died holding (it may have published it): the row
    // is written and claimed as that dispatcher did, and its claim left to lapse.
    const notice = { kind: 'publishNotification', groupId: 'club', fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Test' } };
    const id = await outbox.insert(fixture.app.store.db, { groupId: 'club', kind: notice.kind, payload: notice, now: Date.now() });
    expect(await outbox.claim(id, Date.now(), 300)).toBeDefined();
    fixture.app.dispatcher.start();

    await eventually(async () => (await noticeRows(fixture))[0]?.status === 'FAILED', 10_000);
    expect(await noticeRows(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
    expect(await publishCalls(fixture)).toBe(0);
    expect(await unconfirmedMetric(fixture)).toBe(1);
    expect(fixture.logLines.filter((line) => line.includes('notice interrupted mid-publish'))).toHaveLength(1);
  });
});

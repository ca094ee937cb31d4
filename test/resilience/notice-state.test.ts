import { afterEach, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { eventually } from '../fixtures/gateway.js';
import { emulatorGroup, emulatorMessages } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * A bound notice's state on its outbox row (`unsent`, `offered`, `interrupted`, `sent`,
 * `given_up`): it rides only an attempt that cannot repeat an earlier delivery, goes back after a
 * failure that certainly did nothing (a 1008: "not done"), and every notice that may be lost is
 * recorded once (a FAILED notice row, `outbox_notices_unconfirmed_total`), and no other.
 * The red team's probes, kept: each failed before the state existed.
 */

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function operations(fixture: GatewayKit, groupId: string): Promise<string[]> {
  const messages = await emulatorMessages(fixture.emulator);
  return messages.filter((message) => message.toGroupId === groupId).map((message) => String((message.content as { operation?: unknown }).operation));
}

async function unconfirmedMetric(fixture: GatewayKit): Promise<number> {
  const text = await (await fetch(`${fixture.url}/metrics`)).text();
  return Number(text.split('\n').find((line) => line.startsWith('outbox_notices_unconfirmed_total '))?.split(' ')[1]);
}

async function noticeRows(fixture: GatewayKit) {
  return fixture.app.store.db.selectFrom('outbox').select(['status', 'last_error']).where('kind', '=', 'publishNotification').execute();
}

/** The one outbox row of this kind. */
async function rowOf(fixture: GatewayKit, kind: string) {
  return fixture.app.store.db.selectFrom('outbox').selectAll().where('kind', '=', kind).executeTakeFirstOrThrow();
}

const USERS_PER_CALL = 1000;

describeEachStore('bound notice state', (target) => {
  async function gateway(config: Partial<Config> = {}): Promise<GatewayKit> {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, outbox: { leaseMs: 3000, pollMs: 50 }, ...config } });
    opened.push({ fixture, database });
    expect((await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob'], notify: false }, { as: 'alice' })).data?.createGroup.__typename).toBe(
      'CreateGroupSuccess',
    );
    return fixture;
  }

  it('a join the IM Service answered 1008 (not done) keeps its Add notice: it rides the next attempt, once, nothing given up', { timeout: 60_000 }, async () => {
    const fixture = await gateway();
    // The change waits behind the IM Service (as behind an outage): the outbox sends it later.
    await fixture.app.dispatcher.stop();
    expect((await fixture.response.addGroupMembers({ groupId: 'club', userIds: ['carol'] }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    fixture.emulator.setFaults({ rateLimitedRate: 1 });
    fixture.app.dispatcher.start();
    await eventually(async () => (await rowOf(fixture, 'joinGroup')).last_error !== null, 30_000);
    expect(await rowOf(fixture, 'joinGroup')).toMatchObject({ status: 'PENDING', notice_state: 'unsent', last_im_code: 1008 });
    fixture.emulator.setFaults({ rateLimitedRate: 0 });

    await eventually(async () => (await rowOf(fixture, 'joinGroup')).status === 'DONE', 30_000);
    expect((await rowOf(fixture, 'joinGroup')).notice_state).toBe('sent');
    expect((await emulatorGroup(fixture.emulator, 'club'))?.members).toEqual(['alice', 'bob', 'carol']);
    expect(await operations(fixture, 'club')).toEqual(['Add']);
    expect(await noticeRows(fixture)).toEqual([]);
    expect(await unconfirmedMetric(fixture)).toBe(0);
  });

  it('a join given up after its last attempt, every one answered 1008, records its notice as never sent, once', { timeout: 60_000 }, async () => {
    const fixture = await gateway({ outbox: { leaseMs: 3000, pollMs: 50, maxAttempts: 2 } });
    await fixture.app.dispatcher.stop();
    expect((await fixture.response.addGroupMembers({ groupId: 'club', userIds: ['carol'] }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    fixture.emulator.setFaults({ rateLimitedRate: 1 });
    fixture.app.dispatcher.start();
    await eventually(async () => (await rowOf(fixture, 'joinGroup')).status === 'FAILED', 45_000);
    expect(await rowOf(fixture, 'joinGroup')).toMatchObject({ attempts: 2, notice_state: 'given_up', last_im_code: 1008 });
    expect(await noticeRows(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('never sent') }]);
    expect(await unconfirmedMetric(fixture)).toBe(1);
    expect(await emulatorMessages(fixture.emulator)).toEqual([]);
  });

  it('a create withdrawn after 1008s throughout (nothing reached the IM Service) leaves no notice given up', { timeout: 60_000 }, async () => {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, requestDeadlineMs: 1500 } });
    opened.push({ fixture, database });
    fixture.emulator.setFaults({ rateLimitedRate: 1 });
    const answer = await fixture.response.createGroup({ groupId: 'club', name: 'Club', memberIds: ['bob'] }, { as: 'alice' });
    expect(answer.data?.createGroup.__typename).toBe('RateLimitedError');
    expect(await fixture.app.store.db.selectFrom('groups').select('group_id').execute()).toEqual([]);
    expect(await fixture.app.store.db.selectFrom('outbox').select(['kind', 'status']).execute()).toEqual([]);
    expect(await unconfirmedMetric(fixture)).toBe(0);
  });

  it('a notice whose attempt died in the last call of several is recorded as possibly lost, even after an earlier failed attempt; never sent twice', { timeout: 60_000 }, async () => {
    const fixture = await gateway();
    const { outbox } = fixture.app.repositories;
    await fixture.app.dispatcher.stop();
    const newcomers = Array.from({ length: USERS_PER_CALL + 1 }, (_, i) => `n${i}`);
    expect((await fixture.response.addGroupMembers({ groupId: 'club', userIds: newcomers }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe(
      'AddGroupMembersSuccess',
    );
    const { id, payload } = await rowOf(fixture, 'joinGroup');

    // Attempt 1: the first of two joins answers 500 (it may have acted) every time the client tries it.
    fixture.emulator.setFaults({ failNext: ['error500', 'error500', 'error500', 'error500'] });
    fixture.app.dispatcher.start();
    await eventually(async () => (await outbox.get(id))?.last_error != null, 30_000);
    await fixture.app.dispatcher.stop();
    expect(await outbox.get(id)).toMatchObject({ attempts: 1, progress: 0, notice_state: 'unsent' });

    // Attempt 2, as another instance makes it and dies: claimed, the first join sent, the last
    // one sent with its notice (the IM Service acts), and no answer recorded: the claim lapses.
    expect(await outbox.claim(id, Date.now(), 300)).toMatchObject({ attempts: 2, notice_state: 'offered' });
    await fixture.app.im.joinGroup({ groupId: 'club', userIds: newcomers.slice(0, USERS_PER_CALL) });
    await outbox.recordProgress(id, 1, Date.now() + 300);
    const { notice } = JSON.parse(payload) as { notice: Parameters<typeof fixture.app.im.joinGroup>[0]['notice'] };
    await fixture.app.im.joinGroup({ groupId: 'club', userIds: newcomers.slice(USERS_PER_CALL), notice });
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Attempt 3 sends the last join alone, and records the notice it cannot know was delivered.
    fixture.app.dispatcher.start();
    await eventually(async () => (await outbox.get(id))?.status === 'DONE', 30_000);
    expect((await outbox.get(id))?.notice_state).toBe('given_up');
    expect((await emulatorGroup(fixture.emulator, 'club'))?.members).toHaveLength(USERS_PER_CALL + 3);
    expect(await operations(fixture, 'club')).toEqual(['Add']);
    expect(await noticeRows(fixture)).toEqual([{ status: 'FAILED', last_error: expect.stringContaining('at most once') }]);
    expect(await unconfirmedMetric(fixture)).toBe(1);
    expect(fixture.logLines.filter((line) => line.includes('bound notice interrupted mid-call'))).toHaveLength(1);
  });

  it('a notice whose attempt died before its last call rides the next attempt: once, nothing given up', { timeout: 60_000 }, async () => {
    const fixture = await gateway();
    const { outbox } = fixture.app.repositories;
    await fixture.app.dispatcher.stop();
    const newcomers = Array.from({ length: USERS_PER_CALL + 1 }, (_, i) => `n${i}`);
    await fixture.must.addGroupMembers({ groupId: 'club', userIds: newcomers }, { as: 'alice' });
    const { id } = await rowOf(fixture, 'joinGroup');
    // An instance claims the row and dies in the first join: the notice's call never started.
    expect(await outbox.claim(id, Date.now(), 300)).toMatchObject({ notice_state: 'offered' });
    await new Promise((resolve) => setTimeout(resolve, 400));

    fixture.app.dispatcher.start();
    await eventually(async () => (await outbox.get(id))?.status === 'DONE', 30_000);
    expect((await outbox.get(id))?.notice_state).toBe('sent');
    expect(await operations(fixture, 'club')).toEqual(['Add']);
    expect(await noticeRows(fixture)).toEqual([]);
    expect(await unconfirmedMetric(fixture)).toBe(0);
  });
});

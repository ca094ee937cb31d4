import { expect, it } from 'vitest';
import { OutboxRepository } from '../../src/groups/outbox/outbox.repository.js';
import { isUniqueViolation } from '../../src/groups/store/errors.js';
import { GroupsRepository } from '../../src/groups/store/groups.repository.js';
import { IdempotencyRepository, type NewIdempotencyRecord } from '../../src/groups/store/idempotency.repository.js';
import { describeEachStore, useStore } from '../fixtures/stores.js';

const NOW = 1_700_000_000_000;
const LEASE_MS = 15_000;

describeEachStore('outbox repository', (target) => {
  const { store } = useStore(target, { pool: 20 });
  const outbox = () => new OutboxRepository(store().db);
  const insert = (groupId: string, kind = 'joinGroup', now = NOW) => outbox().insert(store().db, { groupId, kind, payload: { kind, groupId }, now });

  it('inserts pending rows with increasing numeric ids', async () => {
    const first = await insert('g1', 'createGroup');
    const second = await insert('g1');
    expect(typeof first).toBe('number');
    expect(second).toBeGreaterThan(first);
    expect(await outbox().get(first)).toEqual({
      id: first,
      group_id: 'g1',
      kind: 'createGroup',
      leads: 0,
      payload: JSON.stringify({ kind: 'createGroup', groupId: 'g1' }),
      status: 'PENDING',
      progress: 0,
      attempts: 0,
      next_attempt_at: NOW,
      locked_until: null,
      last_error: null,
      last_im_code: null,
      created_at: NOW,
      notice_state: null,
    });
  });

  it('offers a bound notice in the claim itself, and marks one an attempt held unsettled as interrupted', async () => {
    const notice = { fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Add' } };
    const id = await outbox().insert(store().db, { groupId: 'g1', kind: 'joinGroup', payload: { kind: 'joinGroup', groupId: 'g1', userIds: ['u'], notice }, now: NOW });
    expect((await outbox().get(id))?.notice_state).toBe('unsent');
    expect((await outbox().claim(id, NOW, LEASE_MS))?.notice_state).toBe('offered');
    // The holder died: the next claim, once the lease lapsed, finds it held unsettled.
    expect((await outbox().claim(id, NOW + LEASE_MS + 1, LEASE_MS))?.notice_state).toBe('interrupted');
    await outbox().setNoticeState(store().db, id, 'offered');
    await outbox().complete(store().db, id);
    expect((await outbox().get(id))?.notice_state).toBe('sent');
  });

  it('gives a row to exactly one of 20 concurrent claims', async () => {
    const id = await insert('g1');
    const claims = await Promise.all(Array.from({ length: 20 }, () => outbox().claim(id, NOW, LEASE_MS)));
    const won = claims.filter((row) => row !== undefined);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ id, attempts: 1, locked_until: NOW + LEASE_MS });
    expect(await outbox().get(id)).toMatchObject({ attempts: 1, locked_until: NOW + LEASE_MS });
  });

  it('lets a lapsed lease be taken over (a dead dispatcher’s row), and not before', async () => {
    const id = await insert('g1');
    expect(await outbox().claim(id, NOW, LEASE_MS)).toBeDefined();
    expect(await outbox().claim(id, NOW + LEASE_MS - 1, LEASE_MS)).toBeUndefined();
    expect(await outbox().findDue(NOW + LEASE_MS - 1, 100)).toEqual([]);
    expect(await outbox().findDue(NOW + LEASE_MS + 1, 100)).toEqual([id]);
    const taken = await outbox().claim(id, NOW + LEASE_MS + 1, LEASE_MS);
    expect(taken).toMatchObject({ id, attempts: 2, locked_until: NOW + 2 * LEASE_MS + 1 });
  });

  it('never retakes a notice whose lease lapsed: it is ended, DONE when recorded as published, else FAILED', async () => {
    const sent = await insert('g1', 'publishNotification');
    const unknown = await insert('g2', 'publishNotification');
    const join = await insert('g3');
    for (const id of [sent, unknown, join]) expect(await outbox().claim(id, NOW, LEASE_MS)).toBeDefined();
    await outbox().recordProgress(sent, 1, NOW + LEASE_MS);
    const later = NOW + LEASE_MS + 1;
    expect(await outbox().claim(unknown, later, LEASE_MS)).toBeUndefined();
    expect(await outbox().claim(join, later, LEASE_MS)).toBeDefined();

    expect(await outbox().giveUpLapsedNotices(later, 'given up')).toEqual([{ id: unknown, groupId: 'g2' }]);
    expect(await outbox().get(sent)).toMatchObject({ status: 'DONE', locked_until: null });
    expect(await outbox().get(unknown)).toMatchObject({ status: 'FAILED', last_error: 'given up', locked_until: null });
    expect(await outbox().giveUpLapsedNotices(later + LEASE_MS, 'given up')).toEqual([]);
  });

  it('keeps one queue per rate class: notices and changes are found apart, each in id order', async () => {
    const notices = [await insert('n1', 'publishNotification'), await insert('n2', 'publishNotification')];
    const change = await insert('c1', 'createGroup');
    expect(await outbox().findDue(NOW, 100, 'notices')).toEqual(notices);
    expect(await outbox().findDue(NOW, 1, 'changes')).toEqual([change]);
    expect(await outbox().findDue(NOW, 100)).toEqual([...notices, change]);
  });

  it('claims only pending rows, and withdraws only rows nobody holds', async () => {
    const done = await insert('g1');
    await outbox().complete(store().db, done);
    expect(await outbox().claim(done, NOW, LEASE_MS)).toBeUndefined();

    const held = await insert('g2');
    await outbox().claim(held, NOW, LEASE_MS);
    expect(await outbox().withdraw(store().db, held, NOW + 1)).toBe(false);
    expect(await outbox().withdraw(store().db, held, NOW + LEASE_MS + 1)).toBe(true);
    expect(await outbox().get(held)).toBeUndefined();
  });

  it('finds due rows in per-group order: a later row waits while an earlier row of its group is pending', async () => {
    const a1 = await insert('ga', 'createGroup');
    const b1 = await insert('gb', 'createGroup');
    const a2 = await insert('ga');
    const b2 = await insert('gb');
    const later = await insert('gc', 'createGroup', NOW + 60_000);
    expect(await outbox().findDue(NOW, 100)).toEqual([a1, b1]);
    // The claim itself refuses a row an earlier pending row of its group holds back.
    expect(await outbox().claim(a2, NOW, LEASE_MS)).toBeUndefined();

    // a1 done: a2 is next; b1 retried later keeps b2 waiting behind it.
    await outbox().complete(store().db, a1);
    await outbox().scheduleRetry(store().db, b1, NOW + 5_000, { message: 'later', imCode: null });
    expect(await outbox().findDue(NOW, 100)).toEqual([a2]);
    expect(await outbox().findDue(NOW + 60_000, 100)).toEqual([b1, a2, later]);

    // A row given up for good no longer holds its group back; a held row is not due.
    await outbox().fail(store().db, b1, { message: 'refused', imCode: 1008 });
    await outbox().claim(a2, NOW, LEASE_MS);
    expect(await outbox().findDue(NOW, 100)).toEqual([b2]);
    expect(await outbox().findDue(NOW, 1)).toHaveLength(1);
  });

  it('tells what stands between a group and the IM Service: nothing, pending changes, or a failure (notifications aside)', async () => {
    expect(await outbox().changeBacklog(store().db, 'g1')).toBeNull();
    const notice = await insert('g1', 'publishNotification');
    expect(await outbox().changeBacklog(store().db, 'g1')).toBeNull();
    await outbox().fail(store().db, notice, { message: 'refused', imCode: 1 });
    expect(await outbox().changeBacklog(store().db, 'g1')).toBeNull();

    const join = await insert('g1');
    expect(await outbox().changeBacklog(store().db, 'g1')).toBe('PENDING');
    const quit = await insert('g1', 'quitGroup');
    await outbox().fail(store().db, join, { message: 'refused', imCode: 1008 });
    expect(await outbox().changeBacklog(store().db, 'g1')).toBe('FAILED');
    await outbox().complete(store().db, quit);
    expect(await outbox().changeBacklog(store().db, 'g1')).toBe('FAILED');
    expect(await outbox().changeBacklog(store().db, 'other')).toBeNull();
  });

  it('records progress and retries on the row', async () => {
    const id = await insert('g1');
    await outbox().claim(id, NOW, LEASE_MS);
    await outbox().recordProgress(id, 1, NOW + 20_000);
    await outbox().scheduleRetry(store().db, id, NOW + 1_000, { message: 'timeout', imCode: null });
    expect(await outbox().get(id)).toMatchObject({ progress: 1, locked_until: null, next_attempt_at: NOW + 1_000, last_error: 'timeout', status: 'PENDING' });
  });
});

describeEachStore('idempotency repository', (target) => {
  const { store } = useStore(target);
  const keys = () => new IdempotencyRepository(store().db);
  const record = (overrides: Partial<NewIdempotencyRecord> = {}): NewIdempotencyRecord => ({
    callerId: 'ann',
    key: 'k1',
    operation: 'createGroup',
    requestHash: 'h1',
    outcome: '{"groupId":"g1"}',
    now: NOW,
    ...overrides,
  });

  /** Claims a key and settles its outcome, as the change runner does within one transaction. */
  async function recordKey(executor: Parameters<IdempotencyRepository['claim']>[0], overrides: Partial<NewIdempotencyRecord> = {}): Promise<boolean> {
    const entry = record(overrides);
    const claimed = await keys().claim(executor, entry, entry.now);
    if (claimed) await keys().settle(executor, entry, entry.outcome);
    return claimed;
  }

  it('records a key once per caller: a second insert answers false, without an error, and keeps the first', async () => {
    expect(await recordKey(store().db)).toBe(true);
    expect(await recordKey(store().db, { requestHash: 'h2', outcome: 'second' })).toBe(false);
    expect(await recordKey(store().db, { callerId: 'bob', outcome: 'bob’s' })).toBe(true);
    expect(await keys().find('ann', 'k1')).toEqual({ operation: 'createGroup', requestHash: 'h1', outcome: '{"groupId":"g1"}' });
    expect(await keys().find('bob', 'k1')).toMatchObject({ outcome: 'bob’s' });
  });

  it('leaves the transaction usable after a conflict (PostgreSQL aborts a transaction on an error)', async () => {
    await recordKey(store().db);
    const outcome = await store()
      .db.transaction()
      .execute(async (trx) => {
        const recorded = await recordKey(trx);
        await new GroupsRepository(store().db).insert(trx, {
          groupId: 'after-conflict',
          name: 'x',
          avatarUrl: null,
          ownerId: 'ann',
          memberIds: ['ann'],
          syncStatus: 'PENDING',
          createdAt: NOW,
        });
        return recorded;
      });
    expect(outcome).toBe(false);
    expect(await new GroupsRepository(store().db).findById(store().db, 'after-conflict')).toBeDefined();
  });

  it('lets exactly one of two concurrent transactions record a key', async () => {
    const attempts = await Promise.all(
      ['first', 'second'].map((outcome) => store().db.transaction().execute((trx) => recordKey(trx, { outcome }))),
    );
    expect(attempts.sort()).toEqual([false, true]);
  });

  it('forgets keys older than a cutoff, and deletes one key', async () => {
    await recordKey(store().db, { key: 'old', now: NOW - 10 });
    await recordKey(store().db, { key: 'new', now: NOW });
    await recordKey(store().db, { key: 'undone', now: NOW });
    expect(await keys().deleteOlderThan(NOW)).toBe(1);
    await keys().delete(store().db, 'ann', 'undone');
    expect(await keys().find('ann', 'old')).toBeUndefined();
    expect(await keys().find('ann', 'undone')).toBeUndefined();
    expect(await keys().find('ann', 'new')).toBeDefined();
  });

  it('reports a duplicate primary key as a unique violation', async () => {
    const group = { group_id: 'dup', name: 'x', avatar_url: null, owner_id: 'ann', member_count: 1, sync_status: 'SYNCED' as const, sync_error: null, created_at: NOW, dismissed_at: null };
    await store().db.insertInto('groups').values(group).execute();
    const error = await store().db.insertInto('groups').values(group).execute().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
  });
});

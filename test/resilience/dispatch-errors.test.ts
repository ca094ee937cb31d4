import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';

/**
 * Background work never ends the process: a retry is scheduled at a whole millisecond (a
 * fraction once crashed PostgreSQL's `bigint` column and, through an unhandled rejection, the
 * process), and a database error inside a dispatch is logged, counted and retried. An
 * unhandled rejection anywhere fails the test (test/setup/no-unhandled-rejections.ts).
 */

const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

async function metric(fixture: GatewayKit, name: string): Promise<number> {
  const text = await (await fetch(`${fixture.url}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : Number.NaN;
}

async function syncStatus(fixture: GatewayKit, groupId: string): Promise<string | undefined> {
  const row = await fixture.app.store.db.selectFrom('groups').select('sync_status').where('group_id', '=', groupId).executeTakeFirst();
  return row?.sync_status;
}

describeEachStore('background dispatch errors', (target) => {
  async function gateway(): Promise<GatewayKit> {
    const database = await target.fresh();
    const fixture = await startKit({ config: { databaseUrl: database.url, requestDeadlineMs: 1000, outbox: { leaseMs: 1500, pollMs: 50 } } });
    opened.push({ fixture, database });
    return fixture;
  }

  it('a createGroup under 500s is retried with whole-millisecond backoff until the IM Service answers', async () => {
    const fixture = await gateway();
    fixture.emulator.setFaults({ error500Rate: 1 });
    const input = { groupId: 'retried', name: 'Retried', memberIds: ['bob'] };
    const answer = await fixture.response.createGroup({ ...input, notify: false }, { as: 'alice' });
    expect(answer.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess' });
    // At least one deferral went through the database (the write that once crashed on PostgreSQL).
    await eventually(async () => fixture.logLines.some((line) => line.includes('outbox row deferred')), 10_000);
    const row = await fixture.app.store.db.selectFrom('outbox').selectAll().where('group_id', '=', 'retried').executeTakeFirstOrThrow();
    expect(Number.isInteger(row.next_attempt_at)).toBe(true);
    expect(row.attempts).toBeGreaterThanOrEqual(1);

    fixture.emulator.setFaults({ error500Rate: 0 });
    await eventually(async () => (await syncStatus(fixture, 'retried')) === 'SYNCED', 20_000);
    expect(await emulatorGroup(fixture.emulator, 'retried')).toMatchObject({ members: expect.arrayContaining(['alice', 'bob']) });
    expect(await metric(fixture, 'outbox_dispatch_errors_total')).toBe(0);
  });

  it('a database error inside a dispatch is logged, counted, and the row retried once its claim lapses', async () => {
    const fixture = await gateway();
    const { outbox } = fixture.app.repositories;
    const complete = outbox.complete.bind(outbox);
    let failures = 1;
    // The one stubbed detail: the database refuses the write after the IM call succeeded (a
    // one-call row's only write after its call is its completion).
    outbox.complete = async (...args) => {
      if (failures-- > 0) throw new Error('connection terminated unexpectedly');
      return complete(...args);
    };
    const input = { groupId: 'dberror', name: 'DB error', memberIds: ['bob'] };
    const answer = await fixture.response.createGroup({ ...input, notify: false }, { as: 'alice' });
    // The IM Service may have acted: the change stands, pending, rather than being withdrawn.
    expect(answer.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess' });
    expect(await syncStatus(fixture, 'dberror')).toBe('PENDING');
    expect(fixture.logLines.filter((line) => line.includes('outbox dispatch failed unexpectedly'))).toHaveLength(1);
    expect(await metric(fixture, 'outbox_dispatch_errors_total')).toBe(1);

    // Retaken once the claim lapses, sent again (a create is idempotent), and settled.
    await eventually(async () => (await syncStatus(fixture, 'dberror')) === 'SYNCED', 15_000);
    expect(await emulatorGroup(fixture.emulator, 'dberror')).toMatchObject({ members: expect.arrayContaining(['alice', 'bob']) });
    // The gateway is still serving.
    await sleep(10);
    const next = await fixture.response.createGroup({ groupId: 'after', name: 'After', memberIds: ['carol'], notify: false }, { as: 'alice' });
    expect(next.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { groupId: 'after' } });
  });
});

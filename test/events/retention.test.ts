import { expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { CursorExpiredError } from '../../src/groups/events/event-log.js';
import { eventually } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { groupHistory, nextGroupId, OWNER } from '../kit/factories.js';
import { startKit, useStoreGateways } from '../kit/gateway-kit.js';

const HOUR = 3_600_000;

describeEachStore('event retention', (target) => {
  const gateway = useStoreGateways(target);

  it('prunes, in the background, the events older than EVENT_RETENTION_HOURS; a cursor pruned past is refused, a later one resumes', async () => {
    const database = await target.fresh({ reopenable: true });
    const groupId = nextGroupId('kept');
    const maker = await startKit({ config: { databaseUrl: database.url } });
    let cursors: string[];
    try {
      await maker.must.createGroup({ groupId, name: 'Kept', memberIds: [], notify: false }, { as: OWNER });
      for (const name of ['Second', 'Third']) await maker.must.updateGroup({ groupId, name }, { as: OWNER });
      cursors = (await groupHistory(maker, groupId)).map((event) => event.cursor);
      // The first two happened three hours ago (the only way to age them in a test: their stored time).
      const ids = await maker.app.store.db.selectFrom('group_events').select('id').orderBy('sequence').limit(2).execute();
      await maker.app.store.db.updateTable('group_events').set({ occurred_at: Date.now() - 3 * HOUR }).where('id', 'in', ids.map((row) => row.id)).execute();
    } finally {
      await maker.close();
    }

    // A gateway keeping two hours prunes them as it starts.
    const kit = await startKit({ config: { databaseUrl: database.url, eventRetentionHours: 2 } });
    try {
      await eventually(async () => (await groupHistory(kit, groupId)).length === 1);
      expect(await groupHistory(kit, groupId)).toEqual([expect.objectContaining({ __typename: 'GroupProfileUpdated', name: 'Third', cursor: cursors[2] })]);
      expect(kit.logLines.some((line) => line.includes('event log pruned'))).toBe(true);

      // After the last cursor pruned: nothing is missing, resume. Before it: refetch.
      expect(await kit.app.events.oldestCursor()).toBe(cursors[1]);
      expect((await kit.app.events.readAfter(cursors[1]!, 10)).map((event) => event.cursor)).toEqual([cursors[2]]);
      await expect(kit.app.events.readAfter(cursors[0]!, 10)).rejects.toBeInstanceOf(CursorExpiredError);
      await expect(kit.app.events.readGroupAfter(groupId, cursors[0]!, 10)).rejects.toMatchObject({ oldestCursor: cursors[1] });
      const refused = await kit.groupEvents({ groupId, after: cursors[0] }, { as: OWNER });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('older than the events kept'), extensions: { code: 'BAD_USER_INPUT' } });
    } finally {
      await kit.close();
      await database.drop();
    }
  });

  it('keeps what is younger, and events not yet released, whatever their age', async () => {
    const kit = await gateway({ config: { requestDeadlineMs: 300 } });
    const groupId = nextGroupId('kept');
    await kit.must.createGroup({ groupId, name: 'Young', memberIds: [], notify: false }, { as: OWNER });
    await eventually(async () => (await groupHistory(kit, groupId)).length === 1);
    kit.emulator.setFaults({ hangRate: 1 });
    await kit.must.updateGroup({ groupId, name: 'Pending' }, { as: OWNER });

    expect(await kit.app.events.prune(Date.now() - HOUR)).toBe(0);
    expect(await kit.app.events.prune(Date.now() + HOUR)).toBe(1);
    kit.emulator.setFaults({ hangRate: 0 });
    await eventually(async () => (await groupHistory(kit, groupId)).length === 1, 20_000);
    expect(await groupHistory(kit, groupId)).toEqual([expect.objectContaining({ __typename: 'GroupProfileUpdated', name: 'Pending' })]);
  });
});

it('EVENT_RETENTION_HOURS defaults to 168 (a week) and refuses values outside 1 to 8784, naming the variable', () => {
  expect(loadConfig({}).eventRetentionHours).toBe(168);
  expect(loadConfig({ EVENT_RETENTION_HOURS: '1' }).eventRetentionHours).toBe(1);
  for (const bad of ['0', '8785', 'forever', '1.5']) expect(() => loadConfig({ EVENT_RETENTION_HOURS: bad }), bad).toThrow(ConfigError);
  expect(() => loadConfig({ EVENT_RETENTION_HOURS: '0' })).toThrow(/EVENT_RETENTION_HOURS/);
});

import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup } from '../fixtures/im.js';
import { storeTargets, type FreshDatabase } from '../fixtures/stores.js';

const MAX_ATTEMPTS = 3;
const opened: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];

afterEach(async () => {
  for (const { fixture, database } of opened.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

describe.each(storeTargets().map((target) => [target.dialect, target] as const))('a code 1000 storm on one group (%s)', (_, target) => {
  it.skipIf(target.skip)('gives that row up as FAILED after OUTBOX_MAX_ATTEMPTS while other groups keep syncing, and holds nothing behind it', async () => {
    const database = await target.fresh();
    const fixture = await startKit({
      config: { databaseUrl: database.url, requestDeadlineMs: 500, outbox: { leaseMs: 15_000, pollMs: 100, maxAttempts: MAX_ATTEMPTS } },
    });
    opened.push({ fixture, database });
    // Code 1000 with HTTP 200: the service is up and answers, but will not do anything for this group.
    fixture.emulator.setFaults({ code1000Groups: ['stormy'], code1000Status: 200 });

    const stormy = await fixture.response.createGroup({ groupId: 'stormy', name: 'Stormy', memberIds: ['bob'], notify: false }, { as: 'alice' });
    expect(stormy.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { syncStatus: 'PENDING' } });

    // Meanwhile another group's changes go through at once.
    for (const [index, groupId] of ['calm1', 'calm2', 'calm3'].entries()) {
      const calm = await fixture.response.createGroup({ groupId, name: `Calm ${index}`, memberIds: ['bob'], notify: false }, { as: 'alice' });
      expect(calm.data?.createGroup).toMatchObject({ group: { syncStatus: 'SYNCED' } });
      expect((await fixture.response.addGroupMembers({ groupId, userIds: ['carol'], notify: false }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    }

    let status: { syncStatus: string; syncError: string | null } | undefined;
    await eventually(async () => {
      status = (await fixture.group({ groupId: 'stormy' }, { as: 'alice' })).data?.group ?? undefined;
      return status?.syncStatus === 'FAILED';
    }, 20_000);
    expect(status?.syncError).toMatch(new RegExp(`gave up after ${MAX_ATTEMPTS} attempts.*code 1000`));
    const rows = await fixture.app.store.db.selectFrom('outbox').select(['kind', 'status', 'attempts', 'last_im_code']).where('group_id', '=', 'stormy').execute();
    expect(rows).toEqual([{ kind: 'createGroup', status: 'FAILED', attempts: MAX_ATTEMPTS, last_im_code: 1000 }]);
    for (const groupId of ['calm1', 'calm2', 'calm3']) {
      expect((await fixture.group({ groupId }, { as: 'alice' })).data?.group).toMatchObject({ syncStatus: 'SYNCED' });
      expect((await emulatorGroup(fixture.emulator, groupId))?.members).toEqual(['alice', 'bob', 'carol']);
    }

    // The storm passes: the group's next change is not held behind the failed row.
    fixture.emulator.setFaults({ code1000Groups: [] });
    expect((await fixture.response.addGroupMembers({ groupId: 'stormy', userIds: ['dave'], notify: false }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    await eventually(async () => (await emulatorGroup(fixture.emulator, 'stormy'))?.members.includes('dave') === true);
    // The group stays FAILED (its create was never confirmed) until an operator reconciles it, and still says why.
    await eventually(async () => (await fixture.group({ groupId: 'stormy' }, { as: 'alice' })).data?.group?.syncStatus === 'FAILED');
    const after = (await fixture.group({ groupId: 'stormy' }, { as: 'alice' })).data?.group;
    expect(after?.syncError).toMatch(new RegExp(`gave up after ${MAX_ATTEMPTS} attempts.*code 1000`));

    const metrics = await (await fetch(`${fixture.url}/metrics`)).text();
    expect(metrics).toMatch(/^outbox_rows_given_up_total\{kind="createGroup"\} 1$/m);
  });
});

describe('OUTBOX_MAX_ATTEMPTS', () => {
  it('defaults to 20 and refuses values outside 1 to 1000, naming the variable', () => {
    expect(loadConfig({}).outbox.maxAttempts).toBe(20);
    expect(loadConfig({ OUTBOX_MAX_ATTEMPTS: '3' }).outbox.maxAttempts).toBe(3);
    for (const bad of ['0', '-1', '1001', 'forever', '2.5']) {
      expect(() => loadConfig({ OUTBOX_MAX_ATTEMPTS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ OUTBOX_MAX_ATTEMPTS: bad })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
    }
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, userIds } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorGroup } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';

describeEachStore('a change the IM Service refuses after the request was answered', (target) => {
  let fixture: GatewayKit;
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await target.fresh();
    fixture = await startKit({ config: { requestDeadlineMs: 300, databaseUrl: database.url } });
  });
  afterAll(async () => {
    await fixture.close();
    await database.drop();
  });

  it('stops being retried and marks the group FAILED, with the IM code in syncError', async () => {
    // The IM Service answers 500 until the request's deadline: no definitive answer, so PENDING.
    fixture.emulator.setFaults({ error500Rate: 1 });
    const answer = await fixture.response.createGroup({ groupId: 'doomed', name: 'Doomed', memberIds: ['bob'], notify: false }, { as: 'alice' });
    expect(answer.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { syncStatus: 'PENDING' } });

    // Meanwhile the IM group fills up behind the gateway's back, so the retried create must be refused (1002).
    fixture.emulator.setFaults({ error500Rate: 0 });
    for (const prefix of ['a', 'b', 'c']) {
      await fixture.app.im.joinGroup({ groupId: 'doomed', userIds: userIds(1000, prefix) });
    }

    let status: { syncStatus: string; syncError?: string | null } | null | undefined;
    await eventually(async () => {
      status = (await fixture.group({ groupId: 'doomed' }, { as: 'alice' })).data?.group;
      return status?.syncStatus === 'FAILED';
    }, 15_000);
    expect(status?.syncError).toContain('1002');
    // The group stays, for an operator; the outbox holds the refused row, no longer pending.
    const rows = await fixture.app.store.db.selectFrom('outbox').select(['status', 'last_im_code']).where('group_id', '=', 'doomed').execute();
    expect(rows).toEqual([{ status: 'FAILED', last_im_code: 1002 }]);
    expect((await emulatorGroup(fixture.emulator, 'doomed'))?.members).not.toContain('bob');
  });
});

import { afterEach, expect, it } from 'vitest';
import { noticesSettled, type GatewayOptions } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { emulatorLog, emulatorMessages, startFixtureEmulator } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase, type StoreTarget } from '../fixtures/stores.js';

const gateways: Array<{ fixture: GatewayKit; database: FreshDatabase }> = [];
afterEach(async () => {
  for (const { fixture, database } of gateways.splice(0)) {
    await fixture.close();
    await database.drop();
  }
});

/** Gateways on a fresh database of `target`'s store. */
function gatewayOn(target: StoreTarget) {
  return async (options: GatewayOptions = {}): Promise<GatewayKit> => {
    const database = await target.fresh();
    const fixture = await startKit({ ...options, config: { ...options.config, databaseUrl: database.url } });
    gateways.push({ fixture, database });
    return fixture;
  };
}

async function callsTo(fixture: GatewayKit, path: string): Promise<number> {
  return (await emulatorLog(fixture.emulator)).filter((entry) => entry.path === path && entry.status === 200).length;
}

describeEachStore('idempotency keys', (target) => {
  const gateway = gatewayOn(target);

  it('answers a repeated createGroup with the first result, creating one group', async () => {
    const fixture = await gateway();
    const request = { input: { name: 'Once', memberIds: ['bob'], idempotencyKey: 'create-once-1' } };
    const first = await fixture.response.createGroup(request.input, { as: 'alice' });
    const second = await fixture.response.createGroup(request.input, { as: 'alice' });

    expect(first.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { memberCount: 2 } });
    expect(second.data?.createGroup).toEqual(first.data?.createGroup);
    expect(await callsTo(fixture, '/group/create.json')).toBe(1);
    // The notice follows the change in the background: one, however often the request came.
    await noticesSettled(fixture);
    expect((await emulatorMessages(fixture.emulator)).length).toBe(1);
  });

  it('gives concurrent duplicates one group between them', async () => {
    const fixture = await gateway();
    const request = { input: { name: 'Racing', idempotencyKey: 'race-1' } };
    const answers = await Promise.all(Array.from({ length: 8 }, () => fixture.response.createGroup(request.input, { as: 'alice' })));

    const groupIds = new Set(answers.map((answer) => (answer.data?.createGroup as { group?: { groupId: string } }).group?.groupId));
    expect(groupIds.size).toBe(1);
    expect([...groupIds][0]).toBeTruthy();
    expect(await callsTo(fixture, '/group/create.json')).toBe(1);
  });

  it('refuses the same key with a different input, changing nothing', async () => {
    const fixture = await gateway();
    await fixture.response.createGroup({ name: 'First', idempotencyKey: 'reused' }, { as: 'alice' });
    const reused = await fixture.response.createGroup({ name: 'Second', idempotencyKey: 'reused' }, { as: 'alice' });

    expect(reused.data?.createGroup).toMatchObject({ __typename: 'IdempotencyKeyReusedError', idempotencyKey: 'reused' });
    expect(await callsTo(fixture, '/group/create.json')).toBe(1);
  });

  it('scopes keys to the caller', async () => {
    const fixture = await gateway();
    const request = { input: { name: 'Mine', idempotencyKey: 'shared-key' } };
    const alices = await fixture.response.createGroup(request.input, { as: 'alice' });
    const bobs = await fixture.response.createGroup(request.input, { as: 'bob' });

    expect(bobs.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    expect(bobs.data?.createGroup).not.toEqual(alices.data?.createGroup);
    expect(await callsTo(fixture, '/group/create.json')).toBe(2);
  });

  it('answers a repeated addGroupMembers with the first result, joining once', async () => {
    const fixture = await gateway();
    await fixture.response.createGroup({ groupId: 'club', name: 'Club' }, { as: 'alice' });
    const request = { groupId: 'club', userIds: ['bob', 'carol'], idempotencyKey: 'add-1' };
    const first = await fixture.response.addGroupMembers(request, { as: 'alice' });
    const second = await fixture.response.addGroupMembers(request, { as: 'alice' });
    const reused = await fixture.response.addGroupMembers({ ...request, userIds: ['dave'] }, { as: 'alice' });

    expect(first.data?.addGroupMembers).toMatchObject({ addedUserIds: ['bob', 'carol'], group: { memberCount: 3 } });
    expect(second.data?.addGroupMembers).toEqual(first.data?.addGroupMembers);
    expect(reused.data?.addGroupMembers).toMatchObject({ __typename: 'IdempotencyKeyReusedError' });
    expect(await callsTo(fixture, '/group/join.json')).toBe(1);
  });

  it('forgets the key of a change that was undone, so a retry with it acts', async () => {
    const emulator = await startFixtureEmulator();
    const url = emulator.url;
    await emulator.close();
    const fixture = await gateway({ emulator, config: { requestDeadlineMs: 500 } });
    const request = { input: { groupId: 'later', name: 'Later', idempotencyKey: 'retry-me' } };
    const unreachable = await fixture.response.createGroup(request.input, { as: 'alice' });
    expect(unreachable.data?.createGroup).toMatchObject({ __typename: 'UpstreamError', retryable: true });

    // The IM Service comes back at the same address; the client retries with the same key.
    const revived = await startFixtureEmulator({ port: Number(new URL(url).port) });
    try {
      const retried = await fixture.response.createGroup(request.input, { as: 'alice' });
      expect(retried.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { groupId: 'later' } });
    } finally {
      await revived.close();
    }
  });

  it('remembers keys for 24 hours, then forgets them', async () => {
    const fixture = await gateway();
    await fixture.response.createGroup({ name: 'Old', idempotencyKey: 'aging' }, { as: 'alice' });
    const dayLater = Date.now() + 24 * 60 * 60 * 1000;
    expect(await fixture.app.service.sweepIdempotencyKeys(dayLater - 60_000)).toBe(0);
    expect(await fixture.app.service.sweepIdempotencyKeys(dayLater + 1000)).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { findDrift, repairDrift, type Drift, type ReconcileDeps } from '../../src/groups/reconcile.js';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { clientFor, emulatorGroup, startFixtureEmulator } from '../fixtures/im.js';
import { storeTargets, type FreshDatabase } from '../fixtures/stores.js';

const sorted = (members: string[] | undefined) => [...(members ?? [])].sort();

/**
 * Reconcile reads a group, compares it with the IM Service, then repairs: a change made through the
 * gateway in between (a dismissal, a member added) must not be undone by the stale comparison.
 */
describe.each(storeTargets().map((target) => [target.dialect, target] as const))('reconcile against changes made during its walk (%s)', (_, target) => {
  let emulator: RunningEmulator;
  let database: FreshDatabase;
  let fixture: GatewayKit;
  let deps: ReconcileDeps;

  beforeAll(async () => {
    if (target.skip) return;
    database = await target.fresh();
    emulator = await startFixtureEmulator();
    fixture = await startKit({ emulator, config: { databaseUrl: database.url } });
    deps = { store: fixture.app.store, im: fixture.app.im, events: fixture.app.events, ...fixture.app.repositories };
  }, 30_000);
  afterAll(async () => {
    if (target.skip) return;
    await fixture.close();
    await emulator.close();
    await database.drop();
  });

  async function create(groupId: string, memberIds: string[]): Promise<void> {
    const created = await fixture.response.createGroup({ groupId, name: groupId, memberIds }, { as: 'alice' });
    expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    await eventually(async () => (await deps.groups.findById(deps.store.db, groupId))?.syncStatus === 'SYNCED');
  }

  /** Walks every group and answers the drift found for `groupId`, as `npm run reconcile` would before repairing. */
  async function driftOf(groupId: string): Promise<Drift> {
    const found: Drift[] = [];
    for await (const drift of findDrift(deps)) found.push(drift);
    const drift = found.find((candidate) => candidate.groupId === groupId);
    expect(drift).toBeDefined();
    return drift!;
  }

  it.skipIf(target.skip)('does not re-create a group dismissed after the walk read it', async () => {
    await create('doomed', ['bob', 'carol']);
    // The IM Service loses the group behind the gateway's back: the walk sees it "lost".
    const im = clientFor([emulator.url]);
    await im.client.dismissGroup({ groupId: 'doomed', operatorUserId: 'alice' });
    await im.close();
    const drift = await driftOf('doomed');
    expect(drift.lost).toBe(true);

    // Between the walk and the repair, the owner dismisses the group through the gateway.
    expect((await fixture.response.dismissGroup({ groupId: 'doomed' }, { as: 'alice' })).data?.dismissGroup.__typename).toBe('DismissGroupSuccess');
    await eventually(async () => (await deps.groups.findById(deps.store.db, 'doomed'))?.syncStatus === 'SYNCED');

    expect(await repairDrift(deps, drift)).toBe(false);
    await eventually(async () => (await deps.outbox.backlog()).pending === 0);
    expect(await emulatorGroup(emulator, 'doomed')).toBeNull();
    const stored = await deps.groups.findById(deps.store.db, 'doomed');
    expect(stored?.dismissedAt).not.toBeNull();
    expect(stored?.syncStatus).toBe('SYNCED');
  });

  it.skipIf(target.skip)('does not quit a member added after the walk read the group', async () => {
    await create('club', ['bob']);
    // carol joined at the IM Service behind the gateway's back: the walk would quit her.
    const im = clientFor([emulator.url]);
    await im.client.joinGroup({ groupId: 'club', userIds: ['carol'] });
    await im.close();
    const drift = await driftOf('club');
    expect(drift.extraAtIm).toEqual(['carol']);

    // Then she is added through the gateway, before the repair: she is a member now, by the store too.
    expect((await fixture.response.addGroupMembers({ groupId: 'club', userIds: ['carol'] }, { as: 'alice' })).data?.addGroupMembers.__typename).toBe('AddGroupMembersSuccess');
    await eventually(async () => (await deps.groups.findById(deps.store.db, 'club'))?.syncStatus === 'SYNCED');

    expect(await repairDrift(deps, drift)).toBe(false);
    await eventually(async () => (await deps.outbox.backlog()).pending === 0);
    expect(sorted((await emulatorGroup(emulator, 'club'))?.members)).toEqual(['alice', 'bob', 'carol']);
    expect(sorted(await deps.members.userIdsOf('club'))).toEqual(['alice', 'bob', 'carol']);
  });

  it.skipIf(target.skip)('still repairs a group nothing changed since the walk read it', async () => {
    await create('steady', ['bob']);
    const im = clientFor([emulator.url]);
    await im.client.joinGroup({ groupId: 'steady', userIds: ['ghost'] });
    await im.close();
    const drift = await driftOf('steady');
    expect(await repairDrift(deps, drift)).toBe(true);
    await eventually(async () => (await deps.groups.findById(deps.store.db, 'steady'))?.syncStatus === 'SYNCED');
    expect(sorted((await emulatorGroup(emulator, 'steady'))?.members)).toEqual(['alice', 'bob']);
  });
});

import { beforeAll, expect, it } from 'vitest';
import { findDrift, repairDrift, type Drift, type ReconcileDeps } from '../../src/groups/reconcile.js';
import { eventually } from '../fixtures/gateway.js';
import { describeEachStore } from '../fixtures/stores.js';
import { emulatorModeration } from '../kit/emulator.js';
import { ADMIN, groupWithRoles, MEMBER, OWNER } from '../kit/factories.js';
import { useStoreGateway, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * Reconcile compares who may speak too (src/groups/reconcile-moderation.ts): the IM Service's
 * ban, whitelist and gags against the store, and repairs them through the outbox. Drift is made
 * behind the gateway's back with the IM client's own calls, as an operator's mistake would be.
 */
describeEachStore('reconcile, for who may speak', (target) => {
  const gateway = useStoreGateway(target);
  let kit: GatewayKit;
  let deps: ReconcileDeps;
  beforeAll(() => {
    kit = gateway();
    deps = { store: kit.app.store, im: kit.app.im, ...kit.app.repositories, events: kit.app.events };
  });

  /** Reconcile compares settled groups only: wait until the set-up's changes have all reached the IM Service. */
  async function idle(): Promise<void> {
    const db = kit.app.store.db;
    await eventually(async () => (await db.selectFrom('outbox').select('id').where('status', '=', 'PENDING').execute()).length === 0);
  }

  async function drifts(): Promise<Drift[]> {
    await idle();
    const found: Drift[] = [];
    for await (const drift of findDrift(deps)) found.push(drift);
    return found;
  }

  it('finds nothing to repair where the IM Service agrees (muted groups and members included)', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    await kit.must.setGroupMuted({ groupId, muted: true }, { as: OWNER });
    await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 15 }, { as: OWNER });
    expect((await drifts()).filter((drift) => drift.groupId === groupId)).toEqual([]);
  });

  it('repairs a lifted ban, a wrong whitelist, a lifted gag and a stray one', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    await kit.must.setGroupMuted({ groupId, muted: true }, { as: OWNER });
    await kit.must.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 15 }, { as: OWNER });
    await idle();
    const { moderation } = kit.app.im;
    await moderation.unbanGroups([groupId]);
    await moderation.unwhitelistMembers({ groupId, userIds: [ADMIN] });
    await moderation.whitelistMembers({ groupId, userIds: [MEMBER] });
    await moderation.ungagMembers({ groupId, userIds: [MEMBER] });
    await moderation.gagMembers({ groupId, userIds: [ADMIN], minutes: 5 });

    const [drift, ...others] = (await drifts()).filter((found) => found.groupId === groupId);
    expect(others).toEqual([]);
    expect(drift?.moderation).toEqual({
      mutedHere: true,
      whitelistMissing: [ADMIN],
      whitelistExtra: [MEMBER],
      gagMissing: [{ userId: MEMBER, until: expect.any(Number) }],
      gagExtra: [ADMIN],
    });
    expect(await repairDrift(deps, drift!)).toBe(true);
    await eventually(async () => (await kit.group({ groupId }, { as: OWNER })).data?.group?.syncStatus === 'SYNCED');

    const atIm = await emulatorModeration(kit.emulator, groupId);
    expect({ ...atIm, whitelist: atIm.whitelist.sort(), gagged: atIm.gagged.map((gag) => gag.userId) }).toEqual({
      groupId,
      banned: true,
      whitelist: [ADMIN, OWNER].sort(),
      gagged: [MEMBER],
    });
    expect((await drifts()).filter((found) => found.groupId === groupId)).toEqual([]);
  });

  it('lifts a ban and empties the whitelist of a group that speaks in the store', async () => {
    const groupId = await groupWithRoles(kit, { notify: false });
    await idle();
    await kit.app.im.moderation.whitelistMembers({ groupId, userIds: [OWNER] });
    await kit.app.im.moderation.banGroups([groupId]);
    const [drift] = (await drifts()).filter((found) => found.groupId === groupId);
    expect(drift?.moderation).toMatchObject({ mutedHere: false, whitelistExtra: [OWNER] });
    await repairDrift(deps, drift!);
    await eventually(async () => (await kit.group({ groupId }, { as: OWNER })).data?.group?.syncStatus === 'SYNCED');
    expect(await emulatorModeration(kit.emulator, groupId)).toEqual({ groupId, banned: false, whitelist: [], gagged: [] });
  });
});

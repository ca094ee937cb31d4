import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually } from '../fixtures/gateway.js';
import { emulatorLog, startFixtureEmulator } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';
import { imRemarks, noticeFigures, storeNicknames } from '../kit/convergence.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * Nicknames (the IM Service's push aliases) and announcements (Bulletin notices) under the fault
 * mix: 500s, 504s, hangs and a 1008 storm. Every request is answered; once the faults stop, every
 * group is SYNCED, the IM Service holds exactly the store's nicknames as push aliases, and no
 * Bulletin notice was published twice.
 */

const GROUPS = 30;
const WORKERS = 12;

function shouldRetry(typename: string | undefined, retryable?: boolean): boolean {
  return typename === undefined || typename === 'RateLimitedError' || (typename === 'UpstreamError' && retryable === true);
}

async function inParallel(tasks: Array<() => Promise<void>>, workers: number): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: workers }, async () => {
    while (next < tasks.length) await tasks[next++]!();
  }));
}

describeEachStore('profiles under IM faults', (target) => {
  let emulator: RunningEmulator;
  let kit: GatewayKit;
  let database: FreshDatabase;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    emulator = await startFixtureEmulator({ seed: 11 });
    database = await target.fresh();
    kit = await startKit({
      emulator,
      config: {
        databaseUrl: database.url,
        im: { appKey: emulator.appKey, appSecret: emulator.appSecret, baseUrls: [emulator.url] },
        imCallTimeoutMs: 250,
        requestDeadlineMs: 1500,
        outbox: { leaseMs: 3000, pollMs: 100 },
      },
    });
    for (let i = 0; i < GROUPS; i++) {
      await kit.must.createGroup({ groupId: `prof${i}`, name: `Profile ${i}`, memberIds: [`a${i}`, `b${i}`], notify: false }, { as: `owner${i}` });
    }
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await kit.close();
    await emulator.close();
    await database.drop();
  });

  /** Sends one change until it is answered with something other than "try again" (the same idempotency key each time). */
  async function until(send: () => Promise<{ __typename: string; retryable?: boolean } | undefined>, what: string): Promise<void> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const answer = await send();
      if (answer?.__typename.endsWith('Success')) return;
      if (!shouldRetry(answer?.__typename, answer?.retryable)) throw new Error(`${what} answered ${JSON.stringify(answer)}`);
      await sleep(100);
    }
    throw new Error(`${what} never succeeded`);
  }

  it('answers every request, then the push aliases equal the nicknames and no Bulletin went twice', async () => {
    emulator.setFaults({ error500Rate: 0.1, timeout504Rate: 0.05, hangRate: 0.02 });
    const storm = (async () => {
      await sleep(300);
      emulator.setFaults({ rateLimitedRate: 0.5 });
      await sleep(1000);
      emulator.setFaults({ rateLimitedRate: 0 });
    })();
    const tasks = Array.from({ length: GROUPS }, (_, i) => [
      // Each member names themself, one renames, the owner clears one, an admin-less group posts an announcement.
      () => until(async () => (await kit.response.setGroupMemberNickname({ groupId: `prof${i}`, nickname: `A ${i}`, idempotencyKey: `na-${i}` }, { as: `a${i}` })).data?.setGroupMemberNickname, `nick a${i}`),
      () => until(async () => (await kit.response.setGroupMemberNickname({ groupId: `prof${i}`, nickname: `B ${i}`, idempotencyKey: `nb-${i}` }, { as: `b${i}` })).data?.setGroupMemberNickname, `nick b${i}`),
      () => until(async () => (await kit.response.setGroupMemberNickname({ groupId: `prof${i}`, nickname: `Owner ${i}`, idempotencyKey: `no-${i}` }, { as: `owner${i}` })).data?.setGroupMemberNickname, `nick owner${i}`),
      () => until(async () => (await kit.response.updateGroup({ groupId: `prof${i}`, announcement: `News ${i}`, idempotencyKey: `an-${i}` }, { as: `owner${i}` })).data?.updateGroup, `announce ${i}`),
    ]).flat();
    await inParallel(tasks, WORKERS);
    const clears = Array.from({ length: GROUPS / 2 }, (_, i) => () =>
      until(async () => (await kit.response.setGroupMemberNickname({ groupId: `prof${i}`, userId: `b${i}`, nickname: null, idempotencyKey: `clear-${i}` }, { as: `owner${i}` })).data?.setGroupMemberNickname, `clear b${i}`),
    );
    await inParallel(clears, WORKERS);
    await storm;

    emulator.setFaults({ error500Rate: 0, timeout504Rate: 0, hangRate: 0 });
    const db = kit.app.store.db;
    await eventually(async () => (await db.selectFrom('outbox').select('id').where('status', '=', 'PENDING').execute()).length === 0, 30_000, 200);

    const groups = await db.selectFrom('groups').select(['group_id', 'sync_status']).execute();
    expect(groups.filter((group) => group.sync_status !== 'SYNCED')).toEqual([]);
    const nicknames = await storeNicknames(db);
    expect(Object.keys(nicknames)).toHaveLength(GROUPS * 3 - GROUPS / 2);
    expect(await imRemarks(emulator.url)).toEqual(nicknames);
    const figures = await noticeFigures(emulator.url);
    expect(figures.duplicates).toBe(0);
    expect(unhandled).toEqual([]);

    // The faults did happen.
    const codes = new Set((await emulatorLog(emulator)).filter((entry) => entry.path.startsWith('/group/remarks/')).map((entry) => entry.code));
    for (const code of [1000, 1008, 200]) expect(codes).toContain(code);
  }, 120_000);
});

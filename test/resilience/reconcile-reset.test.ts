import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually } from '../fixtures/gateway.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { clientFor, emulatorGroup, startFixtureEmulator } from '../fixtures/im.js';
import { storeTargets, type FreshDatabase } from '../fixtures/stores.js';
import { resetEmulator } from '../kit/emulator.js';

/** Runs `npm run reconcile` as an operator would; answers the exit code, the output and the JSON summary (the last line). */
function runReconcile(env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; stdout: string; summary: Record<string, unknown> }>((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['src/reconcile.ts', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.resume();
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '{}';
      resolve({ code, stdout, summary: JSON.parse(last.startsWith('{') ? last : '{}') as Record<string, unknown> });
    });
  });
}

const sorted = (members: string[] | undefined) => [...(members ?? [])].sort();

describe.each(storeTargets().map((target) => [target.dialect, target] as const))('reconcile after the IM Service lost everything (%s)', (_, target) => {
  let emulator: RunningEmulator;
  let database: FreshDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (target.skip) return;
    database = await target.fresh({ reopenable: true });
    emulator = await startFixtureEmulator();
    // One row tried once only, so that a code 1000 storm leaves a FAILED group behind quickly.
    const fixture = await startKit({ emulator, config: { databaseUrl: database.url, outbox: { leaseMs: 15_000, pollMs: 100, maxAttempts: 1 } } });
    try {
      for (const [groupId, name, memberIds] of [
        ['alpha', 'Alpha club', ['bob', 'carol']],
        ['beta', 'Beta', ['dave']],
        ['gamma', 'Gamma', ['erin']],
      ] as const) {
        const created = await fixture.response.createGroup({ groupId, name, memberIds: [...memberIds] }, { as: 'alice' });
        expect(created.data?.createGroup.__typename).toBe('CreateGroupSuccess');
      }
      expect((await fixture.response.updateGroup({ groupId: 'beta', name: 'Beta renamed' }, { as: 'alice' })).data?.updateGroup.__typename).toBe('UpdateGroupSuccess');
      expect((await fixture.response.dismissGroup({ groupId: 'gamma' }, { as: 'alice' })).data?.dismissGroup.__typename).toBe('DismissGroupSuccess');
      emulator.setFaults({ code1000Groups: ['broken'], code1000Status: 200 });
      const broken = await fixture.response.createGroup({ groupId: 'broken', name: 'Broken', memberIds: ['frank'] }, { as: 'alice' });
      expect(broken.data?.createGroup.__typename).toBe('CreateGroupSuccess');
      // Everything settled (on a slow machine an answer may have come back PENDING) before the gateway stops.
      await eventually(async () => {
        const rows = await fixture.app.store.db.selectFrom('groups').select(['group_id', 'sync_status']).orderBy('group_id').execute();
        return JSON.stringify(rows) === JSON.stringify([
          { group_id: 'alpha', sync_status: 'SYNCED' },
          { group_id: 'beta', sync_status: 'SYNCED' },
          { group_id: 'broken', sync_status: 'FAILED' },
          { group_id: 'gamma', sync_status: 'SYNCED' },
        ]);
      }, 20_000);
      emulator.setFaults({ code1000Groups: [] });
    } finally {
      await fixture.close();
    }
    // The IM Service loses everything; then the dismissed group comes back there behind the gateway's back.
    await resetEmulator(emulator);
    const im = clientFor([emulator.url]);
    await im.client.createGroup({ groupId: 'gamma', groupName: 'Gamma', userIds: ['erin'] });
    await im.close();
    env = {
      DATABASE_URL: database.url,
      IM_APP_KEY: emulator.appKey,
      IM_APP_SECRET: emulator.appSecret,
      IM_API_URLS: emulator.url,
      AUTH_MODE: 'dev',
      LOG_LEVEL: 'silent',
    };
  }, 60_000);
  afterAll(async () => {
    if (target.skip) return;
    await emulator.close();
    await database.drop();
  });

  it.skipIf(target.skip)('restores names and memberships, dismisses what was dismissed, and reports the FAILED group apart', async () => {
    const dry = await runReconcile(env, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.summary).toMatchObject({ dryRun: true, groupsChecked: 3, groupsDrifted: 3, recreated: 2, dismissed: 1, renamed: 0, pending: 0, failed: 1 });
    expect(dry.stdout).toContain('alpha: lost by the IM Service: create it again as "Alpha club"');
    expect(dry.stdout).toContain('gamma: dismissed here, alive at the IM Service: dismiss it there');
    expect(dry.stdout).toMatch(/broken: FAILED, left for an operator \(gave up after 1 attempts: .*code 1000/);
    expect(await emulatorGroup(emulator, 'alpha')).toBeNull();

    const repair = await runReconcile(env);
    expect(repair.code).toBe(0);
    expect(repair.summary).toMatchObject({ dryRun: false, recreated: 2, dismissed: 1, failed: 1, drained: true });
    expect(await emulatorGroup(emulator, 'alpha')).toMatchObject({ name: 'Alpha club' });
    expect(sorted((await emulatorGroup(emulator, 'alpha'))?.members)).toEqual(['alice', 'bob', 'carol']);
    expect(await emulatorGroup(emulator, 'beta')).toMatchObject({ name: 'Beta renamed' });
    expect(sorted((await emulatorGroup(emulator, 'beta'))?.members)).toEqual(['alice', 'dave']);
    expect(await emulatorGroup(emulator, 'gamma')).toBeNull();
    expect(await emulatorGroup(emulator, 'broken')).toBeNull();
  }, 60_000);

  it.skipIf(target.skip)('refreshes a name changed behind its back, then repairs the FAILED group when asked', async () => {
    const im = clientFor([emulator.url]);
    await im.client.refreshGroup({ groupId: 'alpha', groupName: 'Hacked' });
    await im.close();
    const renamed = await runReconcile(env);
    expect(renamed.summary).toMatchObject({ groupsDrifted: 1, renamed: 1, recreated: 0, failed: 1, drained: true });
    expect(renamed.stdout).toContain('alpha: named "Hacked" at the IM Service: rename it "Alpha club"');
    expect((await emulatorGroup(emulator, 'alpha'))?.name).toBe('Alpha club');

    const operator = await runReconcile(env, ['--include-failed']);
    expect(operator.summary).toMatchObject({ recreated: 1, failedRepaired: 1, failed: 0, drained: true });
    expect(await emulatorGroup(emulator, 'broken')).toMatchObject({ name: 'Broken' });
    expect(sorted((await emulatorGroup(emulator, 'broken'))?.members)).toEqual(['alice', 'frank']);

    const clean = await runReconcile(env, ['--dry-run']);
    expect(clean.summary).toMatchObject({ groupsChecked: 4, groupsDrifted: 0, failed: 0, pending: 0 });
  }, 60_000);
});

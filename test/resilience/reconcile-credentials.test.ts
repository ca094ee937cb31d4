import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { openStore } from '../../src/groups/store/database.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { storeTargets, type FreshDatabase } from '../fixtures/stores.js';

/** Runs `npm run reconcile` as an operator would: the exit code and both outputs. */
function runReconcile(env: Record<string, string>, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('node_modules/.bin/tsx', ['src/reconcile.ts', ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Real pending work must never go to a throwaway emulator: without IM credentials reconcile
 * refuses to run, and a dry run sends nothing, not even rows already pending.
 */
describe.each(storeTargets().map((target) => [target.dialect, target] as const))('reconcile without IM credentials (%s)', (_, target) => {
  let database: FreshDatabase;
  let emulator: RunningEmulator;
  let env: Record<string, string>;

  /** The outbox row and the group, as the store holds them now. */
  async function storedState() {
    const store = await openStore(database.url);
    try {
      const rows = await store.db.selectFrom('outbox').select(['kind', 'status', 'attempts']).where('group_id', '=', 'waiting').execute();
      const group = await store.db.selectFrom('groups').select('sync_status').where('group_id', '=', 'waiting').executeTakeFirst();
      return { rows, syncStatus: group?.sync_status };
    } finally {
      await store.close();
    }
  }

  beforeAll(async () => {
    if (target.skip) return;
    database = await target.fresh({ reopenable: true });
    // The real IM Service is down when the group is created: its createGroup row stays PENDING.
    emulator = await startFixtureEmulator();
    emulator.setFaults({ error500Rate: 1 });
    const fixture = await startKit({ emulator, config: { databaseUrl: database.url } });
    try {
      const created = await fixture.response.createGroup({ groupId: 'waiting', name: 'Waiting', memberIds: ['bob'] }, { as: 'alice' });
      expect(created.data?.createGroup).toMatchObject({ __typename: 'CreateGroupSuccess', group: { syncStatus: 'PENDING' } });
    } finally {
      await fixture.close();
    }
    // Due now: any dispatcher that starts would send it at once.
    const store = await openStore(database.url);
    await store.db.updateTable('outbox').set({ next_attempt_at: 0, locked_until: null }).execute();
    await store.close();
    env = { DATABASE_URL: database.url, AUTH_MODE: 'dev', LOG_LEVEL: 'silent' };
  }, 30_000);
  afterAll(async () => {
    if (target.skip) return;
    await emulator.close();
    await database.drop();
  });

  it.skipIf(target.skip)('refuses to run, exit 2, saying why, and leaves the pending row alone', async () => {
    const before = await storedState();
    expect(before.syncStatus).toBe('PENDING');
    for (const args of [['--dry-run'], [], ['--include-failed']]) {
      const run = await runReconcile(env, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('IM_APP_KEY');
      expect(run.stderr).toContain('--against-fresh-emulator');
    }
    expect(await storedState()).toEqual(before);
  }, 60_000);

  it.skipIf(target.skip)('with --against-fresh-emulator, a dry run still sends nothing already pending', async () => {
    const before = await storedState();
    const run = await runReconcile(env, ['--dry-run', '--against-fresh-emulator']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('fresh embedded emulator');
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ dryRun: true, pending: 1 });
    expect(await storedState()).toEqual(before);
    expect(before.rows).toContainEqual(expect.objectContaining({ kind: 'createGroup', status: 'PENDING' }));
  }, 60_000);
});

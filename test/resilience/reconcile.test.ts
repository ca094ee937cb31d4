import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { clientFor, emulatorGroup, emulatorLog, startFixtureEmulator } from '../fixtures/im.js';
import { imRemark } from '../kit/observe.js';

/** Runs `npm run reconcile` as an operator would, against the same database and IM Service. */
function runReconcile(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/reconcile.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run reconcile', () => {
  let emulator: RunningEmulator;
  let fixture: GatewayKit;
  let directory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'reconcile-'));
    const databaseUrl = join(directory, 'gateway.sqlite');
    emulator = await startFixtureEmulator();
    fixture = await startKit({ emulator, config: { databaseUrl } });
    for (const [groupId, memberIds] of [
      ['intact', ['bob']],
      ['lost', ['bob', 'carol']],
      ['haunted', ['dave']],
      ['aliased', ['bob']],
    ] as const) {
      const response = await fixture.response.createGroup({ groupId, name: groupId, memberIds: [...memberIds] }, { as: 'alice' });
      expect(response.data?.createGroup.__typename).toBe('CreateGroupSuccess');
    }
    await fixture.must.setGroupMemberNickname({ groupId: 'aliased', nickname: 'Bobby' }, { as: 'bob' });
    await fixture.must.setGroupMemberNickname({ groupId: 'intact', nickname: 'Bob in intact' }, { as: 'bob' });
    await fixture.close();
    // Drift behind the gateway's back: carol vanished from one IM group, a ghost appeared in another.
    const im = clientFor([emulator.url]);
    await im.client.quitGroup({ groupId: 'lost', userIds: ['carol'] });
    await im.client.joinGroup({ groupId: 'haunted', userIds: ['ghost'] });
    // And bob's push alias in one group was lost.
    await im.client.deleteGroupRemark({ groupId: 'aliased', userId: 'bob' });
    await im.close();
    env = {
      DATABASE_URL: databaseUrl,
      IM_APP_KEY: emulator.appKey,
      IM_APP_SECRET: emulator.appSecret,
      IM_API_URLS: emulator.url,
      AUTH_MODE: 'dev',
      LOG_LEVEL: 'silent',
    };
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('prints the differences with --dry-run and changes nothing', async () => {
    const before = (await emulatorLog(emulator)).length;
    const { code, stdout } = await runReconcile(env, ['--dry-run']);

    expect(code).toBe(0);
    expect(stdout).toContain('lost: missing at the IM Service [carol], extra at the IM Service []');
    expect(stdout).toContain('haunted: missing at the IM Service [], extra at the IM Service [ghost]');
    expect(stdout).toContain(`aliased: bob's push alias differs at the IM Service: set it to "Bobby"`);
    expect(stdout).not.toContain('intact:');
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ dryRun: true, groupsChecked: 4, groupsDrifted: 3, pushAliases: 1 });
    const calls = (await emulatorLog(emulator)).slice(before).map((entry) => entry.path);
    // Reads only: members of each group, and a member's group list for the name.
    expect(calls.every((path) => ['/group/user/query.json', '/user/group/query.json', '/group/remarks/get.json'].includes(path))).toBe(true);
    expect(await imRemark(emulator, 'aliased', 'bob')).toBeNull();
    expect((await emulatorGroup(emulator, 'lost'))?.members).toEqual(['alice', 'bob']);
  });

  it('repairs the differences through the outbox, after which nothing differs', async () => {
    const repair = await runReconcile(env);
    expect(repair.code).toBe(0);
    expect(JSON.parse(repair.stdout.trim().split('\n').at(-1)!)).toMatchObject({ dryRun: false, groupsDrifted: 3, pushAliases: 1, drained: true });
    expect(await imRemark(emulator, 'aliased', 'bob')).toBe('Bobby');
    expect((await emulatorGroup(emulator, 'lost'))?.members.sort()).toEqual(['alice', 'bob', 'carol']);
    expect((await emulatorGroup(emulator, 'haunted'))?.members.sort()).toEqual(['alice', 'dave']);

    const again = await runReconcile(env, ['--dry-run']);
    expect(JSON.parse(again.stdout.trim().split('\n').at(-1)!)).toMatchObject({ groupsChecked: 4, groupsDrifted: 0 });
  });
});

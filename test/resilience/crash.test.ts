import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { graphql } from '../generated/index.js';
import { eventually } from '../fixtures/gateway.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { freePort, freshDir, killHard, spawnGateway, waitForLog, type GatewayProcess } from '../fixtures/process.js';

const Create = graphql(`
  mutation CrashCreate($input: CreateGroupInput!) {
    createGroup(input: $input, notify: false) {
      __typename
      ... on CreateGroupSuccess {
        group {
          groupId
        }
      }
    }
  }
`);

const BURST = 60;

interface Scene {
  emulator: RunningEmulator;
  env: Record<string, string>;
  url: string;
  databaseUrl: string;
}

const emulators: RunningEmulator[] = [];
afterEach(async () => {
  for (const emulator of emulators.splice(0)) await emulator.close();
});

/** An IM Service that outlives the gateway, and the environment a gateway process needs to use it. */
async function scene(): Promise<Scene> {
  // Latency keeps requests in flight long enough for the signal to land among them.
  const emulator = await startFixtureEmulator({ faults: { latencyMs: 40 } });
  emulators.push(emulator);
  const port = await freePort();
  const databaseUrl = join(freshDir(), 'gateway.sqlite');
  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    IM_APP_KEY: emulator.appKey,
    IM_APP_SECRET: emulator.appSecret,
    IM_API_URLS: emulator.url,
    AUTH_MODE: 'dev',
    OUTBOX_LEASE_MS: '2000',
    OUTBOX_POLL_MS: '100',
    LOG_LEVEL: 'info',
  };
  return { emulator, env, url: `http://127.0.0.1:${port}/graphql`, databaseUrl };
}

async function startAndWait(env: Record<string, string>): Promise<GatewayProcess> {
  const gateway = spawnGateway(env);
  await waitForLog(gateway, 'gateway ready');
  return gateway;
}

/** One createGroup over HTTP; null when the connection failed (the process died under it). */
async function create(url: string, i: number): Promise<string | null> {
  const input = { groupId: `crash${i}`, name: `Crash ${i}`, memberIds: [`u${i}`], idempotencyKey: `crash-${i}` };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
      body: JSON.stringify({ query: print(Create), variables: { input } }),
    });
    const body = (await response.json()) as { data?: { createGroup?: { __typename: string } } };
    return body.data?.createGroup?.__typename ?? `HTTP ${response.status}`;
  } catch {
    return null;
  }
}

/** The store, read from outside the process (SQLite in WAL mode lets a reader in). */
function readStore(databaseUrl: string) {
  const db = new SQLite(databaseUrl, { readonly: true });
  try {
    const groups = db.prepare('select group_id, name, sync_status from groups').all() as Array<{ group_id: string; name: string; sync_status: string }>;
    const members = db.prepare('select group_id, user_id from group_members').all() as Array<{ group_id: string; user_id: string }>;
    const pending = (db.prepare("select count(*) as n from outbox where status = 'PENDING'").get() as { n: number }).n;
    return { groups, members, pending };
  } finally {
    db.close();
  }
}

/** Every group in the store exists at the IM Service with the same name and members, and nothing else does. */
async function expectStoreEqualsIm(s: Scene): Promise<string[]> {
  const store = readStore(s.databaseUrl);
  const response = await fetch(`${s.emulator.url}/_emulator/groups`);
  const im = ((await response.json()) as { groups: Array<{ groupId: string; name: string; members: string[] }> }).groups;
  const fromStore = store.groups
    .map((group) => ({
      groupId: group.group_id,
      name: group.name,
      members: store.members.filter((m) => m.group_id === group.group_id).map((m) => m.user_id).sort(),
    }))
    .sort((a, b) => a.groupId.localeCompare(b.groupId));
  const fromIm = im.map((group) => ({ ...group, members: [...group.members].sort() })).sort((a, b) => a.groupId.localeCompare(b.groupId));
  expect(store.groups.every((group) => group.sync_status === 'SYNCED')).toBe(true);
  expect(fromIm).toEqual(fromStore);
  return fromStore.map((group) => group.groupId);
}

async function drained(databaseUrl: string): Promise<boolean> {
  return readStore(databaseUrl).pending === 0;
}

describe('a gateway process that dies', () => {
  it('killed with SIGKILL mid-burst: after a restart the outbox drains and nothing is lost or doubled', { timeout: 90_000 }, async () => {
    const s = await scene();
    const first = await startAndWait(s.env);
    let answeredSoFar = 0;
    const answers = Array.from({ length: BURST }, (_, i) => create(s.url, i).finally(() => answeredSoFar++));
    // Kill once some requests are answered and the rest are still in flight.
    await eventually(async () => answeredSoFar >= 10, 20_000, 5);
    killHard(first);
    const beforeCrash = await Promise.all(answers);
    const succeeded = beforeCrash.flatMap((answer, i) => (answer === 'CreateGroupSuccess' ? [`crash${i}`] : []));
    expect(succeeded.length).toBeGreaterThan(0);
    expect(beforeCrash.some((answer) => answer === null)).toBe(true);
    // The dead process left work behind: rows written, never sent (or never marked sent).
    expect(readStore(s.databaseUrl).pending).toBeGreaterThan(0);

    const second = await startAndWait(s.env);
    // The client retries what got no answer, with the same idempotency keys.
    const retried = await Promise.all(beforeCrash.map((answer, i) => (answer === 'CreateGroupSuccess' ? answer : create(s.url, i))));
    expect(retried.every((answer) => answer === 'CreateGroupSuccess')).toBe(true);

    await eventually(() => drained(s.databaseUrl), 30_000, 200);
    const groups = await expectStoreEqualsIm(s);
    expect(groups).toHaveLength(BURST);
    for (const groupId of succeeded) expect(groups).toContain(groupId);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('sent SIGTERM mid-burst: answers the requests in flight, exits 0, and the outbox keeps the rest', { timeout: 90_000 }, async () => {
    const s = await scene();
    const first = await startAndWait(s.env);
    const answers = Array.from({ length: BURST }, (_, i) => create(s.url, i));
    await sleep(300);
    first.child.kill('SIGTERM');
    const results = await Promise.all(answers);
    expect(await first.exited).toBe(0);
    // Requests the server had accepted were answered, none cut off mid-way.
    const answered = results.filter((answer) => answer !== null);
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((answer) => answer === 'CreateGroupSuccess')).toBe(true);

    const second = await startAndWait(s.env);
    await eventually(() => drained(s.databaseUrl), 30_000, 200);
    const groups = await expectStoreEqualsIm(s);
    for (const [i, answer] of results.entries()) if (answer) expect(groups).toContain(`crash${i}`);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

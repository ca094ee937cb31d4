import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { eventually } from '../fixtures/gateway.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { describeEachStore, type FreshDatabase, type StoreTarget } from '../fixtures/stores.js';
import { mutationBody } from '../kit/client.js';
import { compare, imGroups, readStoreAt } from '../kit/convergence.js';
import { freePort, freshDir, killHard, spawnGateway, waitForLog, type GatewayProcess } from '../fixtures/process.js';

const BURST = 60;

interface Scene {
  emulator: RunningEmulator;
  env: Record<string, string>;
  url: string;
  databaseUrl: string;
}

const emulators: RunningEmulator[] = [];
const databases: FreshDatabase[] = [];
afterEach(async () => {
  for (const emulator of emulators.splice(0)) await emulator.close();
  for (const database of databases.splice(0)) await database.drop();
});

/** An IM Service that outlives the gateway, and the environment a gateway process needs to use it. */
async function scene(target: StoreTarget): Promise<Scene> {
  // Latency keeps requests in flight, their rows written and not yet sent, long enough for the
  // signal to land among them (at 40 ms a burst could be all answered or all unwritten when it lands).
  const emulator = await startFixtureEmulator({ faults: { latencyMs: 150 } });
  emulators.push(emulator);
  const port = await freePort();
  // A file (not :memory:) on SQLite, so that a second process finds what the first left.
  const database = target.dialect === 'sqlite' ? null : await target.fresh();
  if (database) databases.push(database);
  const databaseUrl = database?.url ?? join(freshDir(), 'gateway.sqlite');
  const env = {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    IM_APP_KEY: emulator.appKey,
    IM_APP_SECRET: emulator.appSecret,
    IM_API_URLS: emulator.url,
    AUTH_MODE: 'dev',
    // A publish starts only with a full call timeout before its claim ends: the lease must exceed it.
    IM_CALL_TIMEOUT_MS: '1000',
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
      body: JSON.stringify(mutationBody('createGroup', { ...input, notify: false })),
    });
    const body = (await response.json()) as { data?: { createGroup?: { __typename: string } } };
    return body.data?.createGroup?.__typename ?? `HTTP ${response.status}`;
  } catch {
    return null;
  }
}

/** Every group in the store exists at the IM Service with the same name and members, and nothing else does. */
async function expectStoreEqualsIm(s: Scene): Promise<string[]> {
  const store = await readStoreAt(s.databaseUrl);
  expect(store.notSynced).toEqual([]);
  expect(compare(store.groups, await imGroups(s.emulator.url))).toEqual({ mismatched: [], extraAtIm: [] });
  return store.groups.map((group) => group.groupId);
}

async function drained(databaseUrl: string): Promise<boolean> {
  return (await readStoreAt(databaseUrl)).pendingRows === 0;
}

describeEachStore('a gateway process that dies', (target) => {
  it('killed with SIGKILL mid-burst: after a restart the outbox drains and nothing is lost or doubled', { timeout: 90_000 }, async () => {
    const s = await scene(target);
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
    expect((await readStoreAt(s.databaseUrl)).pendingRows).toBeGreaterThan(0);

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
    const s = await scene(target);
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

/**
 * `npm run bench:events`: live events fanned out over SSE to 1000 concurrent subscribers on one
 * gateway process (SQLite, the emulator), against a baseline measured in the same run: a bare
 * Yoga server echoing a mutation to the same number of SSE subscribers through Yoga's in-memory
 * pub/sub (bench/events/echo-server.ts). Each subscriber is a member of one group and follows
 * `groupEvents`; the changes are `setGroupMemberRole` (no IM call: released at commit), made one
 * after another. Measured at the subscribers (bench/events/fanout.ts). The last line is JSON:
 * {"subscribers","eventsPerSecond","fanoutP50Ms","fanoutP99Ms","rssPerSubscriberKb","lost","events","baseline":{…}}
 * (`eventsPerSecond`: items delivered to subscribers per second). The bench's own process reads
 * the 1000 streams on the same machine: on a small one it is part of what is measured, for both.
 */
import '../src/runtime-check.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmulator } from '../src/emulator/index.js';
import { mutationBody } from '../test/kit/client.js';
import { freePort, spawnGateway, stopGateway, waitForLog } from '../test/kit/processes.js';
import { subscriptionBody } from '../test/kit/subscriptions.js';
import { measureFanout, type FanoutRun } from './events/fanout.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 100);
const GROUP = 'benchevents';
const OWNER = 'benchowner';
const subscriber = (i: number) => `sub${i}`;

const baseline = await runBaseline();
console.error(`baseline (bare Yoga echo): ${JSON.stringify(baseline)}`);
const gateway = await runGateway();
console.error(`gateway: ${JSON.stringify(gateway)}`);
console.log(JSON.stringify({ ...gateway, baseline }));

async function runGateway(): Promise<FanoutRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-events-'));
  const emulator = await startEmulator({ appKey: 'events', appSecret: randomBytes(16).toString('hex'), maxGroupMembers: 3000 });
  const port = await freePort();
  const gatewayProcess = spawnGateway({
    PORT: String(port),
    DATABASE_URL: join(dir, 'store.sqlite'),
    IM_APP_KEY: emulator.appKey,
    IM_APP_SECRET: emulator.appSecret,
    IM_API_URLS: emulator.url,
    AUTH_MODE: 'dev',
    LOG_LEVEL: 'info',
    OUTBOX_POLL_MS: '100',
    EVENT_MAX_STREAMS: String(SUBSCRIBERS + 100),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForLog(gatewayProcess, 'gateway ready', 60_000);
    const members = Array.from({ length: SUBSCRIBERS }, (_, i) => subscriber(i));
    await post(url, mutationBody('createGroup', { groupId: GROUP, name: 'Bench events', memberIds: members, notify: false }), OWNER);
    return await measureFanout({
      subscribers: SUBSCRIBERS,
      events: EVENTS,
      pid: gatewayProcess.child.pid!,
      baseUrl: url,
      subscribe: (i) => ({ body: subscriptionBody('groupEvents', { groupId: GROUP }), headers: { 'x-user-id': subscriber(i) } }),
      isEvent: (item) => typeOf(item, 'groupEvents') === 'MemberRoleChanged',
      change: (k) =>
        post(url, mutationBody('setGroupMemberRole', { groupId: GROUP, userId: subscriber(0), role: k % 2 === 0 ? 'ADMIN' : 'MEMBER' }), OWNER),
      allOpen: () => untilMetric(url, 'graphql_event_streams_open', SUBSCRIBERS),
    });
  } finally {
    await stopGateway(gatewayProcess);
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function runBaseline(): Promise<FanoutRun> {
  const port = await freePort();
  const echo = spawnGateway({ PORT: String(port) }, [process.execPath, '--import', 'tsx', 'bench/events/echo-server.ts']);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForLog(echo, 'echo ready', 30_000);
    let opened = 0;
    return await measureFanout({
      subscribers: SUBSCRIBERS,
      events: EVENTS,
      pid: echo.child.pid!,
      baseUrl: url,
      subscribe: () => {
        opened++;
        return { body: { query: 'subscription Echoes { echoes { seq text } }' }, headers: {} };
      },
      isEvent: (item) => typeOf(item, 'echoes') !== null,
      change: (k) => post(url, { query: 'mutation Echo($seq: Int!) { echo(seq: $seq, text: "x") }', variables: { seq: k } }),
      // The echo server has no gauge: its subscriptions are registered once their first ping arrived; give them a moment.
      allOpen: () => sleep(opened > 0 ? 1000 : 0),
    });
  } finally {
    await stopGateway(echo);
  }
}

function typeOf(item: unknown, field: string): string | null {
  const answer = (item as { data?: Record<string, { __typename?: string } | null> | null }).data?.[field];
  return answer ? (answer.__typename ?? 'answer') : null;
}

async function post(url: string, body: unknown, as?: string): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(as ? { 'x-user-id': as } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"') || /Error"/.test(text)) throw new Error(`change failed: ${text.slice(0, 500)}`);
}

async function untilMetric(url: string, name: string, atLeast: number): Promise<void> {
  const giveUpAt = Date.now() + 60_000;
  for (;;) {
    const text = await (await fetch(`${url}/metrics`)).text();
    const total = text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    if (total >= atLeast) return;
    if (Date.now() > giveUpAt) throw new Error(`${name} is ${total} after 60 s, not ${atLeast}`);
    await sleep(100);
  }
}

/**
 * `npm run bench:latency`: createGroup, `notify` on, as an open loop at 50 and then 100 requests
 * per second for 10 s each, against one gateway process on SQLite and the emulator with the IM
 * Service's real budgets (100 group calls and 20 publishes per second). Prints each phase's
 * latency (from each request's planned start), how many of its groups ended SYNCED, the rate at
 * which notices reached the IM Service and how long their backlog took to drain; the last line is
 * JSON: {"at50":{"p50Ms","p99Ms","synced"},"at100":{…},"noticesPerSecond","noticeBacklogAfterMs"}.
 */
import '../src/runtime-check.js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { startEmulator } from '../src/emulator/index.js';
import { freePort, spawnGateway, stopGateway, waitForLog } from '../test/kit/processes.js';
import { mutationBody } from '../test/kit/client.js';
import { openLoop } from './latency/open-loop.js';
import { drainOf, type Drain } from './latency/drain.js';

const SECONDS = 10;
const RATES = [50, 100] as const;

const dir = mkdtempSync(join(tmpdir(), 'bench-latency-'));
const emulator = await startEmulator({ appKey: 'latency', appSecret: randomBytes(16).toString('hex') });
const port = await freePort();
const gateway = spawnGateway({
  PORT: String(port),
  DATABASE_URL: join(dir, 'store.sqlite'),
  IM_APP_KEY: emulator.appKey,
  IM_APP_SECRET: emulator.appSecret,
  IM_API_URLS: emulator.url,
  AUTH_MODE: 'dev',
  LOG_LEVEL: 'info',
  OUTBOX_POLL_MS: '100',
});
const url = `http://127.0.0.1:${port}`;
const pool = new Pool(url, { connections: 256 });
const phases: Record<string, { p50Ms: number; p99Ms: number; synced: number; outcomes: Record<string, number>; drain: Drain }> = {};
try {
  await waitForLog(gateway, 'gateway ready', 60_000);
  for (const rate of RATES) {
    const groupIds = Array.from({ length: rate * SECONDS }, (_, i) => `lat${rate}x${i}`);
    console.error(`createGroup at ${rate}/s for ${SECONDS} s …`);
    const load = await openLoop(
      pool,
      rate,
      SECONDS,
      (i) => JSON.stringify(createBody(groupIds[i]!, i)),
      (i) => `owner${i % 50}`,
    );
    const drain = await drainOf(url, emulator, groupIds);
    phases[`at${rate}`] = { p50Ms: load.p50Ms, p99Ms: load.p99Ms, synced: drain.synced, outcomes: load.outcomes, drain };
    console.error(`  p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${JSON.stringify(load.outcomes)}; ${drain.synced}/${groupIds.length} SYNCED; notices ${drain.notices}, drained ${drain.drainedAfterMs} ms after the load`);
  }
} finally {
  await pool.close();
  await stopGateway(gateway);
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}

const drains = Object.values(phases).map((phase) => phase.drain);
const line = {
  at50: pick(phases.at50!),
  at100: pick(phases.at100!),
  noticesPerSecond: Math.max(...drains.map((drain) => drain.noticesPerSecond)),
  noticeBacklogAfterMs: Math.max(...drains.map((drain) => drain.drainedAfterMs)),
};
console.log(JSON.stringify(line));

function pick(phase: (typeof phases)[string]) {
  return { p50Ms: phase.p50Ms, p99Ms: phase.p99Ms, synced: phase.synced };
}

function createBody(groupId: string, i: number) {
  return mutationBody('createGroup', { groupId, name: `Latency ${i}`, memberIds: [`m${i}`] });
}

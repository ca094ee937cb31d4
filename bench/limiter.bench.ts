/**
 * npm run bench:limiter — 1000 group calls queued at once through the project's client,
 * then through two plain Bottleneck set-ups, against one emulator in the same run.
 * Every figure is read off the emulator's request log (calls per second over whole budgets from
 * the 101st call: `ratePerWholeBudgets`), except `idleStartMs`: the p99 time from
 * `schedule` to the call's start when the window is empty (a limiter with nothing in it, so
 * nothing to wait for). The last line is one JSON object.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.js';
import { maxInAnyWindow, percentile, ratePerWholeBudgets } from '../src/emulator/log-stats.js';
import { GROUP_CALLS, ImClient, MESSAGE_PUBLISH, SlidingWindowLimiter, type CallLimiter } from '../src/im/index.js';
import { emulatorLog, resetEmulator } from '../test/kit/emulator.js';
import { PlainBottleneckLimiter } from './plain-bottleneck.js';

const CALLS = 1000;
const IDLE_SAMPLES = 300;

interface Figures {
  maxInAnyWindow: number;
  ratePerSecond: number;
  rejected1008: number;
  p50DelayMs: number;
  p99DelayMs: number;
}

async function run(emulator: RunningEmulator, name: string, group: CallLimiter): Promise<Figures> {
  await resetEmulator(emulator);
  const client = new ImClient({
    credentials: { appKey: emulator.appKey, appSecret: emulator.appSecret },
    baseUrls: [emulator.url],
    limiters: { group, publish: new SlidingWindowLimiter(MESSAGE_PUBLISH) },
    logger: pino({ level: 'silent' }),
    // One attempt per call: a 1008 is counted, not hidden by a retry.
    maxAttempts: 1,
  });
  const scheduledAt = new Map<string, number>();
  const calls = Array.from({ length: CALLS }, (_, i) => {
    const requestId = `${name}-${i}`;
    scheduledAt.set(requestId, Date.now());
    return client.joinGroup({ groupId: `bench${i % 50}`, userIds: [`user${i}`] }, { requestId }).catch(() => undefined);
  });
  await Promise.all(calls);
  await client.close();

  const log = await emulatorLog(emulator);
  const times = log.map((entry) => entry.at);
  const delays = log.map((entry) => entry.at - scheduledAt.get(entry.requestId ?? '')!);
  return {
    maxInAnyWindow: maxInAnyWindow(times),
    ratePerSecond: round(ratePerWholeBudgets(times, GROUP_CALLS.limit)),
    rejected1008: log.filter((entry) => entry.code === 1008).length,
    p50DelayMs: percentile(delays, 50),
    p99DelayMs: percentile(delays, 99),
  };
}

/** Each sample on a limiter of its own, so its window is empty: what is measured is the limiter's own cost. */
async function idleStartMs(): Promise<number> {
  const delays: number[] = [];
  for (let i = 0; i < IDLE_SAMPLES; i++) {
    const limiter = new SlidingWindowLimiter(GROUP_CALLS);
    const askedAt = performance.now();
    let startedAt = NaN;
    await limiter.schedule({ path: '/group/join.json' }, async () => {
      startedAt = performance.now();
    });
    delays.push(startedAt - askedAt);
    await limiter.stop();
  }
  return round(percentile(delays, 99));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const emulator = await startEmulator({ appKey: 'bench-key', appSecret: 'bench-secret' });
  const results: Record<string, Figures> = {};
  let idle = NaN;
  try {
    idle = await idleStartMs();
    results.project = await run(emulator, 'project', new SlidingWindowLimiter(GROUP_CALLS));
    await sleep(1100); // let the emulator's window empty between runs
    results.minTime10 = await run(emulator, 'minTime10', new PlainBottleneckLimiter({ minTime: 10 }));
    await sleep(1100);
    results.reservoir = await run(
      emulator,
      'reservoir',
      new PlainBottleneckLimiter({ reservoir: 100, reservoirRefreshAmount: 100, reservoirRefreshInterval: 1000 }),
    );
  } finally {
    await emulator.close();
  }
  console.table(results);
  console.log(`idleStartMs (p99 of ${IDLE_SAMPLES} calls made with the window empty): ${idle}`);
  console.log(JSON.stringify({ ...results, idleStartMs: idle }));
}

await main();

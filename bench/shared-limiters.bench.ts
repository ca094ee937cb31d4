/**
 * npm run bench:shared-limiters — the shared budget's own hand-off, without gateways: three IM
 * clients in this process, each with its own connection to one private redis-server (the shared
 * budget), queue 600 group calls at once (200 each) against one emulator with its strict limit
 * of 100 per rolling second. What is left of the slot cycle here is the limiter's, not a loaded
 * gateway's. Every figure is read off the emulator's log; the last line is one JSON object.
 */
import { pino } from 'pino';
import { startEmulator } from '../src/emulator/index.js';
import { maxInAnyWindow, ratePerWholeBudgets } from '../src/emulator/log-stats.js';
import { GROUP_CALLS, ImClient, MESSAGE_PUBLISH, SharedBudget, SlidingWindowLimiter } from '../src/im/index.js';
import { emulatorLog } from '../test/kit/emulator.js';
import { startRedisServer } from '../test/kit/redis-server.js';

const INSTANCES = 3;
const CALLS_EACH = 200;

async function main(): Promise<void> {
  const emulator = await startEmulator({ appKey: 'bench-key', appSecret: 'bench-secret' });
  const redis = await startRedisServer();
  const logger = pino({ level: 'silent' });
  const instances = Array.from({ length: INSTANCES }, () => {
    const budget = new SharedBudget({ url: redis.url, keyPrefix: 'bench', logger });
    const client = new ImClient({
      credentials: { appKey: emulator.appKey, appSecret: emulator.appSecret },
      baseUrls: [emulator.url],
      limiters: { group: new SlidingWindowLimiter(GROUP_CALLS, { budget }), publish: new SlidingWindowLimiter(MESSAGE_PUBLISH, { budget }) },
      logger,
      maxAttempts: 1, // a 1008 is counted, not hidden by a retry
    });
    return { budget, client };
  });
  try {
    await Promise.all(instances.map(({ budget }) => budget.ping()));
    await Promise.all(
      instances.flatMap(({ client }, n) =>
        Array.from({ length: CALLS_EACH }, (_, i) => client.joinGroup({ groupId: `shared${n}`, userIds: [`user${i}`] }).catch(() => undefined)),
      ),
    );
    const log = await emulatorLog(emulator);
    const times = log.map((entry) => entry.at).sort((a, b) => a - b);
    // One slot's cycle: call k to call k + limit, under the backlog (from the first reuse on).
    const cycles = times.slice(2 * GROUP_CALLS.limit).map((at, i) => at - times[i + GROUP_CALLS.limit]!);
    const slotCycleMs = cycles.reduce((sum, ms) => sum + ms, 0) / cycles.length;
    const figures = {
      instances: INSTANCES,
      calls: times.length,
      maxInAnyWindow: maxInAnyWindow(times),
      rejected1008: log.filter((entry) => entry.code === 1008).length,
      slotCycleMs: Math.round(slotCycleMs * 10) / 10,
      ratePerSecond: Math.round(ratePerWholeBudgets(times, GROUP_CALLS.limit) * 100) / 100,
      first100Ms: times[GROUP_CALLS.limit - 1]! - times[0]!,
    };
    console.table({ sharedLimiters: figures });
    console.log(JSON.stringify(figures));
  } finally {
    for (const { client, budget } of instances) {
      await client.close();
      await budget.close();
    }
    await redis.stop();
    await emulator.close();
  }
}

await main();

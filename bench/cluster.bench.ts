/**
 * npm run bench:cluster — three gateway processes sharing one PostgreSQL schema, one Redis (the
 * shared IM budget) and one IM Service emulator with its strict limits (100 group calls per
 * rolling second); after a warm-up of 20 requests per process and one window's pause, 600
 * createGroup requests round-robin over them, 150 in flight. Every figure is read off the
 * emulator's log (see `cluster-scenario.ts`); `ratePerSecond` counts the 600 requests' create
 * calls over whole budgets from the 101st (`ScenarioResult.ratePerSecond`); `steadyRatePerSecond`
 * from the 101st to the last. Progress goes to stderr; stdout holds a table, then, as its last line,
 * one JSON object. Exit code 1 when an invariant broke (a group missing, doubled, not drained).
 */
import { probePostgres, probeRedisServer, runClusterScenario } from './cluster-scenario.js';

async function main(): Promise<number> {
  const postgres = await probePostgres();
  const redis = probeRedisServer();
  for (const service of [postgres, redis]) {
    if (!service.ok) {
      console.error(`bench:cluster needs PostgreSQL and redis-server: ${service.reason}`);
      return 1;
    }
  }
  console.error('bench:cluster — 3 gateways, 600 createGroup requests, 150 in flight (after 20 per gateway to warm up)');
  const result = await runClusterScenario({ instances: 3, requests: 600, concurrency: 150, warmupPerInstance: 20, progress: (line) => console.error(line) });
  const { details } = result;

  console.table({
    cluster: {
      instances: result.instances,
      requests: result.requests,
      maxInAnyWindow: result.maxInAnyWindow,
      ratePerSecond: result.ratePerSecond,
      rejected1008: result.rejected1008,
      duplicates: result.duplicates,
      steadyRatePerSecond: details.steadyRatePerSecond,
      first100Ms: details.first100Ms,
      slotCycleMs: details.slotCycleMs,
      rateFromFirstCall: details.rateFromFirstCall,
      storeGroups: details.storeGroups,
      imGroups: details.imGroups,
      loadMs: details.loadMs,
    },
  });
  if (details.idleBudget && details.idleBudget.runningSlots > 0) {
    console.error(`NOTE: ${details.idleBudget.runningSlots} slots of the shared budget still taken once idle (${details.idleBudget.clients} limiter clients registered)`);
  }
  if (Object.keys(details.retries).length > 0) console.error(`retried answers: ${JSON.stringify(details.retries)}`);
  if (Object.keys(details.gatewayWarnings).length > 0) console.error(`gateway warnings: ${JSON.stringify(details.gatewayWarnings)}`);
  for (const problem of result.problems) console.error(`PROBLEM: ${problem}`);

  console.log(
    JSON.stringify({
      instances: result.instances,
      maxInAnyWindow: result.maxInAnyWindow,
      ratePerSecond: result.ratePerSecond,
      rejected1008: result.rejected1008,
      duplicates: result.duplicates,
    }),
  );
  return result.problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();

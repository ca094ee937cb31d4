import { describe, expect, it } from 'vitest';
import { probePostgres, probeRedisServer, runClusterScenario, type ScenarioResult } from '../kit/bench-scenarios.js';
import { captureText, registerSecret } from '../fixtures/secrets.js';

/**
 * Three gateway processes sharing one PostgreSQL schema, one Redis (the IM budget) and one IM
 * Service emulator with its strict limits: 600 createGroup requests round-robin, 150 in flight,
 * after a warm-up of 20 requests per process (the rate counts the 600 only).
 * The scenario itself (and every figure) is in `bench/cluster-scenario.ts`, which
 * `npm run bench:cluster` runs too.
 */

const INSTANCES = 3;
const REQUESTS = 600;
const inCi = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
const missing = [await probePostgres(), probeRedisServer()].flatMap((service) => (service.ok ? [] : [service.reason]));
const skip = missing.length > 0 && !inCi;
if (skip) console.log(`${missing.join('; ')}: skipping the multi-instance tests (CI=true would fail them)`);

function run(restart: boolean): Promise<ScenarioResult> {
  if (missing.length > 0) throw new Error(`the multi-instance tests need PostgreSQL and redis-server under CI=true: ${missing.join('; ')}`);
  return runClusterScenario({
    instances: INSTANCES,
    requests: REQUESTS,
    concurrency: 150,
    warmupPerInstance: 20,
    ...(restart ? { restartRedisAfterAnswers: REQUESTS / 2, redisDownMs: 300 } : {}),
    onSecret: registerSecret,
    onOutput: captureText,
  });
}

/** The figures, for the failure message and the run's output. */
function summary(result: ScenarioResult): string {
  const { details } = result;
  return JSON.stringify({
    maxInAnyWindow: result.maxInAnyWindow,
    ratePerSecond: result.ratePerSecond,
    rejected1008: result.rejected1008,
    duplicates: result.duplicates,
    steadyRatePerSecond: details.steadyRatePerSecond,
    first100Ms: details.first100Ms,
    slotCycleMs: details.slotCycleMs,
    idleBudget: details.idleBudget,
    answers: details.answers,
    retries: details.retries,
    redisRestart: result.redisRestart,
    gatewayWarnings: details.gatewayWarnings,
  });
}

/** Every group once in PostgreSQL and once at the IM Service, with the members it was created with. */
function expectEveryGroupOnceOnBothSides(result: ScenarioResult): void {
  const { details } = result;
  expect.soft(result.problems, summary(result)).toEqual([]);
  const groups = REQUESTS + details.warmupRequests;
  expect.soft(details.answers).toEqual({ CreateGroupSuccess: groups });
  expect.soft(details.storeGroups).toBe(groups);
  expect.soft(details.storeDistinct).toBe(groups);
  expect.soft(details.imGroups).toBe(groups);
  expect.soft(details.missingInStore).toEqual([]);
  expect.soft(details.missingAtIm).toEqual([]);
  expect.soft(details.memberMismatches).toEqual([]);
  expect.soft(result.duplicates, 'groups stored or created at the IM Service more than once').toBe(0);
  expect.soft(details.notSynced).toBe(0);
  expect.soft(details.pendingOutbox).toBe(0);
}

/** Once every call's window has passed, no slot of the shared budget is still counted as taken. */
function expectBudgetWhole(result: ScenarioResult): void {
  expect.soft(result.details.idleBudget, 'the group budget in Redis could not be read').not.toBeNull();
  expect.soft(result.details.idleBudget?.runningSlots, `slots of the shared budget still taken with nothing running: ${summary(result)}`).toBe(0);
}

describe.skipIf(skip)('three gateway instances sharing PostgreSQL, Redis and the IM Service', () => {
  it('600 createGroup requests: at most 100 group calls in any rolling second, the budget kept busy, no 1008, every group once on both sides', { timeout: 120_000 }, async () => {
    const result = await run(false);
    console.log(`cluster run: ${summary(result)}`);

    expect.soft(result.maxInAnyWindow, summary(result)).toBeLessThanOrEqual(100);
    expect.soft(result.rejected1008, summary(result)).toBe(0);
    expectEveryGroupOnceOnBothSides(result);
    expectBudgetWhole(result);
    // How close to 100/s the cluster runs is a timing claim, measured by `npm run bench:cluster`
    // (97+ there); on this shared 2-core machine, with the test runner, the emulator and three
    // gateways on the same cores, a test can only check that the budget stays busy: a leak of
    // slots (as once after a Redis restart) falls far below this.
    expect.soft(result.ratePerSecond, `group calls per second while the backlog lasted: ${summary(result)}`).toBeGreaterThanOrEqual(90);
  });

  it('the same with Redis restarted (empty) in the middle: still strict, no 1008, every group once, calls resume within 5 s', { timeout: 120_000 }, async () => {
    const result = await run(true);
    console.log(`cluster run with a Redis restart: ${summary(result)}`);
    const restart = result.redisRestart;

    expect(restart, 'Redis was not restarted').not.toBeNull();
    expect.soft(result.maxInAnyWindow, summary(result)).toBeLessThanOrEqual(100);
    expect.soft(result.rejected1008, summary(result)).toBe(0);
    expectEveryGroupOnceOnBothSides(result);
    // The loss was noticed, and group calls flowed again within 5 s of Redis answering.
    expect.soft(restart!.stateLostLogs).toBeGreaterThan(0);
    expect.soft(restart!.firstCallAfterMs, summary(result)).not.toBeNull();
    expect.soft(restart!.firstCallAfterMs ?? Infinity, summary(result)).toBeLessThanOrEqual(5000);
    // One loss, one recovery per limiter (two rate classes per instance): not a recovery that keeps recurring.
    expect.soft(restart!.stateLostLogs, `recoveries logged after one Redis restart: ${summary(result)}`).toBeLessThanOrEqual(2 * INSTANCES);
    expectBudgetWhole(result);
  });
});

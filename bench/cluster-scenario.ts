/**
 * The multi-instance scenario shared by `test/cluster/multi-instance.test.ts` and
 * `npm run bench:cluster`: three gateway processes (`node --import tsx src/main.ts`) sharing one PostgreSQL
 * schema, one private redis-server and one IM Service emulator (in this process), fed a backlog
 * of createGroup requests round-robin; every figure is read off the emulator's log and the store.
 *
 * Its phases live in `bench/cluster/`: `setup.ts` starts (and tears down) the scene, `load.ts`
 * sends the requests, `observe.ts` reads what they left and `verify.ts` judges it.
 *
 * It imports nothing from vitest (the benchmark runs it outside a test runner): the gateway
 * processes and the private redis-server come from the test kit (`test/kit/`), which does not either.
 */
import { runLoad } from './cluster/load.js';
import { observe } from './cluster/observe.js';
import { resolveOptions, type ScenarioOptions } from './cluster/options.js';
import type { ScenarioResult } from './cluster/result.js';
import { newScene, setUp, tearDown } from './cluster/setup.js';
import { verify } from './cluster/verify.js';

export type { ScenarioOptions } from './cluster/options.js';
export type { RedisRestart, ScenarioResult } from './cluster/result.js';
export { CLUSTER_POSTGRES_URL, probePostgres, probeRedisServer, type Availability } from './cluster/services.js';

/**
 * Runs the scenario once and tears everything down (gateways, redis-server, emulator, schema),
 * whatever happens. Throws only when the scene cannot be set up; broken invariants are in `problems`.
 */
export async function runClusterScenario(scenarioOptions: ScenarioOptions = {}): Promise<ScenarioResult> {
  const options = resolveOptions(scenarioOptions);
  const scene = newScene();
  try {
    const ready = await setUp(scene, options);
    const load = await runLoad(ready, options);
    const seen = await observe(ready, load.loadStartedAt, options.drainTimeoutMs);
    return verify(load, seen, options);
  } finally {
    await tearDown(scene, options);
  }
}

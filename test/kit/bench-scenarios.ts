/**
 * The benchmark scenarios the suite also runs as tests (the cluster of gateway processes, the
 * soak), reached from test/ only through here: test/ and bench/ import each other through the kit.
 */
export { probePostgres, probeRedisServer, runClusterScenario, type ScenarioResult } from '../../bench/cluster-scenario.js';
export { runSoak, type SoakResult } from '../../bench/soak-scenario.js';

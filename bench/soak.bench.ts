/**
 * `npm run bench:soak`: the fault mix against two gateway instances on PostgreSQL and a private
 * Redis (see bench/soak-scenario.ts), bounded: SOAK_SECONDS of load (default 60, at most 240)
 * and at most two minutes of draining. Progress goes to stderr; the last line on stdout is
 * {"requests","crashes","unanswered","lost","duplicateGroups","duplicateNotices","rssGrowthMb"}.
 */
import { probePostgres, probeRedisServer } from './cluster-scenario.js';
import { runSoak } from './soak-scenario.js';

const seconds = Math.min(240, Math.max(5, Number(process.env.SOAK_SECONDS ?? 60)));
const missing = [await probePostgres(), probeRedisServer()].flatMap((service) => (service.ok ? [] : [service.reason]));
if (missing.length > 0) {
  console.error(`bench:soak needs PostgreSQL and redis-server: ${missing.join('; ')}`);
  process.exit(1);
}
const startedAt = Date.now();
const result = await runSoak({
  instances: 2,
  redis: true,
  durationMs: seconds * 1000,
  concurrency: 20,
  drainTimeoutMs: 120_000,
  progress: (line) => console.error(`[soak ${Math.round((Date.now() - startedAt) / 1000)} s] ${line}`),
});
console.error(JSON.stringify(result.details));
const { requests, crashes, unanswered, lost, duplicateGroups, duplicateNotices, rssGrowthMb } = result;
console.log(JSON.stringify({ requests, crashes, unanswered, lost, duplicateGroups, duplicateNotices, rssGrowthMb }));
process.exit(0);

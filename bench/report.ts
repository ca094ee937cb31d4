/**
 * `npm run bench`: runs every benchmark, one after the other on this machine, and writes
 * BENCHMARKS.md: each figure next to the baseline measured in the same run, with a reading.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { searchSection, type SearchResult } from './search/report-section.js';
import type { FanoutRun } from './events/fanout.js';
import type { SoakResult } from './soak-scenario.js';

interface LimiterFigures {
  maxInAnyWindow: number;
  ratePerSecond: number;
  rejected1008: number;
  p50DelayMs: number;
  p99DelayMs: number;
}
type LimiterResult = Record<'project' | 'minTime10' | 'reservoir', LimiterFigures> & { idleStartMs: number };
interface GraphqlResult {
  helloRps: number;
  groupsRps: number;
  createRps: number;
  groupsRatio: number;
  createRatio: number;
  sqlPerGroupsQuery: number;
}
interface ClusterResult {
  instances: number;
  maxInAnyWindow: number;
  ratePerSecond: number;
  rejected1008: number;
  duplicates: number;
}

interface InstallFigures {
  ref: string;
  seconds: number | null;
  engineWarnings: number;
  error?: string;
}
interface InstallResult {
  before: InstallFigures;
  after: InstallFigures;
  afterOverBefore: number | null;
}

interface LatencyPhase {
  p50Ms: number;
  p99Ms: number;
  synced: number;
}
interface LatencyResult {
  at50: LatencyPhase;
  at100: LatencyPhase;
  noticesPerSecond: number;
  noticeBacklogAfterMs: number;
}

type EventsResult = FanoutRun & { baseline: FanoutRun };

/** What `npm run bench:soak` prints: its result without the details. */
type SoakLine = Omit<SoakResult, 'details'>;

const GROUP_BUDGET = 100;

/** Runs `npm run <script>` and returns the JSON object it prints last. */
function run<T>(script: string): Promise<T> {
  return new Promise((resolve, reject) => {
    console.error(`running npm run ${script} …`);
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`npm run ${script} exited with ${code}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`npm run ${script} did not end with a JSON line`));
      }
    });
  });
}

const ratio = (value: number, base: number) => (base === 0 ? 'n/a' : (value / base).toFixed(2));

function limiterSection(result: LimiterResult): string {
  const rows = (['project', 'minTime10', 'reservoir'] as const).map((name) => {
    const f = result[name];
    return `| ${name} | ${f.maxInAnyWindow} | ${ratio(f.maxInAnyWindow, GROUP_BUDGET)} | ${f.ratePerSecond} | ${ratio(f.ratePerSecond, GROUP_BUDGET)} | ${f.rejected1008} | ${f.p50DelayMs} | ${f.p99DelayMs} |`;
  });
  const { project, minTime10, reservoir } = result;
  return `## The limiter against plain Bottleneck (\`npm run bench:limiter\`)

1000 group calls queued at once, through the project's client, then through plain Bottleneck
with \`minTime: 10\`, then with a reservoir of 100 refreshed every second; every figure read off
the emulator's log. Budget: ${GROUP_BUDGET} calls in any rolling second.

| limiter | most calls in any rolling second | ÷ budget | calls per second (whole budgets from the 101st call) | ÷ budget | answered 1008 | p50 wait (ms) | p99 wait (ms) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

A call made with the window empty starts ${result.idleStartMs} ms (p99) after it was scheduled.

Reading: the project's limiter ${project.maxInAnyWindow <= GROUP_BUDGET ? 'never passed' : 'PASSED'} the budget and sustained ${ratio(project.ratePerSecond, GROUP_BUDGET)}× of it with ${project.rejected1008} refusals; \`minTime: 10\` peaked at ${ratio(minTime10.maxInAnyWindow, GROUP_BUDGET)}× (${minTime10.rejected1008} refused) and the reservoir at ${ratio(reservoir.maxInAnyWindow, GROUP_BUDGET)}× (${reservoir.rejected1008} refused).
`;
}

function graphqlSection(result: GraphqlResult): string {
  return `## GraphQL paths against a bare Yoga server (\`npm run bench:graphql\`)

Requests per second at a fixed concurrency, each server in a child process of its own, the
IM limits raised so that the rate limit is not what is measured.

| path | requests per second | ÷ hello-world |
| --- | --- | --- |
| bare Yoga \`{ hello }\` (baseline) | ${result.helloRps} | 1.00 |
| gateway \`groups(groupIds:)\`, 20 ids, name and memberCount | ${result.groupsRps} | ${result.groupsRatio} |
| gateway \`createGroup\`, 10 members (store, outbox, IM call, notice) | ${result.createRps} | ${result.createRatio} |

SQL statements per \`groups\` request of 20 ids: ${result.sqlPerGroupsQuery}.

Reading: a conversation-list read costs ${ratio(1, result.groupsRatio)}× a hello-world answer and one SQL statement; a create, which writes a transaction and waits for its IM call (its notice riding it), ${ratio(1, result.createRatio)}×.
`;
}

function clusterSection(result: ClusterResult): string {
  return `## The cluster against its budget (\`npm run bench:cluster\`)

${result.instances} gateway processes sharing PostgreSQL and Redis, 600 createGroup requests spread
over them, one emulator counting what arrives.

| figure | value | ÷ budget |
| --- | --- | --- |
| most group calls in any rolling second | ${result.maxInAnyWindow} | ${ratio(result.maxInAnyWindow, GROUP_BUDGET)} |
| group calls per second while the backlog lasted (whole budgets from the 101st call) | ${result.ratePerSecond} | ${ratio(result.ratePerSecond, GROUP_BUDGET)} |
| answered 1008 | ${result.rejected1008} | |
| groups stored or created twice | ${result.duplicates} | |

Reading: ${result.instances} instances together ${result.maxInAnyWindow <= GROUP_BUDGET ? 'stayed within' : 'PASSED'} the one budget and used ${ratio(result.ratePerSecond, GROUP_BUDGET)}× of it.
`;
}

function latencySection(result: LatencyResult): string {
  const row = (rate: number, phase: LatencyPhase) => `| ${rate} | ${phase.p50Ms} | ${phase.p99Ms} | ${phase.synced} of ${rate * 10} |`;
  return `## createGroup with its notice, open loop (\`npm run bench:latency\`)

createGroup with \`notify\` on, sent on schedule (not waiting for answers) for 10 s at each rate, to
one gateway process on SQLite; the emulator enforces the IM Service's real budgets (100 group calls
and 20 publishes per second). Latency from each request's planned start.

| requests per second | p50 (ms) | p99 (ms) | groups SYNCED |
| --- | --- | --- | --- |
${row(50, result.at50)}
${row(100, result.at100)}

Notices reached the IM Service at ${result.noticesPerSecond} per second; the last one ${result.noticeBacklogAfterMs} ms after the load ended.

Reading: a create answers once its group call is through (p99 ${result.at50.p99Ms} ms at 50/s); its \`Create\` notice rides that call (\`bindNotifyMsg\`), inside the group budget, so notices keep pace with the creates instead of queueing behind the publish budget of 20 per second.
`;
}

function eventsSection(result: EventsResult): string {
  const row = (label: string, f: FanoutRun) => `| ${label} | ${f.eventsPerSecond} | ${f.fanoutP50Ms} | ${f.fanoutP99Ms} | ${f.rssPerSubscriberKb} | ${f.lost} |`;
  const { baseline } = result;
  return `## Live events fanned out over SSE (\`npm run bench:events\`)

${result.subscribers} SSE subscribers on one gateway process (SQLite), each a member following one group
(\`groupEvents\`), and ${result.events} \`setGroupMemberRole\` changes made one after another; against a bare
Yoga server echoing a mutation to as many SSE subscribers through its in-memory pub/sub. Measured
at the subscribers, from each change's request to each arrival.

| server | deliveries per second | fan-out p50 (ms) | fan-out p99 (ms) | RSS per subscriber (KiB) | lost |
| --- | --- | --- | --- | --- | --- |
${row('gateway', result)}
${row('bare Yoga echo', baseline)}

Reading: the gateway delivers at ${ratio(result.eventsPerSecond, baseline.eventsPerSecond)}× the echo's rate, with ${ratio(result.fanoutP99Ms, baseline.fanoutP99Ms)}× its p99 and ${ratio(result.rssPerSubscriberKb, baseline.rssPerSubscriberKb)}× its memory per subscriber; ${result.lost === 0 ? 'no event was lost' : 'EVENTS WERE LOST'}. Both figures include the change's own request and the benchmark's client reading every stream on the same machine.
`;
}

function soakSection(result: SoakLine): string {
  return `## Two instances under the IM fault mix (\`npm run bench:soak\`)

Two gateway processes on PostgreSQL sharing a Redis budget, 60 s of createGroup and
addGroupMembers at concurrency 20 against an emulator answering 10% 500s, 5% 504s, 2% hangs,
3% dropped connections and 2% 1008s; then the outbox drains and the store is compared with the
emulator.

| figure | value |
| --- | --- |
| requests | ${result.requests} |
| gateway crashes | ${result.crashes} |
| requests without an answer | ${result.unanswered} |
| changes lost (in the store, not at the IM Service, or the other way) | ${result.lost} |
| groups created twice | ${result.duplicateGroups} |
| notices published twice | ${result.duplicateNotices} |
| RSS growth of a gateway (MB) | ${result.rssGrowthMb} |

Reading: ${result.crashes === 0 && result.unanswered === 0 && result.lost === 0 ? 'every request was answered, nothing was lost and no process died' : 'SOMETHING WAS LOST, UNANSWERED OR CRASHED'}; notices are at most once (README, failure behaviour).
`;
}

function installSection(result: InstallResult): string {
  const row = (label: string, f: InstallFigures) =>
    `| ${label} (\`${f.ref}\`) | ${f.seconds ?? 'n/a'} | ${f.engineWarnings} | ${f.error ? `failed: ${f.error}` : 'ok'} |`;
  return `## A clean install, before and after Node 24 (\`npm run bench:install\`)

\`npm ci\` in a fresh clone, as a new user runs it, with the same npm cache: the last commit on the
Node 20 pins (better-sqlite3 12, compiled from source), then this one (better-sqlite3 13's prebuilt
Node-API binary, and the Node 24 binary of the \`node\` package).

| clone | seconds | EBADENGINE warnings | result |
| --- | --- | --- | --- |
${row('before', result.before)}
${row('after', result.after)}

Reading: the install takes ${result.afterOverBefore ?? 'n/a'}× the time it took before.
`;
}

async function main(): Promise<void> {
  const limiter = await run<LimiterResult>('bench:limiter');
  const graphql = await run<GraphqlResult>('bench:graphql');
  const cluster = await run<ClusterResult>('bench:cluster');
  const soak = await run<SoakLine>('bench:soak');
  const install = await run<InstallResult>('bench:install');
  const latency = await run<LatencyResult>('bench:latency');
  const search = await run<SearchResult>('bench:search');
  const events = await run<EventsResult>('bench:events');
  const cpu = cpus();
  const machine = `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
  const report = `# Benchmarks

Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Every figure is a ratio against a baseline measured in the same run, on the same machine;
absolute numbers move with the machine and its load, the ratios much less.

${limiterSection(limiter)}
${graphqlSection(graphql)}
${clusterSection(cluster)}
${soakSection(soak)}
${installSection(install)}
${latencySection(latency)}
${searchSection(search)}

${eventsSection(events)}`;
  writeFileSync(new URL('../BENCHMARKS.md', import.meta.url), report);
  console.log(JSON.stringify({ limiter, graphql, cluster, soak, install, latency, search, events }));
}

await main();

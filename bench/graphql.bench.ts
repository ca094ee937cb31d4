/**
 * npm run bench:graphql — requests per second of the gateway against a bare GraphQL Yoga
 * hello-world, in one run on one machine, plus the SQL statements one `groups` read costs.
 * The cases are in bench/graphql/cases.ts.
 *
 * How it is measured. Every server runs in its own child process (bench/graphql/target.ts), and
 * this process is only the load generator. On a 2-core machine that gives the server one core and the load generator the other: in-process, the generator's HTTP
 * client work would share the server's event loop and add the same cost to every request, which
 * squeezes the ratios towards 1. The gateway child is a whole `buildApp` (its embedded IM
 * emulator included, as in the default set-up) on a fresh SQLite file in a temp dir (or a fresh
 * PostgreSQL schema), NODE_ENV=production as `npm start` has it, logger silent,
 * `X-User-Id` naming the caller (AUTH_MODE=dev). The load generator (bench/graphql/load.ts) is
 * identical for every case. Every body is fixed per case and every answer is parsed and
 * checked; only correct answers count towards the rate, and any failure is reported on stderr
 * (and in the table). The reads are measured in rounds (see bench/graphql/cases.ts): each
 * round's ratio is groups ÷ hello within that round, `groupsRatio` is their median, and the
 * rounds' spread stands beside it.
 *
 * The last line on stdout is one JSON object.
 */
import { createCase, READ_ROUNDS, READ_WINDOW, readRounds } from './graphql/cases.js';
import { CONCURRENCY, MEASURE_MS, WARMUP_MS, round, type Figures } from './graphql/load.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
/** Each round's rate over the same round's hello-world. */
const ratios = (figures: Figures[], hello: Figures[]) => figures.map((f, i) => round(f.rps / hello[i]!.rps, 3));
/** Each round's hello-world CPU per answer over the read's: the same ratio from the server's cost alone. */
const cpuRatios = (figures: Figures[], hello: Figures[]) => figures.map((f, i) => round(hello[i]!.serverCpuUsPerAnswer / f.serverCpuUsPerAnswer, 3));
const medianRps = (figures: Figures[]) => round(median(figures.map((f) => f.rps)), 1);

async function main(): Promise<void> {
  console.error(
    `bench:graphql — concurrency ${CONCURRENCY}; reads in ${READ_ROUNDS} rounds of ${READ_WINDOW.warmupMs} ms warm-up + ${READ_WINDOW.measureMs} ms per case; ` +
      `create ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms`,
  );
  const reads = await readRounds();
  const { figures: create, pendingCreates, statementsPerCreate } = await createCase();

  const rows: Array<[string, Figures, Figures | undefined]> = [];
  reads.hello.forEach((hello, i) => {
    rows.push([`hello #${i + 1}`, hello, hello]);
    rows.push([`groups #${i + 1}`, reads.groups[i]!, hello]);
    if (reads.groupsPostgres) rows.push([`groups pg #${i + 1}`, reads.groupsPostgres[i]!, hello]);
  });
  const helloRps = medianRps(reads.hello);
  rows.push(['create', create, undefined]);
  console.table(
    Object.fromEntries(
      rows.map(([name, f, hello]) => [
        name,
        {
          rps: f.rps,
          // Reads against the hello-world of their round; the create against the median hello-world.
          vsHello: round(f.rps / (hello?.rps ?? helloRps), 3),
          answers: f.answers,
          failures: f.failures,
          p50Ms: f.p50Ms,
          p99Ms: f.p99Ms,
          'serverCpu%': f.serverCpuPct,
          serverCpuUs: f.serverCpuUsPerAnswer,
          'loadGenCpu%': f.loadGenCpuPct,
        },
      ]),
    ),
  );
  const groupsRatios = ratios(reads.groups, reads.hello);
  const postgresRatios = reads.groupsPostgres ? ratios(reads.groupsPostgres, reads.hello) : null;
  console.log(
    `groups ÷ hello per round: SQLite ${groupsRatios.join(', ')}` +
      (postgresRatios ? `; PostgreSQL ${postgresRatios.join(', ')}` : '') +
      `\nSQL statements per groups request: SQLite ${reads.sqlPerGroupsQuery}, PostgreSQL ${reads.sqlPerGroupsQueryPostgres ?? 'n/a'}; ` +
      `per createGroup: ${statementsPerCreate}; createGroup answers still PENDING at the IM Service: ${pendingCreates}`,
  );

  for (const [name, f] of rows) {
    if (f.failures > 0) {
      console.error(`FAILURES in ${name}: ${f.failures} answers were wrong, e.g.:\n  ${f.failureKinds.join('\n  ')}`);
    }
  }

  const spread = (values: number[]) => [Math.min(...values), Math.max(...values)];
  console.log(
    JSON.stringify({
      helloRps,
      groupsRps: medianRps(reads.groups),
      createRps: create.rps,
      // The median of the rounds' own ratios.
      groupsRatio: round(median(groupsRatios), 3),
      createRatio: round(create.rps / helloRps, 3),
      sqlPerGroupsQuery: reads.sqlPerGroupsQuery,
      groupsRatioSpread: spread(groupsRatios),
      groupsPostgresRps: reads.groupsPostgres ? medianRps(reads.groupsPostgres) : null,
      groupsPostgresRatio: postgresRatios ? round(median(postgresRatios), 3) : null,
      groupsPostgresRatioSpread: postgresRatios ? spread(postgresRatios) : null,
      sqlPerGroupsQueryPostgres: reads.sqlPerGroupsQueryPostgres,
      statementsPerCreate,
      readRounds: READ_ROUNDS,
      // The server's CPU per answer, hello-world over the read, median of the rounds: less moved by the
      // load generator's share of a busy machine than the rates are.
      groupsCpuRatio: round(median(cpuRatios(reads.groups, reads.hello)), 3),
      groupsPostgresCpuRatio: reads.groupsPostgres ? round(median(cpuRatios(reads.groupsPostgres, reads.hello)), 3) : null,
    }),
  );
}

await main();

/**
 * npm run bench:graphql — requests per second of the gateway against a bare GraphQL Yoga
 * hello-world, in one run on one machine, plus the SQL statements one `groups` read costs.
 * The cases are in bench/graphql/cases.ts.
 *
 * How it is measured. Every server runs in its own child process (bench/graphql/target.ts), one
 * fresh child per case, and this process is only the load generator. On a 2-core machine that
 * gives the server one core and the load generator the other: in-process, the generator's HTTP
 * client work would share the server's event loop and add the same cost to every request, which
 * squeezes the ratios towards 1. The gateway child is a whole `buildApp` (its embedded IM
 * emulator included, as in the default set-up) on a fresh SQLite file in a temp dir, logger silent,
 * `X-User-Id` naming the caller (AUTH_MODE=dev). The load generator (bench/graphql/load.ts) is
 * identical for all three cases. Every body is fixed per case and every answer is parsed and
 * checked; only correct answers count towards the rate, and any failure is reported on stderr
 * (and in the table).
 *
 * The last line on stdout is one JSON object.
 */
import { createCase, groupsCase, helloCase } from './graphql/cases.js';
import { CONCURRENCY, MEASURE_MS, WARMUP_MS, round } from './graphql/load.js';

async function main(): Promise<void> {
  console.error(`bench:graphql — concurrency ${CONCURRENCY}, ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms per case`);
  const hello = await helloCase();
  const { figures: groups, sqlPerGroupsQuery } = await groupsCase();
  const { figures: create, pendingCreates } = await createCase();

  const table = { hello, groups, create };
  console.table(
    Object.fromEntries(
      Object.entries(table).map(([name, f]) => [
        name,
        {
          rps: f.rps,
          vsHello: round(f.rps / hello.rps, 3),
          answers: f.answers,
          failures: f.failures,
          p50Ms: f.p50Ms,
          p99Ms: f.p99Ms,
          'serverCpu%': f.serverCpuPct,
          'loadGenCpu%': f.loadGenCpuPct,
        },
      ]),
    ),
  );
  console.log(`sqlPerGroupsQuery: ${sqlPerGroupsQuery}; createGroup answers still PENDING at the IM Service: ${pendingCreates}`);

  for (const [name, f] of Object.entries(table)) {
    if (f.failures > 0) {
      console.error(`FAILURES in ${name}: ${f.failures} answers were wrong, e.g.:\n  ${f.failureKinds.join('\n  ')}`);
    }
  }

  console.log(
    JSON.stringify({
      helloRps: hello.rps,
      groupsRps: groups.rps,
      createRps: create.rps,
      groupsRatio: round(groups.rps / hello.rps, 3),
      createRatio: round(create.rps / hello.rps, 3),
      sqlPerGroupsQuery,
    }),
  );
}

await main();

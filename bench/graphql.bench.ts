/**
 * npm run bench:graphql — requests per second of the gateway against a bare GraphQL Yoga
 * hello-world, in one run on one machine, plus the SQL statements one `groups` read costs.
 *
 *   hello    a bare `createYoga` server (schema `hello: String`) answering `{ hello }`
 *   groups   the gateway answering `groups(groupIds:)` for 20 groups (4 members each) with `name memberCount`
 *   create   the gateway answering `createGroup` with 10 member ids (no groupId, so one is generated
 *            per request), IM rate limits raised to 1 000 000/s in both the limiter and the emulator
 *
 * How it is measured. Every server runs in its own child process (bench/graphql-target.ts), one
 * fresh child per case, and this process is only the load generator. On a 2-core machine that
 * gives the server one core and the load generator the other: in-process, the generator's HTTP
 * client work would share the server's event loop and add the same cost to every request, which
 * squeezes the ratios towards 1. The gateway child is a whole `buildApp` (its embedded IM
 * emulator included, as in the default set-up) on a fresh SQLite file in a temp dir, logger silent,
 * `X-User-Id` naming the caller (AUTH_MODE=dev). The load generator is identical for all three
 * cases: one undici Pool of CONCURRENCY connections (no pipelining), CONCURRENCY workers each
 * sending its next request as soon as the previous answer is read and checked, WARMUP_MS of
 * warm-up, then MEASURE_MS in which answers are counted. Every body is fixed per case and every
 * answer is parsed and checked; only correct answers count towards the rate, and any failure is
 * reported on stderr (and in the table).
 *
 * sqlPerGroupsQuery: after the groups load, the dispatcher is stopped (its polling would add
 * statements) and `store.statementCount()` is read before and after one more identical request.
 *
 * The last line on stdout is one JSON object.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { mutationBody, queryBody } from '../test/kit/client.js';
import type { TargetKind, TargetMessage, TargetRequest } from './graphql-target.js';

const CONCURRENCY = 32;
const WARMUP_MS = 2000;
const MEASURE_MS = 5000;
const GROUPS = 20;
const MEMBERS_PER_READ_GROUP = 3; // plus the owner: 4 members each
const CREATE_MEMBERS = 10;
const CALLER = 'benchuser';

const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
  'x-user-id': CALLER,
};

interface Figures {
  rps: number;
  answers: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time over the measured window, in % of one core: is the server (or the load generator) saturated? */
  serverCpuPct: number;
  loadGenCpuPct: number;
  /** The first few distinct failure descriptions. */
  failureKinds: string[];
}

/** A failure description, or null when the answer is what the case expects. */
type Check = (status: number, body: string) => string | null;

// ---------------------------------------------------------------- the servers

class TargetProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: number | undefined) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: TargetMessage) => {
      if (message.type !== 'reply') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  }

  static start(kind: TargetKind): Promise<TargetProcess> {
    const child = fork(new URL('./graphql-target.ts', import.meta.url), [kind], {
      execArgv: ['--import', 'tsx'],
      // The child's stdout goes to our stderr: the last line of our stdout stays the JSON.
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout!.pipe(process.stderr);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${kind} target exited with ${code} before it was ready`));
      child.once('exit', onExit);
      child.once('message', (message: TargetMessage) => {
        child.off('exit', onExit);
        if (message.type === 'ready') resolve(new TargetProcess(child, message.url));
        else reject(new Error(`${kind} target: unexpected first message`));
      });
    });
  }

  request(cmd: TargetRequest['cmd']): Promise<number | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd } satisfies TargetRequest);
    });
  }

  /** Closes the server and waits for the child to exit by itself; says so on stderr when it does not. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await this.request('close');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000).then(() => true)]);
    if (timedOut) {
      console.error(`warning: the target at ${this.url} did not exit within 5 s of closing; killing it`);
      this.child.kill();
      await exited;
    }
  }
}

// ---------------------------------------------------------------- the load generator

async function measure(target: TargetProcess, body: string, check: Check): Promise<Figures> {
  const url = target.url;
  const pool = new Pool(url, { connections: CONCURRENCY, pipelining: 1 });
  const started = performance.now();
  const measureFrom = started + WARMUP_MS;
  const measureUntil = measureFrom + MEASURE_MS;
  let answers = 0;
  let failures = 0;
  const failureKinds = new Set<string>();
  const latencies: number[] = [];

  // CPU use of both sides over the measured window, read when it opens and when it closes.
  const cpuAt = async () => ({ server: (await target.request('cpuMicros'))!, loadGen: cpuMicros() });
  const cpuFrom = sleep(WARMUP_MS).then(cpuAt);
  const cpuUntil = sleep(WARMUP_MS + MEASURE_MS).then(cpuAt);

  const fail = (reason: string) => {
    failures++;
    if (failureKinds.size < 5) failureKinds.add(reason);
  };

  const worker = async () => {
    while (performance.now() < measureUntil) {
      const sentAt = performance.now();
      let failure: string | null;
      try {
        const response = await pool.request({ path: '/graphql', method: 'POST', headers: HEADERS, body });
        failure = check(response.statusCode, await response.body.text());
      } catch (error) {
        failure = `request error: ${error instanceof Error ? error.message : String(error)}`;
      }
      const doneAt = performance.now();
      // Failures are counted over the whole run, warm-up included; the rate counts correct answers only.
      if (failure !== null) fail(failure);
      else if (doneAt >= measureFrom && doneAt < measureUntil) {
        answers++;
        latencies.push(doneAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.close();
  const [from, until] = await Promise.all([cpuFrom, cpuUntil]);
  const cpuPct = (micros: number) => round((100 * micros) / 1000 / MEASURE_MS, 0);

  latencies.sort((a, b) => a - b);
  return {
    rps: round(answers / (MEASURE_MS / 1000), 1),
    answers,
    failures,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    serverCpuPct: cpuPct(until.server - from.server),
    loadGenCpuPct: cpuPct(until.loadGen - from.loadGen),
    failureKinds: [...failureKinds],
  };
}

/** One request outside the load, for set-up and for counting statements. */
async function post(url: string, body: string): Promise<{ status: number; json: GraphQLAnswer }> {
  const pool = new Pool(url, { connections: 1 });
  try {
    const response = await pool.request({ path: '/graphql', method: 'POST', headers: HEADERS, body });
    return { status: response.statusCode, json: (await response.body.json()) as GraphQLAnswer };
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------- the cases

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string }>;
}

function parse(status: number, body: string): GraphQLAnswer | string {
  if (status !== 200) return `HTTP ${status}: ${body.slice(0, 200)}`;
  let json: GraphQLAnswer;
  try {
    json = JSON.parse(body) as GraphQLAnswer;
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (json.errors?.length) return `errors: ${json.errors.map((error) => error.message).join('; ')}`;
  return json;
}

const helloBody = JSON.stringify({ query: '{ hello }' });

const checkHello: Check = (status, body) => {
  const json = parse(status, body);
  if (typeof json === 'string') return json;
  return json.data?.hello === 'world' ? null : `unexpected answer: ${body.slice(0, 200)}`;
};

function createBody(name: string, memberIds: string[]): string {
  return JSON.stringify(mutationBody('createGroup', { name, memberIds }));
}

interface CreateAnswer {
  __typename: string;
  message?: string;
  group?: { groupId: string; memberCount: number; syncStatus: string };
}

/** The group when the answer is `CreateGroupSuccess`, else a failure description. */
function createdGroup(status: number, body: string, memberCount: number): CreateAnswer['group'] | string {
  const json = parse(status, body);
  if (typeof json === 'string') return json;
  const answer = json.data?.createGroup as CreateAnswer | undefined;
  if (answer?.__typename !== 'CreateGroupSuccess' || !answer.group) {
    return `${answer?.__typename ?? 'no createGroup'}: ${answer?.message ?? body.slice(0, 200)}`;
  }
  if (answer.group.memberCount !== memberCount) return `memberCount ${answer.group.memberCount}, expected ${memberCount}`;
  return answer.group;
}

const createMemberIds = Array.from({ length: CREATE_MEMBERS }, (_, i) => `member${i}`);
const createLoadBody = createBody('bench group', createMemberIds);

/** Counts answers that are `CreateGroupSuccess` but still PENDING at the IM Service (reported, not failures). */
let pendingCreates = 0;
const checkCreate: Check = (status, body) => {
  const group = createdGroup(status, body, CREATE_MEMBERS + 1);
  if (typeof group === 'string') return group;
  if (group?.syncStatus !== 'SYNCED') pendingCreates++;
  return null;
};

function groupsBody(groupIds: string[]): string {
  return JSON.stringify(queryBody('groups', { groupIds }));
}

function checkGroups(expected: number): Check {
  return (status, body) => {
    const json = parse(status, body);
    if (typeof json === 'string') return json;
    const groups = json.data?.groups as Array<{ name: string; memberCount: number } | null> | undefined;
    if (!groups || groups.length !== expected) return `expected ${expected} groups: ${body.slice(0, 200)}`;
    const wrong = groups.find((group) => group?.memberCount !== MEMBERS_PER_READ_GROUP + 1);
    return wrong === undefined ? null : `unexpected group ${JSON.stringify(wrong)}`;
  };
}

async function helloCase(): Promise<Figures> {
  const target = await TargetProcess.start('hello');
  try {
    return await measure(target, helloBody, checkHello);
  } finally {
    await target.close();
  }
}

async function groupsCase(): Promise<{ figures: Figures; sqlPerGroupsQuery: number }> {
  const target = await TargetProcess.start('gateway');
  try {
    const groupIds: string[] = [];
    const memberIds = Array.from({ length: MEMBERS_PER_READ_GROUP }, (_, i) => `member${i}`);
    for (let i = 0; i < GROUPS; i++) {
      const { status, json } = await post(target.url, createBody(`bench group ${i}`, memberIds));
      const group = createdGroup(status, JSON.stringify(json), MEMBERS_PER_READ_GROUP + 1);
      if (typeof group === 'string' || !group) throw new Error(`set-up createGroup failed: ${String(group)}`);
      groupIds.push(group.groupId);
    }
    const body = groupsBody(groupIds);
    const figures = await measure(target, body, checkGroups(GROUPS));

    await target.request('stopDispatcher');
    const before = await target.request('statementCount');
    const { status, json } = await post(target.url, body);
    const after = await target.request('statementCount');
    const failure = checkGroups(GROUPS)(status, JSON.stringify(json));
    if (failure) throw new Error(`the counted groups request failed: ${failure}`);
    return { figures, sqlPerGroupsQuery: after! - before! };
  } finally {
    await target.close();
  }
}

async function createCase(): Promise<Figures> {
  const target = await TargetProcess.start('gateway');
  try {
    return await measure(target, createLoadBody, checkCreate);
  } finally {
    await target.close();
  }
}

// ---------------------------------------------------------------- main

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function main(): Promise<void> {
  console.error(`bench:graphql — concurrency ${CONCURRENCY}, ${WARMUP_MS} ms warm-up + ${MEASURE_MS} ms per case`);
  const hello = await helloCase();
  const { figures: groups, sqlPerGroupsQuery } = await groupsCase();
  const create = await createCase();

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

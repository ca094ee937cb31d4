import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { eventually, startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorGroup, expectSecretAbsent } from '../fixtures/im.js';
import { ADMIN, MEMBER, OWNER, SEED_GROUPS } from './fuzz-values.js';
import { type FuzzRequest, MUTATION_NAMES, OPERATIONS, UNION_MEMBERS, request } from './fuzz-operations.js';

/**
 * Property-based fuzzing of the whole request pipeline (Yoga, limits, coercion, validation,
 * authentication, resolvers, the store and the IM emulator) with arbitrary variables and
 * callers. Requests go through `app.graphql.fetch`, in-process: no socket, same pipeline.
 *
 * On failure fast-check prints the seed and path; rerun with them (and `endOnFailure: false`
 * to shrink) to replay the exact requests.
 */

/** Fixed, so a run is repeatable; FUZZ_SEED explores others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
/** Requests per property run, sent at once. */
const CONCURRENCY = 8;
const RUNS = 1_250;
const MIN_REQUESTS = 10_000;
/** Heap growth tolerated across the whole run, after forced collections; log lines are kept in memory and count. */
const MAX_HEAP_GROWTH_BYTES = 64 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------

/** Stack frames, source paths and internal error names: none may reach a client. */
const INTERNAL_DETAIL = /\n\s+at |node_modules|\/src\/|\.ts:\d+|SqliteError|SQLITE_|Kysely|URIError|TypeError|RangeError|ReferenceError|ImError/;

interface GraphQLBody {
  data?: Record<string, { __typename?: string } | null> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/**
 * Field errors Pothos raises itself, without a code: the relay plugin's, for a `node(id:)` id the
 * gateway never gave out ("Invalid global ID: …", "Foo has not been implemented", "Viewer does
 * not support loading by id"), and the validation plugin's, for `groups(groupIds:)` over 100 ids
 * ("Validation error: groupIds: …"). Tolerated there, and only there.
 */
function uncodedErrorAllowed(field: string, message: string): boolean {
  return field === 'node' || (field === 'groups' && message.startsWith('Validation error: groupIds:'));
}

let fixture: GatewayFixture;

async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (request.caller !== undefined) headers['x-user-id'] = request.caller;
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: OPERATIONS[request.operation]!.query, variables: request.variables }),
  });
  return { status: response.status, text: await response.text() };
}

/** What a failure report shows of a request: long strings cut short. */
function describeRequest(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 80)}…(${value.length} chars)`;
    if (Array.isArray(value) && value.length > 20) return [...value.slice(0, 5), `…(${value.length} items)`];
    return value;
  });
}

/** CONCURRENCY requests, printed (in a counterexample) with long strings cut short. */
function batchOf(arbitrary: fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest[]> {
  return fc
    .array(arbitrary, { minLength: CONCURRENCY, maxLength: CONCURRENCY })
    .map((batch) => Object.assign(batch, { [fc.toStringMethod]: () => batch.map(describeRequest).join('\n') }));
}

/** Every property the fuzz holds each answer to; throws with the request and answer when one fails. */
function checkAnswer(request: FuzzRequest, status: number, text: string, secret: string): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\nrequest: ${describeRequest(request)}\nstatus: ${status}\nanswer: ${text.slice(0, 1_000)}`);
  };
  if (status >= 500) fail('a 5xx');
  if (text.includes(secret)) fail('the IM secret in an answer');
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    return fail('an answer that is not JSON');
  }
  const errors = body.errors ?? [];
  for (const error of errors) {
    if (error.message === 'Unexpected error.') fail('an unexpected exception, masked');
    if (INTERNAL_DETAIL.test(JSON.stringify(error))) fail('an error exposing internal detail');
    if (error.extensions && ('stack' in error.extensions || 'originalError' in error.extensions)) fail('an error with a stack or its original error');
  }
  const operation = OPERATIONS[request.operation]!;
  const requestErrors = errors.filter((error) => !error.path);
  const fieldErrors = errors.filter((error) => error.path);
  if (requestErrors.length > 0) {
    // Refused before execution. The documents are valid and within the limits (checked above),
    // so only the variables can be at fault.
    if (body.data != null) fail('data next to a request error');
    if (status !== 200 && status !== 400) fail('a request error answered with neither 200 nor 400');
    for (const error of requestErrors) if (!/variable/i.test(error.message)) fail('a request error not about the variables');
    return;
  }
  if (status !== 200) fail('an executed operation answered with a status other than 200');
  if (operation.kind === 'mutation') {
    const result = body.data?.[operation.field];
    if (!result?.__typename) fail('a mutation answer that is not a member of its union');
    if (!UNION_MEMBERS.get(operation.field)!.has(result!.__typename!)) fail(`${result!.__typename} is not in ${operation.field}'s union`);
    // Mutations answer failures in the union: none of their fields should raise an error.
    if (fieldErrors.length > 0) fail('field errors next to a mutation answer');
    return;
  }
  // A read the caller may not make, or with a bad argument, is a field error with a code clients switch on.
  for (const error of fieldErrors) {
    const code = error.extensions?.code;
    if (code !== 'UNAUTHENTICATED' && code !== 'FORBIDDEN' && code !== 'BAD_USER_INPUT' && !uncodedErrorAllowed(operation.field, error.message)) {
      fail('a field error without a code');
    }
  }
}

async function call(query: string, variables: Record<string, unknown>, as: string): Promise<GraphQLBody> {
  const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user-id': as },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

const SEED_CREATE = `mutation FuzzSeed($input: CreateGroupInput!) { createGroup(input: $input) { __typename } }`;
const SEED_ROLE = `mutation FuzzSeedRole($groupId: String!) { setGroupMemberRole(input: { groupId: $groupId, userId: "${ADMIN}", role: ADMIN }) { __typename } }`;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('fuzzing every mutation and a few queries', () => {
  beforeAll(async () => {
    // A short deadline: a valid change the IM budget cannot serve at once is shed as RateLimitedError, not queued for seconds.
    fixture = await startGateway({ config: { requestDeadlineMs: 200, rateLimits: { group: 100, publish: 20 } } });
    for (const id of SEED_GROUPS) {
      const seed = () => call(SEED_CREATE, { input: { groupId: id, name: `Seed ${id}`, memberIds: [ADMIN, MEMBER, 'mem2', 'mem3'], notify: false } }, OWNER);
      let created = await seed();
      // Set-up, not the subject: on a loaded machine the 200 ms deadline may pass before the request is served, and it is shed.
      for (let tries = 0; tries < 20 && created.data?.createGroup?.__typename === 'RateLimitedError'; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        created = await seed();
      }
      expect(created.data?.createGroup?.__typename).toBe('CreateGroupSuccess');
      expect((await call(SEED_ROLE, { groupId: id }, OWNER)).data?.setGroupMemberRole?.__typename).toBe('SetGroupMemberRoleSuccess');
    }
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('sends documents that are valid and within the query limits', async () => {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      expect(validate(schema, parse(operation.query)), name).toEqual([]);
      // Executed without variables: only coercion can refuse it, never a limit.
      const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user-id': OWNER },
        body: JSON.stringify({ query: operation.query }),
      });
      const body = (await response.json()) as GraphQLBody;
      for (const error of body.errors ?? []) expect(error.message, name).toMatch(/^Variable "\$\w+" of required type/);
    }
  });

  it(`answers ${MIN_REQUESTS}+ arbitrary requests without a 5xx, a masked exception or a leak, and stays healthy`, async () => {
    const secret = fixture.emulator.appSecret;
    // Warm up (JIT, caches, statements), so the heap baseline is not the cold start.
    for (const batch of fc.sample(batchOf(request), { numRuns: 25, seed: SEED + 1 })) {
      await Promise.all(batch.map(send));
    }
    const heapBefore = heapUsed();
    const started = performance.now();
    const typenames = new Map<string, number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(batchOf(request), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        sent += batch.length;
        for (const [i, answer] of answers.entries()) {
          const fuzzRequest = batch[i]!;
          checkAnswer(fuzzRequest, answer.status, answer.text, secret);
          const field = OPERATIONS[fuzzRequest.operation]!.field;
          const typename = (JSON.parse(answer.text) as GraphQLBody).data?.[field]?.__typename ?? (answer.status === 200 ? 'data' : `${answer.status}`);
          const key = `${field}:${typename}`;
          typenames.set(key, (typenames.get(key) ?? 0) + 1);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const elapsedMs = performance.now() - started;
    const summary = [...typenames.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `${key} ${count}`);
    console.log(`fuzz: ${sent} requests in ${(elapsedMs / 1000).toFixed(1)} s (seed ${SEED}):\n  ${summary.join('\n  ')}`);
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Every mutation ran, and the paths past validation did too (authorization, the store, the IM Service).
    for (const name of MUTATION_NAMES) {
      expect([...typenames.keys()].some((key) => key.startsWith(`${name}:`)), `${name} was never sent`).toBe(true);
    }
    for (const outcome of ['ForbiddenError', 'GroupNotFoundError', 'ValidationError', 'NotAuthenticatedError', 'CreateGroupSuccess', 'AddGroupMembersSuccess']) {
      expect([...typenames.keys()].some((key) => key.endsWith(`:${outcome}`)), `no ${outcome} in the run`).toBe(true);
    }

    // Still answers a normal createGroup (retrying while the IM budget is spent by work still in flight).
    let created: GraphQLBody | null = null;
    await eventually(async () => {
      created = await call(SEED_CREATE, { input: { groupId: 'afterfuzz', name: 'After the fuzz', notify: false } }, 'alice');
      return created.data?.createGroup?.__typename !== 'RateLimitedError';
    }, 15_000, 250);
    expect(created!.data?.createGroup?.__typename).toBe('CreateGroupSuccess');

    const heapAfter = heapUsed();
    console.log(
      `fuzz: heap ${mb(heapBefore)} → ${mb(heapAfter)} (growth ${mb(heapAfter - heapBefore)}, bound ${mb(MAX_HEAP_GROWTH_BYTES)}); ` +
        `${fixture.logLines.length} log lines`,
    );
    expect(heapAfter - heapBefore).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    expectSecretAbsent(fixture.logLines, [], secret);
  }, 180_000);
});

describe('found by fuzzing', () => {
  // A lone UTF-16 surrogate (JSON "\ud800") once passed the string rules, was stored, and then
  // made percent-encoding throw in the dispatcher, wedging the group's outbox for good.
  // Now such text is refused as a ValidationError, and the encoder could not throw on it anyway.
  it('a lone surrogate in a new name does not stop later changes of the group reaching the IM Service', async () => {
    const gateway = await startGateway({ config: { requestDeadlineMs: 200 } });
    try {
      const post = async (query: string, variables: Record<string, unknown>) => {
        const response = await gateway.app.graphql.fetch('http://gateway/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLBody;
      };
      const created = await post(SEED_CREATE, { input: { groupId: 'lonely', name: 'Lonely', notify: false } });
      expect(created.data?.createGroup?.__typename).toBe('CreateGroupSuccess');

      const renamed = await post('mutation($name: String) { updateGroup(input: { groupId: "lonely", name: $name, notify: false }) { __typename } }', {
        name: 'x\ud800',
      });
      expect(['UpdateGroupSuccess', 'ValidationError']).toContain(renamed.data?.updateGroup?.__typename);
      const added = await post('mutation { addGroupMembers(input: { groupId: "lonely", userIds: ["bob"], notify: false }) { __typename } }', {});
      expect(added.data?.addGroupMembers?.__typename).toBe('AddGroupMembersSuccess');

      await eventually(async () => (await emulatorGroup(gateway.emulator, 'lonely'))?.members.includes('bob') ?? false, 3_000);
    } finally {
      await gateway.close();
    }
  });
});

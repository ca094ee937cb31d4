import { ReadableStream } from 'node:stream/web';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, QUERY_LIMITS } from '../../src/graphql/limits.js';
import { exampleOperations } from '../../src/graphql/operations.js';
import { startGateway, userIds, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorLog, expectSecretAbsent } from '../fixtures/im.js';

/**
 * Hostile requests over real HTTP. Each must be answered quickly with a 4xx or a typed answer
 * (never a 5xx, never a hang) and leave the process answering.
 *
 * FAST_MS: every request here is refused before a resolver or an IM call runs; on an idle
 * machine each is answered in 2 to 100 ms (the 100 000-id list, the slowest, in about 100 ms).
 * Two seconds is 20 times that: room for a shared, noisy 2-core machine, while a request that
 * did the hostile work instead of refusing it (a pathological parse or validation walk, a wait on
 * the rate limiter or the IM Service, whose calls time out after 5 s) would still show.
 */
const FAST_MS = 2_000;

/** Accept as a GraphQL-over-HTTP client does: request errors then answer 4xx, not 200. */
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface Answer {
  status: number;
  ms: number;
  text: string;
  /** The parsed body, when it is JSON. */
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

let fixture: GatewayFixture;

beforeAll(async () => {
  fixture = await startGateway();
});

afterAll(async () => {
  expectSecretAbsent(fixture.logLines, [], fixture.emulator.appSecret);
  await fixture.close();
});

// Whatever a hostile request did, the process still answers: its health check, and a real query.
afterEach(async () => {
  const health = await fetch(`${fixture.url}/health`);
  expect(health.status).toBe(200);
  const viewer = await post(JSON.stringify({ query: '{ viewer { userId } }' }));
  expect(viewer.json).toEqual({ data: { viewer: { userId: 'alice' } } });
});

async function send(init: { method?: string; body?: BodyInit; headers?: Record<string, string>; query?: string }): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${fixture.url}/graphql${init.query ? `?${init.query}` : ''}`, {
    method: init.method ?? 'POST',
    headers: { accept: GRAPHQL_RESPONSE, 'x-user-id': 'alice', ...init.headers },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // Not JSON: left null, the assertions say what they expected.
  }
  return { status: response.status, ms, text, json };
}

function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send({ body, headers: { 'content-type': 'application/json', ...headers } });
}

function request(query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Answer> {
  return post(JSON.stringify({ query, variables, ...extra }));
}

/** Answered fast, without a 5xx. */
function expectFast(answer: Answer): void {
  expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(500);
  expect(answer.ms, `answered in ${answer.ms.toFixed(0)} ms`).toBeLessThan(FAST_MS);
}

/** A refusal before execution: a 4xx (or the 200 Yoga gives graphql-armor's refusals), no data, the named reason. */
function expectRefused(answer: Answer, reason: RegExp, statuses: number[] = [400]): void {
  expectFast(answer);
  expect(statuses, answer.text.slice(0, 500)).toContain(answer.status);
  expect(answer.json?.data ?? null).toBeNull();
  expect(answer.json?.errors?.map((error) => error.message).join('\n')).toMatch(reason);
}

/**
 * graphql-armor throws its refusals from inside validation without an error code, so Yoga answers
 * them 200 even to `application/graphql-response+json` clients (graphql-js's own validation
 * errors get 400). Still a refusal with nothing executed; reported, tolerated here.
 */
const ARMOR_STATUSES = [200, 400];

const CREATE_GROUP = `
  mutation HostileCreate($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`;

const GROUP = `query HostileGroup($groupId: String!) { group(groupId: $groupId) { groupId } }`;

async function groupExists(groupId: string): Promise<boolean> {
  const answer = await request(GROUP, { groupId });
  expect(answer.json?.errors).toBeUndefined();
  return answer.json?.data?.group != null;
}

async function imCallCount(): Promise<number> {
  return (await emulatorLog(fixture.emulator)).length;
}

describe('the example operations', () => {
  const operations = exampleOperations().map((query) => ({ query, name: /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?' }));

  it('are all there', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
  });

  it.each(operations)('$name runs with its default variables, without any limit error', async ({ query }) => {
    const answer = await request(query);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json?.errors, answer.text).toBeUndefined();
    expect(answer.json?.data).toBeTruthy();
  });
});

describe('hostile variables', () => {
  it('answers 100 000 member ids in createGroup with a ValidationError saying the list is too long, and sends nothing', async () => {
    const body = JSON.stringify({ query: CREATE_GROUP, variables: { input: { groupId: 'flood', name: 'Flood', memberIds: userIds(100_000) } } });
    // Under the body limit, so it is the list rule that refuses it, not the 413.
    expect(Buffer.byteLength(body)).toBeLessThan(MAX_REQUEST_BYTES);
    const before = await imCallCount();

    const answer = await post(body);

    expectFast(answer);
    expect(answer.status).toBe(200);
    expect(answer.json?.data?.createGroup).toEqual({
      __typename: 'ValidationError',
      message: expect.any(String),
      // One issue for the whole list, not one per id.
      issues: [{ path: ['input', 'memberIds'], message: expect.stringMatching(/at most \d+ ids/) }],
    });
    expect(await imCallCount()).toBe(before);
    expect(await groupExists('flood')).toBe(false);
  });

  it('answers a 1 MB group name with a ValidationError on the name', async () => {
    const answer = await request(CREATE_GROUP, { input: { groupId: 'bigname', name: 'n'.repeat(1_000_000) } });

    expectFast(answer);
    expect(answer.status).toBe(200);
    expect(answer.json?.data?.createGroup).toEqual({
      __typename: 'ValidationError',
      message: expect.any(String),
      issues: [{ path: ['input', 'name'], message: expect.stringMatching(/at most 64 characters/) }],
    });
    expect(await groupExists('bigname')).toBe(false);
  });

  // Yoga answers 413 before reading the rest of the body, then the connection is reset (it says
  // `keep-alive` all the same): each of these gets a connection of its own, closed afterwards, so
  // the reset cannot reach the next test's request through the shared pool.
  async function postOversized(body: string | ReadableStream<Uint8Array>): Promise<Answer> {
    const agent = new Agent({ connections: 1 });
    try {
      const started = performance.now();
      const response = await undiciFetch(`${fixture.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, 'x-user-id': 'alice' },
        body,
        duplex: 'half',
        dispatcher: agent,
      });
      const text = await response.text();
      return { status: response.status, ms: performance.now() - started, text, json: JSON.parse(text) as Answer['json'] };
    } finally {
      await agent.destroy();
    }
  }

  it('answers a body over 2 MiB with 413', async () => {
    const answer = await postOversized(JSON.stringify({ query: GROUP, variables: { groupId: 'x'.repeat(MAX_REQUEST_BYTES + 1024) } }));

    expectFast(answer);
    expect(answer.status).toBe(413);
    expect(answer.json?.errors?.[0]?.message).toMatch(/too large/i);
  });

  it('answers a chunked body over 2 MiB, with no Content-Length, with 413', async () => {
    const encoder = new TextEncoder();
    const chunk = encoder.encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`{"query":${JSON.stringify(GROUP)},"variables":{"groupId":"`));
      },
      pull(controller) {
        if (sent > 2 * MAX_REQUEST_BYTES) {
          controller.enqueue(encoder.encode('"}}'));
          controller.close();
          return;
        }
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });

    const answer = await postOversized(body);

    expectFast(answer);
    expect(answer.status).toBe(413);
  });
});

describe('hostile documents', () => {
  it('refuses 2 000 nested inline fragments at parse time (token limit), without recursing through them', async () => {
    const answer = await request(`query { ${'... on Query { '.repeat(2_000)} __typename ${'} '.repeat(2_000)} }`);
    expectRefused(answer, new RegExp(`Token limit of ${QUERY_LIMITS.maxTokens} exceeded`));
  });

  it('refuses a nesting just past the depth limit, naming depth', async () => {
    const levels = QUERY_LIMITS.maxDepth + 2;
    const answer = await request(`query { ${'... on Query { '.repeat(levels)} __typename ${'} '.repeat(levels)} }`);
    expectRefused(answer, new RegExp(`depth limit of ${QUERY_LIMITS.maxDepth} exceeded`), ARMOR_STATUSES);
  });

  it('refuses the deepest real path (viewer → groups → node → members) pushed deeper by a chain of fragments, naming depth', async () => {
    // The schema has no cycle: viewer/groups/edges/node/members/edges/node/userId is 8 levels, within
    // the limit; each spread of the chain adds one.
    const fragments = ['fragment Chain0 on Group { members { edges { node { userId role } } } }'];
    for (let i = 1; i < 4; i++) fragments.push(`fragment Chain${i} on Group { ...Chain${i - 1} }`);
    const query = `query DeepViewer { viewer { groups { edges { node { ...Chain3 } } } } } ${fragments.join(' ')}`;

    expectRefused(await request(query), /depth limit of 10 exceeded/, ARMOR_STATUSES);
  });

  it('refuses the same path behind 150 chained fragments (depth or cost, whichever trips first)', async () => {
    const fragments = ['fragment Chain0 on Group { members { edges { node { userId } } } }'];
    for (let i = 1; i < 150; i++) fragments.push(`fragment Chain${i} on Group { ...Chain${i - 1} }`);
    const query = `{ viewer { groups { edges { node { ...Chain149 } } } } } ${fragments.join(' ')}`;

    expectRefused(await request(query), /depth limit|Cost limit/, ARMOR_STATUSES);
  });

  it('refuses the real path with the largest pages, naming cost', async () => {
    const query = '{ viewer { groups(first: 100) { edges { node { members(first: 200) { edges { node { userId } } } } } } } }';
    expectRefused(await request(query), new RegExp(`Cost limit of ${QUERY_LIMITS.maxCost} exceeded`), ARMOR_STATUSES);
  });

  it('refuses an introspection query that cycles through interfaces and possibleTypes', async () => {
    // Error has 10 implementations, each implementing Error: every two levels multiply the answer by 10.
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `possibleTypes { interfaces { ${selection} } }`;
    const answer = await request(`{ __schema { types { ${selection} } } }`);
    expectRefused(answer, /introspection depth/i);
  });

  it('refuses 1 000 aliases of viewer { userId } (the token limit trips before the alias count)', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, i) => `a${i}: viewer { userId }`).join(' ');
    expectRefused(await request(`{ ${aliases} }`), /Aliases limit|Token limit/, ARMOR_STATUSES);
  });

  it('refuses more aliases than the limit, naming aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { userId }`).join(' ');
    expectRefused(await request(`{ ${aliases} }`), new RegExp(`Aliases limit of ${QUERY_LIMITS.maxAliases} exceeded`), ARMOR_STATUSES);
  });

  it('refuses a query of 5 000 tokens', async () => {
    const query = `{ viewer { ${'userId '.repeat(4_994)} } }`;
    expectRefused(await request(query), new RegExp(`Token limit of ${QUERY_LIMITS.maxTokens} exceeded`));
  });
});

describe('hostile HTTP', () => {
  it('answers invalid JSON with 400', async () => {
    const answer = await post('{"query": "{ viewer { userId } }", ');
    expectFast(answer);
    expect(answer.status).toBe(400);
    expect(answer.json?.errors?.length).toBeGreaterThan(0);
  });

  it('refuses a text/plain POST (a browser "simple" request) by CSRF prevention, executing nothing', async () => {
    const before = await imCallCount();
    const answer = await send({
      body: JSON.stringify({ query: 'mutation { createGroup(input: { groupId: "csrfplain", name: "CSRF" }) { __typename } }' }),
      headers: { 'content-type': 'text/plain' },
    });

    expectFast(answer);
    expect(answer.status).toBe(403);
    expect(answer.json?.data ?? null).toBeNull();
    expect(await groupExists('csrfplain')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('refuses a form POST by CSRF prevention, executing nothing', async () => {
    const before = await imCallCount();
    const form = new URLSearchParams({ query: 'mutation { createGroup(input: { groupId: "csrfform", name: "CSRF" }) { __typename } }' });
    const urlencoded = await send({ body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const multipartBody = new FormData();
    multipartBody.set('operations', JSON.stringify({ query: 'mutation { createGroup(input: { groupId: "csrfmultipart", name: "CSRF" }) { __typename } }' }));
    multipartBody.set('map', '{}');
    const multipart = await send({ body: multipartBody });

    for (const answer of [urlencoded, multipart]) {
      expectFast(answer);
      expect(answer.status, answer.text).toBe(403);
    }
    expect(await groupExists('csrfform')).toBe(false);
    expect(await groupExists('csrfmultipart')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('answers an unknown operationName with a 4xx and an error', async () => {
    const answer = await request('query Known { viewer { userId } }', undefined, { operationName: 'Unknown' });
    expectFast(answer);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.json?.errors?.length).toBeGreaterThan(0);
    expect(answer.json?.data ?? null).toBeNull();
  });

  it('answers a batched array body with a 4xx (batching is off), executing none of it', async () => {
    const before = await imCallCount();
    const answer = await post(
      JSON.stringify([
        { query: '{ viewer { userId } }' },
        { query: 'mutation { createGroup(input: { groupId: "batched", name: "Batched" }) { __typename } }' },
      ]),
    );
    expectFast(answer);
    expect(answer.status).toBe(400);
    expect(answer.json?.errors?.[0]?.message).toMatch(/batching/i);
    expect(await groupExists('batched')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('answers a mutation sent with GET with 405, executing nothing', async () => {
    const before = await imCallCount();
    const query = new URLSearchParams({ query: 'mutation { createGroup(input: { groupId: "viaget", name: "GET" }) { __typename } }' }).toString();
    // A non-browser client, which sends the CSRF header: the method is what refuses it.
    const withHeader = await send({ method: 'GET', query, headers: { 'x-graphql-yoga-csrf': '1' } });
    // A browser's plain GET (no custom header) is refused even earlier, by CSRF prevention.
    const plain = await send({ method: 'GET', query });

    expectFast(withHeader);
    expect(withHeader.status, withHeader.text).toBe(405);
    expect(withHeader.json?.errors?.[0]?.message).toMatch(/POST/);
    expectFast(plain);
    expect(plain.status).toBe(403);
    expect(await groupExists('viaget')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });
});

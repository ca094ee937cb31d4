import { ReadableStream } from 'node:stream/web';
import { getIntrospectionQuery } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, QUERY_LIMITS } from '../../src/graphql/limits.js';
import { exampleTabs } from '../../src/graphql/operations.js';
import { userIds } from '../fixtures/gateway.js';
import { LIMIT_CODES, type LimitName } from '../../src/graphql/limit-errors.js';
import { CREATE_GROUP, GRAPHQL_RESPONSE, GROUP, type Answer, expectFast, expectLimit, expectRefused, gateway, groupExists, imCallCount, post, request } from './hostile-http.js';

/** Hostile variables and documents: refused fast, before any resolver or IM call (see hostile-http.ts). */

describe('the example operations', () => {
  // A subscription tab answers over Server-Sent Events: test/graphql/graphiql.test.ts runs it so, through the same limits.
  const operations = exampleTabs().filter(({ query }) => !/^subscription\s/m.test(query)).map(({ query, variables }) => ({
    query,
    variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
    name: /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?',
  }));

  it('are all there', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
  });

  it("GraphiQL's introspection query passes every limit and answers the schema", async () => {
    const answer = await request(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(answer.status, answer.text.slice(0, 500)).toBe(200);
    expect(answer.json?.errors).toBeUndefined();
    expect((answer.json?.data?.__schema as { types: unknown[] }).types.length).toBeGreaterThan(20);
  });

  it.each(operations)('$name runs with its variables, without any limit error', async ({ query, variables }) => {
    const answer = await request(query, variables);
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
  async function postOnOwnConnection(body: string | ReadableStream<Uint8Array>): Promise<Answer> {
    const agent = new Agent({ connections: 1 });
    try {
      const started = performance.now();
      const response = await undiciFetch(`${gateway().url}/graphql`, {
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
    const answer = await postOnOwnConnection(JSON.stringify({ query: GROUP, variables: { groupId: 'x'.repeat(MAX_REQUEST_BYTES + 1024) } }));

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

    const answer = await postOnOwnConnection(body);

    expectFast(answer);
    expect(answer.status).toBe(413);
  });

  it('answers a chunked body under the limit, with no Content-Length, as any other request', async () => {
    const encoder = new TextEncoder();
    const text = JSON.stringify({ query: GROUP, variables: { groupId: 'nosuchgroup' } });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // Two chunks, so the body is read in parts.
        controller.enqueue(encoder.encode(text.slice(0, 20)));
        controller.enqueue(encoder.encode(text.slice(20)));
        controller.close();
      },
    });

    const answer = await postOnOwnConnection(body);

    expectFast(answer);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json?.data).toEqual({ group: null });
  });
});

describe('hostile documents', () => {
  it('refuses 2 000 nested inline fragments at parse time (token limit), without recursing through them', async () => {
    const answer = await request(`query { ${'... on Query { '.repeat(2_000)} __typename ${'} '.repeat(2_000)} }`);
    expect(expectLimit(answer, LIMIT_CODES.tokens)).toMatchObject({ limit: QUERY_LIMITS.maxTokens });
  });

  /** Fields nested `levels` deep. The schema has no cycle this deep yet: depth is checked before the fields are. */
  const nestedFields = (levels: number) => `{ ${'f { '.repeat(levels - 1)}leaf ${'} '.repeat(levels - 1)}}`;

  it('refuses fields nested just past the depth limit, naming depth, before looking at the fields', async () => {
    const levels = QUERY_LIMITS.maxDepth + 1;
    const answer = await request(nestedFields(levels));
    expect(expectLimit(answer, LIMIT_CODES.depth)).toEqual({ code: LIMIT_CODES.depth, limit: QUERY_LIMITS.maxDepth, found: levels });
  });

  it('counts fields, not fragments: colocated fragments spread in one another add no level', async () => {
    // How client codegen composes components: each one's fragment spread in its parent's, here four
    // deep around the deepest real path (viewer/groups/edges/node/members/edges/node/userId: 8 fields).
    const fragments = [
      'fragment MemberRow on GroupMember { userId role }',
      'fragment MemberList on Group { members { edges { node { ...MemberRow } } } }',
      'fragment GroupCard on Group { name ...MemberList }',
      'fragment ConversationList on Viewer { groups { edges { node { ...GroupCard } } } }',
    ];
    const answer = await request(`query Inbox { viewer { ...ConversationList ... on Viewer { userId } } } ${fragments.join(' ')}`);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.json?.errors).toBeUndefined();
    expect(answer.json?.data).toMatchObject({ viewer: { groups: { edges: expect.any(Array) } } });
  });

  it('answers 150 chained spreads as the one path they flatten to, counting each fragment once', async () => {
    const fragments = ['fragment Chain0 on Group { members { edges { node { userId } } } }'];
    for (let i = 1; i < 150; i++) fragments.push(`fragment Chain${i} on Group { ...Chain${i - 1} }`);
    // A caller in no group (the example operations, run above as the default caller, made some), so the answer is known.
    const answer = await post(JSON.stringify({ query: `{ viewer { groups { edges { node { ...Chain149 } } } } } ${fragments.join(' ')}` }), { 'x-user-id': 'chainreader' });

    // Flattened, the chain is the 8 fields of its first fragment: within depth and cost, and what
    // bounds a longer chain is the document's size (tokens).
    expectFast(answer);
    expect(answer.json?.errors, answer.text).toBeUndefined();
    expect(answer.json?.data).toEqual({ viewer: { groups: { edges: [] } } });
  });

  it('refuses fragments spread over and over at one level (too many to count is too costly), naming cost', async () => {
    // Each fragment spreads the next one 22 times: 22^3 fields to count from a document of 150 tokens,
    // three levels deep (within the depth limit).
    const fragments = ['fragment Spread3 on Query { __typename }'];
    for (let i = 2; i >= 0; i--) fragments.push(`fragment Spread${i} on Query { ${`...Spread${i + 1} `.repeat(22)}}`);
    const answer = await request(`{ ...Spread0 } ${fragments.join(' ')}`);
    expectLimit(answer, LIMIT_CODES.cost);
  });

  it('refuses an introspection query that cycles through interfaces and possibleTypes', async () => {
    // Error has 10 implementations, each implementing Error: every two levels multiply the answer by 10.
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `possibleTypes { interfaces { ${selection} } }`;
    const answer = await request(`{ __schema { types { ${selection} } } }`);
    expectRefused(answer, /introspection depth/i);
    expect(answer.json?.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses 1 000 aliases of viewer { userId } (the token limit trips before the alias count)', async () => {
    const aliases = Array.from({ length: 1_000 }, (_, i) => `a${i}: viewer { userId }`).join(' ');
    expectLimit(await request(`{ ${aliases} }`), LIMIT_CODES.tokens);
  });

  it('refuses 60 aliases of __typename: every alias counts', async () => {
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: __typename`).join(' ');
    expect(expectLimit(await request(`{ ${aliases} }`), LIMIT_CODES.aliases)).toMatchObject({ limit: QUERY_LIMITS.maxAliases, found: 60 });
  });
});

/** One document just past each limit: its code, and its status on both media types. */
const PAST_EACH_LIMIT: Array<{ limit: LimitName; query: string; numbers: Record<string, unknown> }> = [
  {
    limit: 'cost',
    query: '{ viewer { groups(first: 100) { edges { node { members(first: 200) { edges { node { userId } } } } } } } }',
    numbers: { limit: QUERY_LIMITS.maxCost, cost: expect.any(Number) },
  },
  {
    limit: 'depth',
    query: `{ ${'f { '.repeat(QUERY_LIMITS.maxDepth)}leaf ${'} '.repeat(QUERY_LIMITS.maxDepth)}}`,
    numbers: { limit: QUERY_LIMITS.maxDepth, found: QUERY_LIMITS.maxDepth + 1 },
  },
  {
    limit: 'aliases',
    query: `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: viewer { userId }`).join(' ')} }`,
    numbers: { limit: QUERY_LIMITS.maxAliases, found: QUERY_LIMITS.maxAliases + 1 },
  },
  { limit: 'tokens', query: `{ viewer { ${'userId '.repeat(QUERY_LIMITS.maxTokens)} } }`, numbers: { limit: QUERY_LIMITS.maxTokens } },
  {
    limit: 'directives',
    query: `{ viewer { userId ${'@include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)} } }`,
    numbers: { limit: QUERY_LIMITS.maxDirectives, found: QUERY_LIMITS.maxDirectives + 1 },
  },
];

describe.each(PAST_EACH_LIMIT)('just past the $limit limit', ({ limit, query, numbers }) => {
  it(`answers application/graphql-response+json with 400 and ${LIMIT_CODES[limit]}`, async () => {
    const answer = await request(query);
    expect(answer.status).toBe(400);
    expect(expectLimit(answer, LIMIT_CODES[limit])).toEqual({ code: LIMIT_CODES[limit], ...numbers });
  });

  it(`answers application/json with 200 and ${LIMIT_CODES[limit]}`, async () => {
    const answer = await post(JSON.stringify({ query }), { accept: 'application/json' });
    expectFast(answer);
    expect(answer.status).toBe(200);
    expect(answer.json?.data ?? null).toBeNull();
    expect(answer.json?.errors?.[0]?.extensions).toEqual({ code: LIMIT_CODES[limit], ...numbers });
  });
});

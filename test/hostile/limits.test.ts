import { ReadableStream } from 'node:stream/web';
import { Agent, fetch as undiciFetch } from 'undici';
import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, QUERY_LIMITS } from '../../src/graphql/limits.js';
import { exampleTabs } from '../../src/graphql/operations.js';
import { userIds } from '../fixtures/gateway.js';
import { ARMOR_STATUSES, CREATE_GROUP, GRAPHQL_RESPONSE, GROUP, type Answer, expectFast, expectRefused, gateway, groupExists, imCallCount, post, request } from './hostile-http.js';

/** Hostile variables and documents: refused fast, before any resolver or IM call (see hostile-http.ts). */

describe('the example operations', () => {
  const operations = exampleTabs().map(({ query, variables }) => ({
    query,
    variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
    name: /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '?',
  }));

  it('are all there', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
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

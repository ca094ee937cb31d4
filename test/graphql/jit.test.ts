import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jitPlugin } from '../../src/graphql/jit.js';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { syncedGroup } from '../kit/factories.js';
import { kitFor } from '../kit/gateway-kit.js';

/**
 * Queries run through graphql-jit where it is safe (src/graphql/jit.ts). The same query is sent
 * twice: as written (compiled by graphql-jit), and with a non-null variable that has a default,
 * which keeps it on graphql-js. Both must answer alike, errors included: the same messages,
 * paths and `extensions.code`, and unexpected errors masked.
 */

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }> };
}

let fixture: GatewayFixture;

async function post(query: string, variables: Record<string, unknown>, as?: string): Promise<Answer> {
  const response = await fetch(`${fixture.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(as ? { 'x-user-id': as } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/**
 * The answer through graphql-jit and through graphql-js: they must be equal, and every error of
 * an execution must carry a code, refused variables included (refused before execution, alike
 * on both paths).
 */
async function bothWays(query: (idsType: string) => string, variables: Record<string, unknown>, as?: string): Promise<Answer> {
  const compiled = await post(query('[String!]!'), variables, as);
  const interpreted = await post(query('[String!]! = ["unused"]'), variables, as);
  expect(compiled).toEqual(interpreted);
  for (const error of compiled.body.errors ?? []) expect(error.extensions?.code, error.message).toBeTruthy();
  return compiled;
}

beforeAll(async () => {
  fixture = await startGateway();
  const kit = kitFor(fixture);
  await syncedGroup(kit, { groupId: 'jitone', name: 'One', owner: 'alice', members: ['bob'], notify: false });
  await syncedGroup(kit, { groupId: 'jittwo', name: 'Two', owner: 'carol', notify: false });
  // Public: bob, no member, reads its profile but not its members.
  await kit.must.updateGroup({ groupId: 'jittwo', visibility: 'PUBLIC' }, { as: 'carol' });
});
afterAll(() => fixture.close());

const READ = (idsType: string) => `query JitRead($ids: ${idsType}) {
  groups(groupIds: $ids) { groupId name memberCount viewerRole owner { userId role } members(first: 5) { edges { node { userId } } } }
}`;

describe('queries through graphql-jit answer as through graphql-js', () => {
  it('answers groups with their owners, the viewer role and the members a member may read', async () => {
    const answer = await bothWays(READ, { ids: ['jitone', 'nosuch', 'jittwo'] }, 'bob');
    expect(answer.body.data).toEqual({
      groups: [
        { groupId: 'jitone', name: 'One', memberCount: 2, viewerRole: 'MEMBER', owner: { userId: 'alice', role: 'OWNER' }, members: { edges: [{ node: { userId: 'alice' } }, { node: { userId: 'bob' } }] } },
        null,
        { groupId: 'jittwo', name: 'Two', memberCount: 1, viewerRole: null, owner: { userId: 'carol', role: 'OWNER' }, members: null },
      ],
    });
    // Bob is not in "jittwo": its members are refused, the rest of it answers.
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: ['groups', 2, 'members'], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('refuses an id no group can have at its index with BAD_USER_INPUT', async () => {
    const answer = await bothWays(READ, { ids: ['jitone', 'not an id'] }, 'alice');
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: ['groups', 1], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
  });

  it('refuses an anonymous caller with UNAUTHENTICATED', async () => {
    const answer = await bothWays(READ, { ids: ['jitone'] });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses variables of the wrong type the same way', async () => {
    const answer = await bothWays(READ, { ids: [1, { no: 'pe' }] }, 'alice');
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses them alike once the query is known to be cheap whatever its variables, left to the executor to coerce', async () => {
    // Few enough fields that any 100 groups stay within the cost: after its first answer, its
    // variables are no longer checked before execution (limits.ts), only by the executor itself.
    const names = (idsType: string) => `query JitNames($ids: ${idsType}) { groups(groupIds: $ids) { groupId name } }`;
    const wrong = { ids: [1, { no: 'pe' }] };
    // Never answered before: its variables are still checked before execution.
    const checkedFirst = await bothWays((idsType) => `${names(idsType)} # not seen before`, wrong, 'alice');
    expect((await bothWays(names, { ids: ['jitone'] }, 'alice')).body.data).toEqual({ groups: [{ groupId: 'jitone', name: 'One' }] });
    const leftToExecutor = await bothWays(names, wrong, 'alice');
    expect(leftToExecutor).toEqual(checkedFirst);
    expect(leftToExecutor.status).toBe(400);
    expect(leftToExecutor.body.data).toBeUndefined();
    expect(leftToExecutor.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Variable "$ids" got invalid value 1 at "ids[0]"; String cannot represent a non string value: 1', 'BAD_USER_INPUT'],
      ['Variable "$ids" got invalid value { no: "pe" } at "ids[1]"; String cannot represent a non string value: { no: "pe" }', 'BAD_USER_INPUT'],
    ]);
    // Left out (only the compiled form requires it: the other has a default).
    const missing = await post(names('[String!]!'), {}, 'alice');
    expect(missing).toEqual(await post(`${names('[String!]!')} # not seen before either`, {}, 'alice'));
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Variable "$ids" of required type "[String!]!" was not provided.', 'BAD_USER_INPUT']]);
  });
});

describe('an unexpected error through graphql-jit', () => {
  it('is masked: no message of its own, no stack', async () => {
    const working = fixture;
    const broken = await startGateway();
    try {
      await broken.app.store.close();
      fixture = broken;
      const answer = await bothWays(READ, { ids: ['jitone'] }, 'alice');
      expect(answer.body.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }) })]);
      expect(JSON.stringify(answer.body)).not.toMatch(/sqlite|database|\n\s+at /i);
    } finally {
      fixture = working;
      // Its store is closed already: closing it again may refuse.
      await broken.close().catch(() => {});
    }
  });
});

describe('which queries graphql-jit runs', () => {
  it('compiles queries, and leaves mutations and non-null variables with defaults to graphql-js', async () => {
    const executors: string[] = [];
    // Placed after the jit plugin: sees which executor the operation will run with.
    const probe: Plugin = { onExecute: ({ executeFn }) => void executors.push(executeFn.name) };
    const yoga = createYoga({
      schema: createSchema({
        typeDefs: 'type Query { echo(n: Int!): Int! } type Mutation { echo(n: Int!): Int! }',
        resolvers: { Query: { echo: (_: unknown, { n }: { n: number }) => n }, Mutation: { echo: (_: unknown, { n }: { n: number }) => n } },
      }),
      plugins: [jitPlugin(), probe],
      logging: false,
    });
    const run = async (query: string) => {
      const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: {} }) });
      return ((await response.json()) as { data: unknown }).data;
    };
    expect(await run('query { echo(n: 1) }')).toEqual({ echo: 1 });
    expect(await run('query Q($n: Int!) { echo(n: $n) }'.replace('$n: Int!', '$n: Int = 2'))).toEqual({ echo: 2 });
    expect(await run('query Q($n: Int! = 3) { echo(n: $n) }')).toEqual({ echo: 3 });
    expect(await run('mutation { echo(n: 4) }')).toEqual({ echo: 4 });
    expect(executors).toEqual(['jitExecute', 'jitExecute', expect.not.stringMatching(/^jitExecute$/), expect.not.stringMatching(/^jitExecute$/)]);
  });
});

import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { captureText } from '../fixtures/secrets.js';
import { syncedGroup } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/** Every error a client can cause carries `extensions.code` and says what to fix. */

let kit: GatewayKit;
beforeAll(async () => {
  kit = await startKit();
  await syncedGroup(kit, { groupId: 'bookclub', owner: 'alice' });
});
afterAll(() => kit.close());

const globalId = (text: string) => Buffer.from(text).toString('base64');
/** The schema's Node types, which the message lists (so a new Node type is named without touching the code). */
const nodeTypes = () => schema.getPossibleTypes(schema.getType('Node') as never).map((type) => type.name);

describe('node(id:)', () => {
  it.each([
    ['garbage', 'garbage'],
    ['base64 with no type', globalId('no-separator')],
    ['base64 with an empty id', globalId('Group:')],
    ['not base64 at all', '%%%'],
  ])('answers an id that is no global id (%s) with BAD_USER_INPUT saying what to send', async (_, id) => {
    const answer = await kit.node({ id }, { as: 'alice' });

    expect(answer.data).toEqual({ node: null });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['node'], message: expect.stringMatching(/^This is not a global id: pass an `id` exactly as the API gave it/), extensions: { code: 'BAD_USER_INPUT' } }),
    ]);
  });

  it.each(['User', 'PageInfo', 'Query'])('answers the id of a type that has none (%s) with BAD_USER_INPUT naming the types that do', async (type) => {
    const answer = await kit.node({ id: globalId(`${type}:x`) }, { as: 'alice' });

    expect(answer.data).toEqual({ node: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(answer.errors?.[0]?.message).toContain(`(those are ${nodeTypes().join(', ')})`);
    expect(answer.errors?.[0]?.message).not.toMatch(/implemented/);
  });

  it('still answers a well-formed id of an unknown group with null, and a known one with the group', async () => {
    expect(await kit.node({ id: globalId('Group:nosuch') }, { as: 'alice' })).toEqual({ status: 200, data: { node: null } });
    const known = await kit.node({ id: globalId('Group:bookclub') }, { as: 'alice' });
    expect(known.data?.node).toMatchObject({ __typename: 'Group', groupId: 'bookclub' });
  });
});

describe('variables that do not fit their types', () => {
  const cases = [
    { path: 'a query (graphql-jit)', query: 'query Page($first: Int) { viewer { groups(first: $first) { edges { cursor } } } }', variables: { first: 'ten' } },
    { path: 'a query, a required variable left out', query: 'query One($groupId: String!) { group(groupId: $groupId) { name } }', variables: {} },
    {
      path: 'a mutation (graphql-js)',
      query: 'mutation Create($input: CreateGroupInput!) { createGroup(input: $input) { __typename } }',
      variables: { input: 5 },
    },
  ];

  async function post(body: unknown, accept: string) {
    const response = await fetch(`${kit.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, 'x-user-id': 'alice' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    captureText(text);
    return { status: response.status, json: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: unknown }> } };
  }

  it.each(cases)('in $path: BAD_USER_INPUT naming the variable, 400 to graphql-response+json and 200 to application/json', async ({ query, variables }) => {
    const strict = await post({ query, variables }, 'application/graphql-response+json');
    const plain = await post({ query, variables }, 'application/json');

    expect(strict.status).toBe(400);
    expect(plain.status).toBe(200);
    for (const answer of [strict, plain]) {
      expect(answer.json.data ?? null).toBeNull();
      expect(answer.json.errors?.[0]?.message).toMatch(/^Variable "\$\w+"/);
      expect(answer.json.errors?.every((error) => (error.extensions as { code?: string }).code === 'BAD_USER_INPUT')).toBe(true);
    }
  });

  it('through the kit too (the typed executor): the same code', async () => {
    const answer = await kit.execute(parse(cases[0]!.query), cases[0]!.variables, { as: 'alice' });
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { describeEachStore, type FreshDatabase } from '../fixtures/stores.js';

/**
 * Input that passes validation must fit the store: NUL bytes, ill-formed UTF-8 and cursors
 * holding huge numbers are refused alike on SQLite and PostgreSQL (a ValidationError for a
 * mutation, a BAD_USER_INPUT error for a query), never a 500; one bad id among many blanks only
 * its own entry.
 */

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string } }>;
}

const CREATE = `mutation StorageCreate($input: CreateGroupInput!) {
  createGroup(input: $input) { __typename ... on ValidationError { issues { path message } } }
}`;

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describeEachStore('input the store cannot hold', (target) => {
  let gateway: GatewayFixture;
  let database: FreshDatabase;

  beforeAll(async () => {
    database = await target.fresh();
    gateway = await startGateway({ config: { databaseUrl: database.url } });
    const created = await post({ query: CREATE, variables: { input: { groupId: 'good', name: 'Good', memberIds: ['bob'] } } });
    expect(created.data?.createGroup).toEqual({ __typename: 'CreateGroupSuccess' });
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  async function post(body: unknown, raw?: Buffer): Promise<Body & { status: number }> {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
      body: raw ? new Uint8Array(raw) : JSON.stringify(body),
    });
    return { status: response.status, ...((await response.json()) as Body) };
  }

  const createWith = (input: Record<string, unknown>) => post({ query: CREATE, variables: { input: { name: 'N', ...input } } });

  it('refuses NUL in names, ids and URLs as a ValidationError', async () => {
    for (const input of [{ name: 'a\u0000b' }, { memberIds: ['bob\u0000'] }, { groupId: 'g\u0000' }, { avatarUrl: 'https://x.test/\u0000.png' }]) {
      const answer = await post({ query: CREATE, variables: { input: { name: 'N', ...input } } });
      expect(answer.status).toBe(200);
      expect((answer.data?.createGroup as { __typename: string }).__typename, JSON.stringify(input)).toBe('ValidationError');
    }
  });

  it('refuses a name sent as ill-formed UTF-8 instead of storing "�"', async () => {
    const query = JSON.stringify(CREATE);
    const raw = Buffer.concat([Buffer.from(`{"query":${query},"variables":{"input":{"name":"bad `), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}}}')]);
    const answer = await post(null, raw);
    expect(answer.status).toBe(200);
    expect(answer.data?.createGroup).toMatchObject({ __typename: 'ValidationError', issues: [{ path: ['input', 'name'] }] });
    expect((await createWith({ name: 'fine' })).data?.createGroup).toEqual({ __typename: 'CreateGroupSuccess' });
  });

  it('answers BAD_USER_INPUT for a group id no group can have, and null for that id only among many', async () => {
    const one = await post({ query: 'query StorageOne($id: String!) { group(groupId: $id) { groupId } }', variables: { id: 'x\u0000y' } });
    expect(one.status).toBe(200);
    expect(one.data).toEqual({ group: null });
    expect(one.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const many = await post({
      query: 'query StorageMany($ids: [String!]!) { groups(groupIds: $ids) { groupId name } }',
      variables: { ids: ['good', 'ba\u0000d', 'unknown', 'good'] },
    });
    expect(many.status).toBe(200);
    expect(many.data?.groups).toEqual([{ groupId: 'good', name: 'Good' }, null, null, { groupId: 'good', name: 'Good' }]);
    expect(many.errors).toHaveLength(1);
    expect(many.errors?.[0]).toMatchObject({ path: ['groups', 1], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('answers BAD_USER_INPUT for cursors holding huge numbers or ids no one can have', async () => {
    const members = 'query StorageMembers($after: String) { group(groupId: "good") { members(first: 1, after: $after) { edges { node { userId } } } } }';
    const viewer = 'query StorageViewer($after: String) { viewer { groups(first: 1, after: $after) { edges { node { groupId } } } } }';
    const cases: Array<[string, string]> = [
      [members, base64url('m:99999999999999999999999:bob')],
      [members, base64url('m:9007199254740993:bob')],
      [members, base64url('m:123:bo\u0000b')],
      [viewer, base64url('v:99999999999999999999999:good')],
      [viewer, base64url('v:123:go\u0000od')],
    ];
    for (const [query, after] of cases) {
      const answer = await post({ query, variables: { after } });
      expect(answer.status, after).toBe(200);
      expect(answer.errors?.map((error) => error.extensions?.code), Buffer.from(after, 'base64url').toString()).toEqual(['BAD_USER_INPUT']);
    }
    // And the store still answers everyone afterwards.
    const read = await post({ query: members, variables: { after: null } });
    expect(read.errors).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { captureText } from '../fixtures/secrets.js';
import { syncedGroup } from '../kit/factories.js';
import { mutationBody, queryBody } from '../kit/client.js';
import { kitFor } from '../kit/gateway-kit.js';

/**
 * GraphQL over GET, as the GraphQL-over-HTTP spec allows and clients send it: urql (queries as
 * GET by default, its Accept list), graphql-request with `method: 'GET'`, and Apollo Client with
 * `apollo-require-preflight`. Mutations stay POST-only: a GET mutation is 405, executing nothing.
 */

let fixture: GatewayFixture;
beforeAll(async () => {
  fixture = await startGateway();
  await syncedGroup(kitFor(fixture), { groupId: 'bookclub', name: 'Book club', owner: 'alice', members: ['bob'] });
});
afterAll(() => fixture.close());

const URQL_ACCEPT = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';

/** The query string a GET client builds: query, operationName, variables as JSON. */
function getUrl(body: { query: string; variables?: unknown }, operationName?: string): string {
  const params = new URLSearchParams({ query: body.query });
  if (operationName) params.set('operationName', operationName);
  if (body.variables !== undefined) params.set('variables', JSON.stringify(body.variables));
  return `${fixture.url}/graphql?${params}`;
}

async function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Headers; json: { data?: any; errors?: Array<{ message: string }> } }> {
  const response = await fetch(url, { method: 'GET', headers });
  const text = await response.text();
  captureText(text);
  return { status: response.status, headers: response.headers, json: JSON.parse(text) };
}

describe('GET queries', () => {
  it('answers as private and not to be stored: the answer is the caller\'s, and the next mutation changes it', async () => {
    const answer = await get(getUrl(queryBody('group', { groupId: 'bookclub' }), 'KitGroup'), { accept: URQL_ACCEPT, 'x-user-id': 'alice' });
    const refused = await get(getUrl(queryBody('group', { groupId: 'bookclub' }), 'KitGroup'), { accept: URQL_ACCEPT });

    expect(answer.json.data.group).toMatchObject({ groupId: 'bookclub' });
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(refused.headers.get('cache-control')).toBe('private, no-store');
  });

  it("answers urql's default GET (no CSRF header) with data", async () => {
    const answer = await get(getUrl(queryBody('group', { groupId: 'bookclub' }), 'KitGroup'), { accept: URQL_ACCEPT, 'x-user-id': 'alice' });

    expect(answer.status).toBe(200);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.group).toMatchObject({ groupId: 'bookclub', name: 'Book club', memberCount: 2 });
  });

  it("answers graphql-request's GET (application/json) with data", async () => {
    const answer = await get(getUrl(queryBody('viewerGroups', { first: 5 })), { accept: 'application/graphql-response+json, application/json', 'x-user-id': 'bob' });

    expect(answer.status).toBe(200);
    expect(answer.json.data.viewer.groups.edges.map((edge: { node: { groupId: string } }) => edge.node.groupId)).toEqual(['bookclub']);
  });

  it("answers Apollo Client's GET with apollo-require-preflight with data", async () => {
    const answer = await get(getUrl(queryBody('viewer', {}), 'KitViewer'), {
      accept: 'application/graphql-response+json,application/json;q=0.9',
      'apollo-require-preflight': 'true',
      'x-user-id': 'carol',
    });

    expect(answer.status).toBe(200);
    expect(answer.json.data).toEqual({ viewer: { userId: 'carol' } });
  });

  it('answers a cross-site GET (no header a page could set without a preflight) as nobody: no cookie names a caller', async () => {
    const answer = await get(getUrl(queryBody('group', { groupId: 'bookclub' })), { accept: URQL_ACCEPT, cookie: 'session=alice' });

    expect(answer.json.data?.group ?? null).toBeNull();
    expect(answer.json.errors?.[0]?.message).toMatch(/sign in/i);
  });

  it('refuses a mutation over GET with 405, with or without a preflight header, executing nothing', async () => {
    const body = mutationBody('createGroup', { groupId: 'viaget', name: 'Via GET' });
    const preflightHeaders: Array<Record<string, string>> = [{}, { 'apollo-require-preflight': 'true' }, { 'x-graphql-yoga-csrf': '1' }];
    for (const headers of preflightHeaders) {
      const answer = await get(getUrl(body), { accept: URQL_ACCEPT, 'x-user-id': 'alice', ...headers });
      expect(answer.status).toBe(405);
      expect(answer.json.errors?.[0]?.message).toMatch(/POST/);
    }
    const group = await kitFor(fixture).group({ groupId: 'viaget' }, { as: 'alice' });
    expect(group.data?.group ?? null).toBeNull();
  });
});

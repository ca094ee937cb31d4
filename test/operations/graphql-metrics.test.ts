import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/** Every sample of `name` whose labels include `labels`, summed (0 when there is none). */
function total(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0] ?? '';
    if (wanted.every((pair) => labelText.includes(pair))) sum += Number(line.split(' ').at(-1));
  }
  return sum;
}

/**
 * The GraphQL operation metrics, by what an operator reads off them: which operations ran (and
 * how long they took), which failed in which phase, and the HTTP requests by status.
 */
describe('GraphQL operation metrics', () => {
  let fixture: GatewayKit;
  let text: string;

  const post = async (body: unknown) => {
    const response = await fetch(`${fixture.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-user-id': 'alice' },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer();
    return response.status;
  };

  beforeAll(async () => {
    fixture = await startKit();
    // Three reads that run, one of which answers an execution error (an id no group can have).
    for (let i = 0; i < 2; i++) expect(await post({ query: 'query MetricsRead { viewer { userId } }' })).toBe(200);
    expect(await post({ query: 'query MetricsBadId($ids: [String!]!) { groups(groupIds: $ids) { name } }', variables: { ids: ['ok', 'not an id'] } })).toBe(200);
    // One that does not parse, one that does not validate: neither runs.
    expect(await post({ query: 'query MetricsBroken {' })).toBe(400);
    expect(await post({ query: 'query MetricsInvalid { noSuchField }' })).toBe(400);
    text = await (await fetch(`${fixture.url}/metrics`)).text();
  });
  afterAll(() => fixture.close());

  it('counts and times the operations that ran, by name and type', () => {
    const read = { operationName: 'MetricsRead', operationType: 'query' };
    expect(total(text, 'graphql_envelop_request', read)).toBe(2);
    expect(total(text, 'graphql_envelop_request_duration_count', read)).toBe(2);
    expect(total(text, 'graphql_envelop_request', { operationName: 'MetricsBadId' })).toBe(1);
    expect(total(text, 'graphql_envelop_request', { operationName: 'MetricsInvalid' })).toBe(0);
  });

  it('counts errors by the phase they arose in', () => {
    expect(total(text, 'graphql_envelop_error_result', { operationName: 'MetricsBadId', phase: 'execute' })).toBe(1);
    expect(total(text, 'graphql_envelop_error_result', { phase: 'parse' })).toBe(1);
    expect(total(text, 'graphql_envelop_error_result', { operationName: 'MetricsInvalid', phase: 'validate' })).toBe(1);
    expect(total(text, 'graphql_envelop_error_result', { operationName: 'MetricsRead' })).toBe(0);
  });

  it('times the HTTP requests of parsed operations, by operation, method and status', () => {
    const http = (labels: Record<string, string>) => total(text, 'graphql_yoga_http_duration_count', labels);
    expect(http({ operationName: 'MetricsRead', operationType: 'query', method: 'POST', statusCode: '200' })).toBe(2);
    expect(http({ operationName: 'MetricsBadId', statusCode: '200' })).toBe(1);
    expect(http({ operationName: 'MetricsInvalid', method: 'POST', statusCode: '400' })).toBe(1);
    expect(http({ operationName: 'MetricsRead' }) + http({ operationName: 'MetricsBadId' }) + http({ operationName: 'MetricsInvalid' })).toBe(4);
  });
});

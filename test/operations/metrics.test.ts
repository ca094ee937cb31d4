import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, noticesSettled } from '../fixtures/gateway.js';
import { operationName } from '../kit/client.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/** The value of one sample in Prometheus' text format, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).split(' ')[0] ?? '';
    if (wanted.every((pair) => labelText.includes(pair))) return Number(line.split(' ').at(-1));
  }
  return 0;
}

describe('/metrics after a scripted scenario', () => {
  let fixture: GatewayKit;
  let text: string;

  beforeAll(async () => {
    fixture = await startKit({ config: { rateLimits: { group: 100, publish: 20 } } });
    // Two groups created, one refused as a duplicate, one invalid, one anonymous, one member added.
    await fixture.response.createGroup({ groupId: 'm1', name: 'One', memberIds: ['bob'] }, { as: 'alice' });
    await fixture.response.createGroup({ groupId: 'm2', name: 'Two' }, { as: 'alice' });
    await fixture.response.createGroup({ groupId: 'm1', name: 'Again' }, { as: 'alice' });
    await fixture.response.createGroup({ groupId: 'bad id', name: 'Bad' }, { as: 'alice' });
    await fixture.response.createGroup({ groupId: 'm3', name: 'Nobody' });
    await fixture.response.addGroupMembers({ groupId: 'm1', userIds: ['carol'] }, { as: 'alice' });
    // An IM answer of 500, retried by the outbox (the join carries its notice, so the client does not repeat it): counted per attempt.
    await noticesSettled(fixture);
    fixture.emulator.setFaults({ failNext: ['error500'] });
    await fixture.response.addGroupMembers({ groupId: 'm2', userIds: ['dave'] }, { as: 'alice' });
    await eventually(async () => {
      const scraped = await (await fetch(`${fixture.url}/metrics`)).text();
      return sample(scraped, 'outbox_backlog') === 0;
    });
    text = await (await fetch(`${fixture.url}/metrics`)).text();
  });
  afterAll(() => fixture.close());

  it('counts each mutation by the member of its union it answered', () => {
    const results = (result: string, mutation = 'createGroup') => sample(text, 'graphql_mutation_results_total', { mutation, result });
    expect(results('CreateGroupSuccess')).toBe(2);
    expect(results('GroupIdTakenError')).toBe(1);
    expect(results('ValidationError')).toBe(1);
    expect(results('NotAuthenticatedError')).toBe(1);
    expect(results('AddGroupMembersSuccess', 'addGroupMembers')).toBe(2);
  });

  it('counts IM calls by path, status and code, retries included', () => {
    const calls = (path: string, status: string, code: string) => sample(text, 'im_calls_total', { path, status, code });
    expect(calls('/group/create.json', '200', '200')).toBe(2);
    expect(calls('/group/join.json', '500', '1000')).toBe(1);
    expect(calls('/group/join.json', '200', '200')).toBe(2);
    // The notices rode their group calls: nothing published on its own.
    expect(calls('/message/group/publish.json', '200', '200')).toBe(0);
    // The Add notice bound to the join answered 500 was not repeated with the join's retry (at most once).
    expect(sample(text, 'outbox_notices_unconfirmed_total')).toBe(1);
  });

  it('reports the outbox and the limiter', () => {
    expect(sample(text, 'outbox_dispatches_total', { kind: 'createGroup', result: 'done' })).toBe(2);
    expect(sample(text, 'outbox_dispatches_total', { kind: 'joinGroup', result: 'done' })).toBe(2);
    expect(sample(text, 'outbox_backlog')).toBe(0);
    expect(sample(text, 'outbox_oldest_pending_age_seconds')).toBe(0);
    expect(sample(text, 'im_limiter_queue_depth', { rate_class: 'group' })).toBe(0);
    expect(sample(text, 'im_limiter_wait_seconds_count', { rate_class: 'group' })).toBe(5);
    expect(text).toContain('im_limiter_slots_in_use{rate_class="group"}');
  });

  it('reports GraphQL operations by name through the Prometheus plugin', () => {
    expect(sample(text, 'graphql_envelop_request', { operationName: operationName('createGroup') })).toBe(5);
    expect(sample(text, 'graphql_envelop_request', { operationName: operationName('addGroupMembers') })).toBe(2);
  });

  it('counts a shed call', async () => {
    const busy = await startKit({ config: { rateLimits: { group: 1, publish: 20 }, requestDeadlineMs: 100 } });
    try {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => busy.response.createGroup({ groupId: `s${i}`, name: 'Shed' }, { as: 'alice' })),
      );
      const scraped = await (await fetch(`${busy.url}/metrics`)).text();
      expect(sample(scraped, 'graphql_mutation_results_total', { mutation: 'createGroup', result: 'RateLimitedError' })).toBeGreaterThan(0);
      // Each app counts its own requests, though the apps of one process share the schema.
      const first = await (await fetch(`${fixture.url}/metrics`)).text();
      expect(sample(first, 'graphql_mutation_results_total', { mutation: 'createGroup', result: 'RateLimitedError' })).toBe(0);
      expect(sample(first, 'graphql_mutation_results_total', { mutation: 'createGroup', result: 'CreateGroupSuccess' })).toBe(2);
    } finally {
      await busy.close();
    }
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { exampleOperationNames, MAX_FIRST_SEEN_OPERATIONS } from '../../src/graphql/operation-labels.js';
import { gatewayProcess, residentMb, scrape } from './memory.js';

/**
 * Anonymous clients choose `operationName`: as a metric label it must come from a bounded set,
 * or a few thousand names exhaust the gateway's memory (2000 names grew /metrics to 8 MB, 100
 * names of 100 KB grew the process to 2 GB). Memory is measured on a gateway process of its own
 * (see ./memory.ts).
 */

const DISTINCT_NAMES = 10_000;
const CONCURRENCY = 16;

interface Running {
  url: string;
  app: App;
  server: Server;
}
const running: Running[] = [];
afterEach(async () => {
  for (const { server, app } of running.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  }
});

async function quietGateway(): Promise<Running> {
  const app = await buildApp(loadConfig({ DATABASE_URL: ':memory:', PORT: '0' }), pino({ level: 'silent' }));
  const server = createServer(app.graphql);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const gateway = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, app, server };
  running.push(gateway);
  return gateway;
}

/** The name of the i-th operation: mostly short, every 100th 100 KB long, every 10th not a GraphQL name. */
function nameOf(prefix: string, i: number): { query: string; operationName: string } {
  if (i % 100 === 0) {
    const name = `${prefix}${i}_${'x'.repeat(100_000)}`;
    return { query: `query ${name} { __typename }`, operationName: name };
  }
  if (i % 10 === 5) return { query: '{ __typename }', operationName: `${prefix}${i} ☃` };
  return { query: `query ${prefix}${i} { __typename }`, operationName: `${prefix}${i}` };
}

/** Sends `count` operations, each under a name never used before; answers the HTTP statuses seen. */
async function distinctOperations(url: string, count: number, prefix: string): Promise<Set<number>> {
  const statuses = new Set<number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(nameOf(prefix, next++)),
      });
      await response.arrayBuffer();
      statuses.add(response.status);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return statuses;
}

describe('metric labels come from a bounded set', () => {
  it('10 000 distinct operation names leave /metrics under 1 MB and memory within 50 MB', async () => {
    const { url, gateway } = await gatewayProcess();
    // Warm up with the same mix (JIT, connection pools, malloc arenas sized for 100 KB bodies, the
    // first-seen names, and V8's heap grown to its limit, which it reaches only after a few
    // thousand of these requests), then measure from there.
    await distinctOperations(url, 6000, 'WarmUp');
    const before = residentMb((await scrape(url)).text);

    const statuses = await distinctOperations(url, DISTINCT_NAMES, 'Op');
    expect([...statuses].every((status) => status < 500), `statuses ${[...statuses].join(', ')}`).toBe(true);

    const after = await scrape(url);
    expect(after.status).toBe(200);
    const size = Buffer.byteLength(after.text);
    const growthMb = residentMb(after.text) - before;
    console.log(`metric labels: /metrics ${Math.round(size / 1024)} KB after ${DISTINCT_NAMES} names, RSS growth ${growthMb.toFixed(1)} MB`);
    expect(size).toBeLessThan(1024 * 1024);
    expect(growthMb).toBeLessThan(50);

    const names = new Set([...after.text.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1]!));
    expect(names.size).toBeLessThanOrEqual(exampleOperationNames().length + MAX_FIRST_SEEN_OPERATIONS + 2);
    expect(names).toContain('other');
    expect([...names].every((name) => name.length <= 64)).toBe(true);
    expect(after.text).not.toMatch(/\n\s+at |\/work\/|node_modules/);
    expect(gateway.child.exitCode).toBeNull();
  }, 240_000);

  it('keeps the example operations’ names and counts the rest past the cap as "other"', async () => {
    const { url } = await quietGateway();
    await distinctOperations(url, MAX_FIRST_SEEN_OPERATIONS * 2, 'Early');
    const known = exampleOperationNames()[0]!;
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `query ${known} { __typename }` }),
    });
    const { text } = await scrape(url);
    expect(text).toContain(`operationName="${known}"`);
    expect(text).toContain('operationName="Early1"');
    expect(text).not.toContain(`operationName="Early${MAX_FIRST_SEEN_OPERATIONS * 2 - 1}"`);
    expect(text).toMatch(/graphql_envelop_request\{operationName="other",operationType="query"\} \d+/);
  });

  it('answers a failed scrape with a plain 503: no stack trace, no path of the machine', async () => {
    const { url, app } = await quietGateway();
    // The outbox gauges read the database on each scrape: without it, the scrape fails.
    await app.store.close();
    const { status, text } = await scrape(url);
    expect(status).toBe(503);
    expect(text).not.toMatch(/\n\s+at |\/work\/|node_modules|\.ts:\d+|Error:/);
    app.close = async () => undefined;
  });
});

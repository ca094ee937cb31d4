import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorLog, expectSecretAbsent } from '../fixtures/im.js';

/**
 * Shared by the hostile suites (limits.test.ts, http.test.ts): one gateway per test file, and
 * hostile requests over real HTTP. Each must be answered quickly with a 4xx or a typed answer
 * (never a 5xx, never a hang) and leave the process answering.
 *
 * FAST_MS: every request here is refused before a resolver or an IM call runs; on an idle
 * machine each is answered in 2 to 100 ms (the 100 000-id list, the slowest, in about 100 ms).
 * Two seconds is 20 times that: room for a shared, noisy 2-core machine, while a request that
 * did the hostile work instead of refusing it (a pathological parse or validation walk, a wait on
 * the rate limiter or the IM Service, whose calls time out after 5 s) would still show.
 */
export const FAST_MS = 2_000;

/** Accept as a GraphQL-over-HTTP client does: request errors then answer 4xx, not 200. */
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

export interface Answer {
  status: number;
  ms: number;
  text: string;
  /** The parsed body, when it is JSON. */
  json: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } | null;
}

let fixture: GatewayFixture;

/** The gateway of the current test file. */
export function gateway(): GatewayFixture {
  return fixture;
}

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

export async function send(init: { method?: string; body?: BodyInit; headers?: Record<string, string>; query?: string }): Promise<Answer> {
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

export function post(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return send({ body, headers: { 'content-type': 'application/json', ...headers } });
}

export function request(query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<Answer> {
  return post(JSON.stringify({ query, variables, ...extra }));
}

/** Answered fast, without a 5xx. */
export function expectFast(answer: Answer): void {
  expect(answer.status, answer.text.slice(0, 500)).toBeLessThan(500);
  expect(answer.ms, `answered in ${answer.ms.toFixed(0)} ms`).toBeLessThan(FAST_MS);
}

/** A refusal before execution: a 4xx (400 unless said), no data, the named reason. */
export function expectRefused(answer: Answer, reason: RegExp, statuses: number[] = [400]): void {
  expectFast(answer);
  expect(statuses, answer.text.slice(0, 500)).toContain(answer.status);
  expect(answer.json?.data ?? null).toBeNull();
  expect(answer.json?.errors?.map((error) => error.message).join('\n')).toMatch(reason);
}

/** A limit's refusal: one error with its code and `limit`, answered 400 to a graphql-response+json client. */
export function expectLimit(answer: Answer, code: string): Record<string, unknown> {
  expectRefused(answer, /limit of \d+ is exceeded/);
  expect(answer.json?.errors).toHaveLength(1);
  const extensions = answer.json?.errors?.[0]?.extensions ?? {};
  expect(extensions, answer.text.slice(0, 500)).toMatchObject({ code, limit: expect.any(Number) });
  return extensions;
}

export const CREATE_GROUP = `
  mutation HostileCreate($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on ValidationError { issues { path message } }
      ... on Error { message }
    }
  }
`;

export const GROUP = `query HostileGroup($groupId: String!) { group(groupId: $groupId) { groupId } }`;

export async function groupExists(groupId: string): Promise<boolean> {
  const answer = await request(GROUP, { groupId });
  expect(answer.json?.errors).toBeUndefined();
  return answer.json?.data?.group != null;
}

export async function imCallCount(): Promise<number> {
  return (await emulatorLog(fixture.emulator)).length;
}


import { describe, expect, it } from 'vitest';
import { expectFast, groupExists, imCallCount, post, request, send } from './hostile-http.js';

/** Hostile HTTP: bodies, content types and methods a GraphQL client would not send (see hostile-http.ts). */

describe('hostile HTTP', () => {
  it('answers invalid JSON with 400 and BAD_REQUEST, never quoting the body back', async () => {
    const answer = await post('{"query": "{ viewer { userId } }", "variables": {"password": "hunter2-in-a-broken-body"');
    expectFast(answer);
    expect(answer.status).toBe(400);
    expect(answer.json?.errors).toEqual([{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }]);
    expect(answer.text).not.toContain('hunter2');
  });

  it('refuses a text/plain POST (a browser "simple" request) by CSRF prevention, executing nothing', async () => {
    const before = await imCallCount();
    const answer = await send({
      body: JSON.stringify({ query: 'mutation { createGroup(input: { groupId: "csrfplain", name: "CSRF" }) { __typename } }' }),
      headers: { 'content-type': 'text/plain' },
    });

    expectFast(answer);
    expect(answer.status).toBe(403);
    expect(answer.json?.data ?? null).toBeNull();
    // Coded like every other refusal, saying what to send instead.
    expect(answer.json?.errors).toEqual([
      { message: expect.stringMatching(/application\/json.*x-graphql-yoga-csrf/), extensions: { code: 'CSRF_PREFLIGHT_REQUIRED' } },
    ]);
    expect(await groupExists('csrfplain')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('refuses a form POST by CSRF prevention, executing nothing', async () => {
    const before = await imCallCount();
    const form = new URLSearchParams({ query: 'mutation { createGroup(input: { groupId: "csrfform", name: "CSRF" }) { __typename } }' });
    const urlencoded = await send({ body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const multipartBody = new FormData();
    multipartBody.set('operations', JSON.stringify({ query: 'mutation { createGroup(input: { groupId: "csrfmultipart", name: "CSRF" }) { __typename } }' }));
    multipartBody.set('map', '{}');
    const multipart = await send({ body: multipartBody });

    for (const answer of [urlencoded, multipart]) {
      expectFast(answer);
      expect(answer.status, answer.text).toBe(403);
      expect(answer.json?.errors?.[0]?.extensions?.code, answer.text).toBe('CSRF_PREFLIGHT_REQUIRED');
    }
    expect(await groupExists('csrfform')).toBe(false);
    expect(await groupExists('csrfmultipart')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('answers an unknown operationName with a 4xx and an error', async () => {
    const answer = await request('query Known { viewer { userId } }', undefined, { operationName: 'Unknown' });
    expectFast(answer);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.json?.errors?.length).toBeGreaterThan(0);
    expect(answer.json?.data ?? null).toBeNull();
  });

  it('answers a batched array body with a 4xx (batching is off), executing none of it', async () => {
    const before = await imCallCount();
    const answer = await post(
      JSON.stringify([
        { query: '{ viewer { userId } }' },
        { query: 'mutation { createGroup(input: { groupId: "batched", name: "Batched" }) { __typename } }' },
      ]),
    );
    expectFast(answer);
    expect(answer.status).toBe(400);
    expect(answer.json?.errors?.[0]?.message).toMatch(/batching/i);
    expect(await groupExists('batched')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });

  it('answers a mutation sent with GET with 405, executing nothing', async () => {
    const before = await imCallCount();
    const query = new URLSearchParams({ query: 'mutation { createGroup(input: { groupId: "viaget", name: "GET" }) { __typename } }' }).toString();
    // A non-browser client with a preflight header, and a browser's plain GET: the method refuses both.
    const withHeader = await send({ method: 'GET', query, headers: { 'x-graphql-yoga-csrf': '1' } });
    const plain = await send({ method: 'GET', query });

    for (const answer of [withHeader, plain]) {
      expectFast(answer);
      expect(answer.status, answer.text).toBe(405);
      expect(answer.json?.errors?.[0]?.message).toMatch(/POST/);
    }
    expect(await groupExists('viaget')).toBe(false);
    expect(await imCallCount()).toBe(before);
  });
});

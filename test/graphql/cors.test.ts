import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { EMBEDDED_DEV_ORIGINS } from '../../src/http/cors.js';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';

/** CORS from `CORS_ORIGINS`: listed origins only, never reflected, never with credentials; field suggestions in embedded dev mode only. */

const gateways: GatewayFixture[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function gateway(config: Parameters<typeof startGateway>[0] = {}): Promise<GatewayFixture> {
  const fixture = await startGateway(config);
  gateways.push(fixture);
  return fixture;
}

const APP = 'https://app.example.com';
const EVIL = 'https://evil.example.net';

function preflight(fixture: GatewayFixture, origin: string, headers = 'content-type, authorization, apollo-require-preflight') {
  return fetch(`${fixture.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
}

function postFrom(fixture: GatewayFixture, origin: string) {
  return fetch(`${fixture.url}/graphql`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', 'x-user-id': 'alice' },
    body: JSON.stringify({ query: '{ viewer { userId } }' }),
  });
}

describe('CORS', () => {
  it('answers a listed origin with itself, the methods and the headers clients send, and no credentials', async () => {
    const fixture = await gateway({ config: { corsOrigins: [APP] } });

    const asked = await preflight(fixture, APP);
    const answered = await postFrom(fixture, APP);

    expect(asked.status).toBe(204);
    expect(asked.headers.get('access-control-allow-origin')).toBe(APP);
    const allowedHeaders = asked.headers.get('access-control-allow-headers')?.split(/,\s*/) ?? [];
    expect(allowedHeaders).toEqual(expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-user-id']));
    expect(asked.headers.get('access-control-allow-methods')).toBe('GET, POST');
    expect(answered.headers.get('access-control-allow-origin')).toBe(APP);
    for (const response of [asked, answered]) expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives any other origin no CORS header at all: not reflected, no credentials', async () => {
    const fixture = await gateway({ config: { corsOrigins: [APP] } });

    for (const response of [await preflight(fixture, EVIL), await postFrom(fixture, EVIL), await postFrom(fixture, 'null')]) {
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('says every answer varies by Origin, so that no cache hands one origin the answer made for another', async () => {
    const fixture = await gateway({ config: { corsOrigins: [APP] } });
    const get = (origin?: string) =>
      fetch(`${fixture.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: origin ? { origin } : {} });

    for (const response of [await preflight(fixture, APP), await postFrom(fixture, APP), await get(APP), await get(EVIL), await get()]) {
      expect(response.headers.get('vary')?.split(/,\s*/).map((name) => name.toLowerCase())).toContain('origin');
    }
  });

  it(`allows the local dev servers (${EMBEDDED_DEV_ORIGINS.join(', ')}) by default in embedded dev mode, and none otherwise`, () => {
    expect(loadConfig({}).corsOrigins).toEqual([...EMBEDDED_DEV_ORIGINS]);
    expect(loadConfig({ AUTH_MODE: 'jwt', JWT_SECRET: 'k'.repeat(8) + 'abcdefghijklmnopqrstuvwxyz0123456789', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }).corsOrigins).toEqual([]);
    expect(loadConfig({ IM_APP_KEY: 'key', IM_APP_SECRET: 'abcdefghij123456', IM_API_URLS: 'https://api.example.com', AUTH_MODE: 'dev' }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: `${APP}, http://localhost:8080` }).corsOrigins).toEqual([APP, 'http://localhost:8080']);
  });

  it.each(['*', 'https://app.example.com/', 'https://app.example.com/path', 'app.example.com', 'https://*.example.com'])(
    'refuses CORS_ORIGINS=%s at start-up, naming the variable',
    (value) => {
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: value })).toThrow(/CORS_ORIGINS/);
    },
  );
});

describe('field suggestions', () => {
  const misspelt = async (fixture: GatewayFixture) => {
    const response = await fetch(`${fixture.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
      body: JSON.stringify({ query: '{ viewer { userid } }' }),
    });
    return ((await response.json()) as { errors: Array<{ message: string }> }).errors[0]!.message;
  };

  it('says "did you mean" in embedded dev mode', async () => {
    expect(await misspelt(await gateway())).toMatch(/Did you mean "userId"\?/);
  });

  it('does not outside it (dev mode with real IM credentials)', async () => {
    const embedded = await gateway();
    const fixture = await gateway({ emulator: embedded.emulator, config: { auth: { dev: true, jwt: null } } });
    const message = await misspelt(fixture);
    expect(message).toMatch(/Cannot query field "userid"/);
    expect(message).not.toMatch(/Did you mean/);
  });
});

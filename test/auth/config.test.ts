import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const IM = { IM_APP_KEY: 'key', IM_APP_SECRET: 'im-secret', IM_API_URLS: 'https://im.example.test' };
const SECRET = 'kq3VZr9xT2mW8pLd5sNc7bHf4gJy6tRa';
const JWT = { JWT_SECRET: SECRET, JWT_ISSUER: 'https://id.example.test/', JWT_AUDIENCE: 'group-gateway' };

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected loadConfig to refuse the environment');
}

describe('loadConfig: authentication', () => {
  it('defaults to dev mode (X-User-Id) in embedded mode only', () => {
    expect(loadConfig({}).auth).toEqual({ dev: true, jwt: null });
    expect(loadConfig({ ...IM, ...JWT }).auth).toEqual({
      dev: false,
      jwt: { secret: SECRET, issuer: 'https://id.example.test/', audience: 'group-gateway' },
    });
  });

  it('refuses real IM credentials with no JWT configuration and no AUTH_MODE=dev, naming what is missing', () => {
    const message = refusal(IM);

    for (const name of ['JWT_SECRET', 'JWT_JWKS_URL', 'JWT_ISSUER', 'JWT_AUDIENCE', 'AUTH_MODE=dev']) expect(message).toContain(name);
    expect(message).not.toContain('im-secret');
  });

  it('turns dev mode on with real IM credentials only when asked', () => {
    expect(loadConfig({ ...IM, AUTH_MODE: 'dev' }).auth).toEqual({ dev: true, jwt: null });
    expect(loadConfig({ ...IM, ...JWT, AUTH_MODE: 'dev' }).auth.dev).toBe(true);
  });

  it('turns dev mode off in embedded mode with AUTH_MODE=jwt, which needs JWT configuration', () => {
    expect(loadConfig({ ...JWT, AUTH_MODE: 'jwt' }).auth.dev).toBe(false);
    expect(loadConfig({ ...JWT }).auth.dev).toBe(true);
    expect(refusal({ AUTH_MODE: 'jwt' })).toMatch(/AUTH_MODE: .*JWT_SECRET or JWT_JWKS_URL/);
  });

  it('refuses a JWT_SECRET shorter than 32 bytes, without echoing it', () => {
    const short = 'short-but-secret-31-bytes-long!';
    expect(Buffer.byteLength(short)).toBe(31);

    const message = refusal({ ...IM, ...JWT, JWT_SECRET: short });

    expect(message).toMatch(/JWT_SECRET: must be at least 32 bytes/);
    expect(message).not.toContain(short);
  });

  it('takes a JWKS URL, https or on loopback', () => {
    const jwksUrl = 'https://id.example.test/.well-known/jwks.json';
    const { JWT_SECRET: _, ...claims } = JWT;
    expect(loadConfig({ ...IM, ...claims, JWT_JWKS_URL: jwksUrl }).auth.jwt).toEqual({
      jwksUrl,
      issuer: claims.JWT_ISSUER,
      audience: claims.JWT_AUDIENCE,
    });
    expect(loadConfig({ ...claims, JWT_JWKS_URL: 'http://127.0.0.1:9000/jwks' }).auth.jwt?.jwksUrl).toBe('http://127.0.0.1:9000/jwks');
    expect(refusal({ ...claims, JWT_JWKS_URL: 'http://id.example.test/jwks' })).toMatch(/JWT_JWKS_URL: must be https/);
  });

  it('needs exactly one of JWT_SECRET and JWT_JWKS_URL, with JWT_ISSUER and JWT_AUDIENCE', () => {
    expect(refusal({ ...JWT, JWT_JWKS_URL: 'https://id.example.test/jwks' })).toMatch(/JWT_SECRET: .*not both[\s\S]*JWT_JWKS_URL: .*not both/);
    const incomplete = refusal({ JWT_SECRET: SECRET });
    expect(incomplete).toMatch(/JWT_ISSUER: required/);
    expect(incomplete).toMatch(/JWT_AUDIENCE: required/);
    expect(incomplete).not.toContain(SECRET);
    expect(refusal({ JWT_ISSUER: 'https://id.example.test/', JWT_AUDIENCE: 'group-gateway' })).toMatch(/JWT_SECRET: .*JWT_JWKS_URL/);
  });
});

describe('loadConfig: GRAPHIQL', () => {
  it('is on in embedded mode and off with real IM credentials, unless set', () => {
    expect(loadConfig({}).graphiql).toBe(true);
    expect(loadConfig({ ...IM, ...JWT }).graphiql).toBe(false);
    expect(loadConfig({ ...IM, ...JWT, GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadConfig({ GRAPHIQL: 'false' }).graphiql).toBe(false);
    expect(refusal({ GRAPHIQL: 'yes please' })).toContain('GRAPHIQL');
  });
});

describe('loadConfig: HTTP timeouts', () => {
  it('defaults to 10 s for headers and 30 s for the whole request, and keeps headers within the request', () => {
    expect(loadConfig({}).http).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '2000' }).http).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 5000 });
    expect(refusal({ HTTP_REQUEST_TIMEOUT_MS: '5000' })).toContain('HTTP_HEADERS_TIMEOUT_MS');
    expect(refusal({ HTTP_REQUEST_TIMEOUT_MS: '10' })).toContain('HTTP_REQUEST_TIMEOUT_MS');
  });
});

describe('loadConfig: weak secrets', () => {
  it('refuses a JWT_SECRET of white space or of too few distinct bytes, naming it without echoing it', () => {
    for (const weak of [' '.repeat(32), '\t \n'.repeat(16), 'ab'.repeat(32), '012345678'.repeat(4)]) {
      const message = refusal({ ...IM, ...JWT, JWT_SECRET: weak });
      expect(message).toMatch(/JWT_SECRET: is too weak/);
      expect(message).not.toContain(weak.trim() || weak);
    }
    expect(loadConfig({ ...IM, ...JWT, JWT_SECRET: '3f9a0c7e1b5d2846'.repeat(4) }).auth.jwt?.secret).toHaveLength(64);
  });

  it('refuses an IM_APP_SECRET of white space or of too few distinct bytes', () => {
    for (const weak of ['      ', 'aaaaaaaaaaaaaa', 'abcabcabcabc']) {
      const message = refusal({ ...IM, ...JWT, IM_APP_SECRET: weak });
      expect(message).toMatch(/IM_APP_SECRET: is too weak/);
      expect(message).not.toContain(weak.trim() || weak);
    }
    expect(loadConfig({ ...IM, ...JWT }).im?.appSecret).toBe('im-secret');
  });
});

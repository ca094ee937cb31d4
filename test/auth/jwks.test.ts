import { generateKeyPair } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import {
  AUDIENCE,
  createdBy,
  createGroupWith as createGroupWithOptions,
  expectNothingLeaked,
  hs256Token,
  ISSUER,
  rs256Token,
  startJwksServer,
  tamperedSignature,
  type JwksServer,
} from './helpers.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ fixture: GatewayKit; jwks: JwksServer }> {
  const jwks = await startJwksServer();
  cleanups.push(() => jwks.close());
  const fixture = await startKit({ config: { auth: { dev: false, jwt: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE } } } });
  cleanups.push(() => fixture.close());
  return { fixture, jwks };
}

function createGroupWith(fixture: GatewayKit, groupId: string, token: string) {
  return createGroupWithOptions(fixture, groupId, { token });
}

describe('bearer tokens verified against JWT_JWKS_URL', () => {
  it('names the caller by an RS256 token signed with a key of the set, fetching the set once', async () => {
    const { fixture, jwks } = await setUp();
    const token = await rs256Token(jwks.privateKey, jwks.kid, { sub: 'alice' });

    const first = await createGroupWith(fixture, 'jwks1', token);
    const second = await createGroupWith(fixture, 'jwks2', token);

    expect(first.result).toEqual(createdBy('jwks1', 'alice'));
    expect(second.result?.__typename).toBe('CreateGroupSuccess');
    expect(jwks.fetches()).toBe(1);
    expectNothingLeaked(fixture, first.response, [token]);
  });

  it('refuses an HS256 token (never a shared secret with a key set)', async () => {
    const { fixture, jwks } = await setUp();
    const token = await hs256Token('a-secret-an-attacker-chose-of-32-bytes-or-more', { sub: 'alice' });

    const { response, result } = await createGroupWith(fixture, 'hs', token);

    expect(result).toEqual({ __typename: 'NotAuthenticatedError', message: "Sign in first: the bearer token's signing algorithm is not accepted." });
    expect(jwks.fetches()).toBe(0);
    expectNothingLeaked(fixture, response, [token]);
  });

  it('refuses a tampered token, and one signed by a key outside the set', async () => {
    const { fixture, jwks } = await setUp();
    const tampered = tamperedSignature(await rs256Token(jwks.privateKey, jwks.kid, { sub: 'alice' }));
    const stranger = await generateKeyPair('RS256');
    const unknownKey = await rs256Token(stranger.privateKey, 'some-other-key', { sub: 'alice' });
    const sameKidOtherKey = await rs256Token(stranger.privateKey, jwks.kid, { sub: 'alice' });

    const answers = await Promise.all([tampered, unknownKey, sameKidOtherKey].map((token, i) => createGroupWith(fixture, `bad${i}`, token)));

    expect(answers.map(({ result }) => result)).toEqual([
      { __typename: 'NotAuthenticatedError', message: "Sign in first: the bearer token's signature is invalid." },
      { __typename: 'NotAuthenticatedError', message: "Sign in first: the bearer token's signing key is not known." },
      { __typename: 'NotAuthenticatedError', message: "Sign in first: the bearer token's signature is invalid." },
    ]);
    for (const [i, token] of [tampered, unknownKey, sameKidOtherKey].entries()) expectNothingLeaked(fixture, answers[i]!.response, [token]);
  });

  it('refuses an expired RS256 token and one for another audience', async () => {
    const { fixture, jwks } = await setUp();
    const expired = await rs256Token(jwks.privateKey, jwks.kid, { sub: 'alice', expiresIn: -60 });
    const elsewhere = await rs256Token(jwks.privateKey, jwks.kid, { sub: 'alice', aud: 'another-service' });

    expect((await createGroupWith(fixture, 'expired', expired)).result).toMatchObject({ message: 'Sign in first: the bearer token has expired.' });
    expect((await createGroupWith(fixture, 'elsewhere', elsewhere)).result).toMatchObject({
      message: "Sign in first: the bearer token's audience is not accepted.",
    });
  });

  it('says the keys could not be fetched when the key server is down, and warns the operator', async () => {
    const { fixture, jwks } = await setUp();
    const token = await rs256Token(jwks.privateKey, jwks.kid, { sub: 'alice' });
    await jwks.close();

    const { response, result } = await createGroupWith(fixture, 'down', token);

    expect(result).toEqual({ __typename: 'NotAuthenticatedError', message: 'Sign in first: the signing keys could not be fetched; try again shortly.' });
    const warnings = fixture.logLines.map((line) => JSON.parse(line) as { level: number; msg: string }).filter((line) => line.level === 40);
    expect(warnings.map((line) => line.msg)).toContain('bearer token could not be verified');
    expectNothingLeaked(fixture, response, [token]);
  });
});

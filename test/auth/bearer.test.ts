import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';
import { AUDIENCE, createdBy, createGroupWith, expectNothingLeaked, freshSecret, hs256Token, ISSUER, tamperedSignature, unsignedToken } from './helpers.js';

const gateways: GatewayKit[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

const secret = freshSecret();

/** A gateway that verifies HS256 tokens with `secret`; dev mode (X-User-Id) off unless asked. */
async function gateway(auth: Partial<Config['auth']> = {}): Promise<GatewayKit> {
  const fixture = await startKit({ config: { auth: { dev: false, jwt: { secret, issuer: ISSUER, audience: AUDIENCE }, ...auth } } });
  gateways.push(fixture);
  return fixture;
}

describe('bearer tokens signed with JWT_SECRET (HS256)', () => {
  it('names the caller by the token\'s sub: the group\'s owner', async () => {
    const fixture = await gateway();
    const token = await hs256Token(secret, { sub: 'alice' });

    const { response, result } = await createGroupWith(fixture, 'signed', { token });

    expect(result).toEqual(createdBy('signed', 'alice'));
    expectNothingLeaked(fixture, response, [token, secret]);
  });

  it('allows a few seconds of clock skew on exp', async () => {
    const fixture = await gateway();
    const token = await hs256Token(secret, { sub: 'alice', expiresIn: -2 });

    const { result } = await createGroupWith(fixture, 'skewed', { token });

    expect(result?.__typename).toBe('CreateGroupSuccess');
  });

  it.each([
    ['expired', () => hs256Token(secret, { sub: 'alice', expiresIn: -60 }), 'the bearer token has expired'],
    ['not valid yet', () => hs256Token(secret, { sub: 'alice', notBefore: 60 }), 'the bearer token is not valid yet'],
    ['for another audience', () => hs256Token(secret, { sub: 'alice', aud: 'another-service' }), "the bearer token's audience is not accepted"],
    ['from another issuer', () => hs256Token(secret, { sub: 'alice', iss: 'https://evil.example.test/' }), "the bearer token's issuer is not accepted"],
    ['with a tampered signature', async () => tamperedSignature(await hs256Token(secret, { sub: 'alice' })), "the bearer token's signature is invalid"],
    ['signed with another secret', () => hs256Token(freshSecret(), { sub: 'alice' }), "the bearer token's signature is invalid"],
    ['unsigned (alg: none)', async () => unsignedToken({ sub: 'alice' }), 'unsigned bearer tokens (alg "none") are not accepted'],
    ['without a subject', () => hs256Token(secret, {}), 'the bearer token has no subject ("sub" claim)'],
    ['whose subject is longer than 64 characters', () => hs256Token(secret, { sub: 'u'.repeat(65) }), "the bearer token's subject is not a user id"],
  ])('refuses a token %s, saying why', async (_, makeToken, reason) => {
    const fixture = await gateway();
    const token = await makeToken();

    const { response, result } = await createGroupWith(fixture, 'refused', { token });

    expect(response.status).toBe(200);
    expect(result).toEqual({ __typename: 'NotAuthenticatedError', message: expect.stringContaining(`Sign in first: ${reason}`) });
    expectNothingLeaked(fixture, response, [token, secret]);
  });

  it.each([
    ['expired', () => hs256Token(secret, { sub: 'alice', expiresIn: -60 }), 'the bearer token has expired'],
    ['with a tampered signature', async () => tamperedSignature(await hs256Token(secret, { sub: 'alice' })), "the bearer token's signature is invalid"],
  ])('answers every read with a token %s by UNAUTHENTICATED, saying why as group does (viewer included)', async (_, makeToken, reason) => {
    const fixture = await gateway();
    const token = await makeToken();
    const globalId = Buffer.from('Group:refusedread').toString('base64');

    const answers = {
      viewer: await fixture.viewer({}, { token }),
      group: await fixture.group({ groupId: 'refusedread' }, { token }),
      groups: await fixture.groups({ groupIds: ['refusedread'] }, { token }),
      node: await fixture.node({ id: globalId }, { token }),
      // The refused token's own user, by the global ids of its viewer and of a membership.
      viewerNode: await fixture.node({ id: Buffer.from('Viewer:alice').toString('base64') }, { token }),
      memberNode: await fixture.node({ id: Buffer.from('GroupMember:refusedread:alice').toString('base64') }, { token }),
    };

    for (const [field, answer] of Object.entries(answers)) {
      expect(answer.errors, field).toEqual([
        expect.objectContaining({ message: `Sign in first: ${reason}.`, extensions: { code: 'UNAUTHENTICATED' } }),
      ]);
      expectNothingLeaked(fixture, answer, [token, secret]);
    }
    expect(answers.viewer.data).toEqual({ viewer: null });
  });

  it('answers viewer: null, without an error, to a request that names no caller', async () => {
    const fixture = await gateway();
    const answer = await fixture.viewer({});
    expect(answer).toEqual({ status: 200, data: { viewer: null } });
  });

  it('refuses a malformed Authorization header', async () => {
    const fixture = await gateway();
    const token = await hs256Token(secret, { sub: 'alice' });

    for (const authorization of [`Basic ${token}`, 'Bearer', 'Bearer <paste a token>', `Bearer ${token} extra`, 'Bearer not-a-jwt']) {
      const { response, result } = await createGroupWith(fixture, 'malformed', { headers: { authorization } });
      expect(result).toEqual({ __typename: 'NotAuthenticatedError', message: expect.stringContaining('malformed Authorization header') });
      expectNothingLeaked(fixture, response, [token, secret]);
    }
  });

  it('ignores X-User-Id when dev mode is off', async () => {
    const fixture = await gateway();

    const { result } = await createGroupWith(fixture, 'impostor', { as: 'alice' });

    expect(result).toEqual({
      __typename: 'NotAuthenticatedError',
      message: 'Sign in first: no bearer token was sent (the X-User-Id header is not accepted here).',
    });
  });

  it('takes the token over X-User-Id when both arrive, in dev mode or not', async () => {
    for (const dev of [false, true]) {
      const fixture = await gateway({ dev });
      const token = await hs256Token(secret, { sub: 'alice' });

      const { result } = await createGroupWith(fixture, `both${dev}`, { token, as: 'mallory' });

      expect(result).toMatchObject({ __typename: 'CreateGroupSuccess', group: { owner: { userId: 'alice' } } });
    }
  });

  it('in dev mode, refuses a bad token rather than falling back to X-User-Id', async () => {
    const fixture = await gateway({ dev: true });
    const token = await hs256Token(secret, { sub: 'alice', expiresIn: -60 });

    const { result } = await createGroupWith(fixture, 'fallback', { token, as: 'mallory' });

    expect(result).toEqual({ __typename: 'NotAuthenticatedError', message: 'Sign in first: the bearer token has expired.' });
  });

  it('in dev mode, still names the caller by X-User-Id when no token is sent', async () => {
    const fixture = await gateway({ dev: true });

    const { result } = await createGroupWith(fixture, 'devcaller', { as: 'bob' });

    expect(result).toMatchObject({ __typename: 'CreateGroupSuccess', group: { owner: { userId: 'bob' } } });
  });
});

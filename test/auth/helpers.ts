import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type CryptoKey, type JWTPayload } from 'jose';
import { expect } from 'vitest';
import type { GatewayFixture } from '../fixtures/gateway.js';
import type { GatewayKit } from '../kit/gateway-kit.js';

export const ISSUER = 'https://id.example.test/';
export const AUDIENCE = 'group-gateway';

/** A fresh HS256 secret of 32 random bytes, as text (43 characters of base64url, so 43 bytes). */
export function freshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface Claims {
  sub?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now; default 300. */
  expiresIn?: number;
  /** Seconds from now. */
  notBefore?: number;
}

function withClaims(jwt: SignJWT | UnsecuredJWT, claims: Claims): void {
  const now = Math.floor(Date.now() / 1000);
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  jwt.setIssuer(claims.iss ?? ISSUER);
  jwt.setAudience(claims.aud ?? AUDIENCE);
  jwt.setIssuedAt(now);
  jwt.setExpirationTime(now + (claims.expiresIn ?? 300));
  if (claims.notBefore !== undefined) jwt.setNotBefore(now + claims.notBefore);
}

export async function hs256Token(secret: string, claims: Claims): Promise<string> {
  const jwt = new SignJWT({} satisfies JWTPayload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  withClaims(jwt, claims);
  return jwt.sign(new TextEncoder().encode(secret));
}

export async function rs256Token(privateKey: CryptoKey, kid: string, claims: Claims): Promise<string> {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid });
  withClaims(jwt, claims);
  return jwt.sign(privateKey);
}

/** `alg: none`: a header, a payload and an empty signature. */
export function unsignedToken(claims: Claims): string {
  const jwt = new UnsecuredJWT({});
  withClaims(jwt, claims);
  return jwt.encode();
}

/** The same token with one character of its signature changed. */
export function tamperedSignature(token: string): string {
  const [header, payload, signature = ''] = token.split('.');
  const at = Math.floor(signature.length / 2);
  const flipped = signature[at] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`;
}

export interface JwksServer {
  url: string;
  kid: string;
  privateKey: CryptoKey;
  /** How many times the key set was fetched. */
  fetches(): number;
  close(): Promise<void>;
}

/** A key set on 127.0.0.1 holding the public half of a fresh RS256 key pair. */
export async function startJwksServer(): Promise<JwksServer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = `key-${randomBytes(4).toString('hex')}`;
  const body = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] });
  let fetches = 0;
  const server: Server = createServer((request, response) => {
    fetches++;
    if (request.url !== '/.well-known/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  return {
    url,
    kid,
    privateKey,
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Neither the token (nor its signature) nor any secret shows in what the client got or what was logged. */
/** Creates group `groupId` (named after itself) with the caller the options name; the whole response, and the answer. */
export async function createGroupWith(fixture: GatewayKit, groupId: string, options: { token?: string; as?: string; headers?: Record<string, string> }) {
  const response = await fixture.response.createGroup({ groupId, name: groupId }, options);
  return { response, result: response.data?.createGroup };
}

/** What createGroupWith answers when the caller was named `userId`. */
export function createdBy(groupId: string, userId: string) {
  return {
    __typename: 'CreateGroupSuccess',
    group: {
      groupId,
      owner: { userId, role: 'OWNER' },
      // Also read by the kit's shared selection.
      id: expect.any(String),
      name: groupId,
      avatarUrl: null,
      visibility: 'PRIVATE',
      memberCount: 1,
      createdAt: expect.any(String),
      syncStatus: 'SYNCED',
    },
  };
}

export function expectNothingLeaked(fixture: GatewayFixture, response: unknown, secrets: readonly string[]): void {
  const texts = [JSON.stringify(response), ...fixture.logLines];
  for (const secret of secrets) {
    const signature = secret.split('.')[2];
    for (const text of texts) {
      expect(text).not.toContain(secret);
      if (signature && signature.length > 8) expect(text).not.toContain(signature);
    }
  }
}

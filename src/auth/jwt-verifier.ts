import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWSAlgorithm, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from '../config.js';
import { tokenProblemOf, type TokenProblem } from './jwt-problems.js';
import { isAcceptableUserId, USER_ID_RULE } from './user-id.js';

/** A shared secret signs with HS256 only. */
const SECRET_ALGORITHMS: readonly JWSAlgorithm[] = ['HS256'];
/** A key set holds public keys: never HS* (its public key would become a shared secret), never `none`. */
const JWKS_ALGORITHMS: readonly JWSAlgorithm[] = ['RS256', 'ES256', 'EdDSA', 'Ed25519'];
/** Seconds of clock skew allowed on `exp` and `nbf`. */
const CLOCK_TOLERANCE_SECONDS = 5;

export type VerifiedToken = { userId: string } | TokenProblem;

export interface JwtVerifier {
  verify(token: string): Promise<VerifiedToken>;
}

/** Verifies a compact JWT's signature, issuer, audience and expiry; its `sub` names the caller. */
export function createJwtVerifier(config: JwtConfig): JwtVerifier {
  const remoteKeys = config.jwksUrl !== undefined;
  const algorithms = remoteKeys ? JWKS_ALGORITHMS : SECRET_ALGORITHMS;
  const key = verificationKey(config);

  return {
    async verify(token) {
      const algorithm = algorithmOf(token);
      if (algorithm === null) return { problem: 'the bearer token is malformed', operational: false };
      if (!algorithms.includes(algorithm)) {
        return {
          problem: algorithm === 'none' ? 'unsigned bearer tokens (alg "none") are not accepted' : "the bearer token's signing algorithm is not accepted",
          operational: false,
        };
      }
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [...algorithms],
          issuer: config.issuer,
          audience: config.audience,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['exp', 'sub'],
        });
        if (!isAcceptableUserId(payload.sub)) {
          return { problem: `the bearer token's subject is not a user id (use ${USER_ID_RULE})`, operational: false };
        }
        return { userId: payload.sub };
      } catch (error) {
        return tokenProblemOf(error, remoteKeys);
      }
    },
  };
}

/** The key set's resolver (fetched lazily, cached and refreshed by jose), or the secret's UTF-8 bytes. */
function verificationKey(config: JwtConfig): Uint8Array | JWTVerifyGetKey {
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl));
  if (config.secret) return new TextEncoder().encode(config.secret);
  throw new Error('JWT verification needs JWT_SECRET or JWT_JWKS_URL');
}

/** The header's `alg`, read before any verification only to choose the answer; null when unreadable. */
function algorithmOf(token: string): string | null {
  try {
    const { alg } = decodeProtectedHeader(token);
    return typeof alg === 'string' ? alg : null;
  } catch {
    return null;
  }
}

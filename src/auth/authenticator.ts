import type { Logger } from 'pino';
import type { AuthConfig } from '../config.js';
import { readBearerToken } from './bearer-header.js';
import { readUserIdHeader } from './dev-header.js';
import { createJwtVerifier, type JwtVerifier } from './jwt-verifier.js';

export interface Authentication {
  /** Who is asking; null when nobody could be named. */
  callerId: string | null;
  /** Why nobody was named, in a few words a client can act on; null when a caller was. */
  problem: string | null;
  /** A credential was sent and refused (an expired token, a malformed X-User-Id), not merely absent. */
  refused: boolean;
}

export interface Authenticator {
  /** Never throws: a request that names no caller is answered by the operation that needs one. */
  authenticate(request: Request): Promise<Authentication>;
}

/**
 * A bearer token, when JWT verification is configured, names the caller in any mode; in dev mode
 * `X-User-Id` does when no token is sent. Tokens, secrets and signatures never reach a log line
 * or a problem. A reserved id (the notification sender) names no one.
 */
export function createAuthenticator(config: AuthConfig, logger: Logger, reservedUserIds: readonly string[] = []): Authenticator {
  const log = logger.child({ component: 'auth' });
  const verifier: JwtVerifier | null = config.jwt ? createJwtVerifier(config.jwt) : null;
  const refused = (problem: string): Authentication => ({ callerId: null, problem, refused: true });
  const absent = (problem: string): Authentication => ({ callerId: null, problem, refused: false });
  const named = (callerId: string): Authentication => ({ callerId, problem: null, refused: false });

  async function authenticate(request: Request): Promise<Authentication> {
    const bearer = readBearerToken(request);
    if (bearer && verifier) {
      if ('problem' in bearer) return refused(bearer.problem);
      const verified = await verifier.verify(bearer.token);
      if ('userId' in verified) return named(verified.userId);
      if (verified.operational) log.warn({ reason: verified.problem, error: verified.detail }, 'bearer token could not be verified');
      else log.debug({ reason: verified.problem }, 'bearer token refused');
      return refused(verified.problem);
    }
    if (config.dev) {
      const header = readUserIdHeader(request);
      if (header && 'userId' in header) return named(header.userId);
      if (header) return refused(header.problem);
      if (bearer) return refused('bearer tokens are not verified on this gateway (dev mode: name the caller with the X-User-Id header)');
      return absent(verifier ? 'no caller was named; send a bearer token or the X-User-Id header' : 'no caller was named; send the X-User-Id header');
    }
    if (!verifier) return absent('this gateway has no sign-in configured');
    return absent(
      readUserIdHeader(request)
        ? 'no bearer token was sent (the X-User-Id header is not accepted here)'
        : 'no bearer token was sent (Authorization: Bearer <token>)',
    );
  }

  return {
    async authenticate(request) {
      try {
        const authentication = await authenticate(request);
        if (authentication.callerId !== null && reservedUserIds.includes(authentication.callerId)) return refused('this user id is reserved for group notifications');
        return authentication;
      } catch (error) {
        log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'authentication failed unexpectedly');
        return refused('the caller could not be authenticated; try again shortly');
      }
    },
  };
}

/** Compact JWS is three base64url parts; anything else is not worth handing to the verifier. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
/** Far above any real token, far below what would cost the verifier work. */
const MAX_TOKEN_LENGTH = 8192;

export type BearerHeaderResult = { token: string } | { problem: string } | null;

/**
 * The token of `Authorization: Bearer <token>` (scheme case-insensitive, RFC 7235); null when
 * the header is absent or blank. A problem never quotes the header: it may hold a credential.
 */
export function readBearerToken(request: Request): BearerHeaderResult {
  const header = request.headers.get('authorization')?.trim();
  if (!header) return null;
  const match = /^Bearer +(\S+)$/i.exec(header);
  if (!match) return { problem: 'malformed Authorization header (send "Bearer <token>")' };
  const token = match[1]!;
  if (token.length > MAX_TOKEN_LENGTH) return { problem: 'the bearer token is too long' };
  if (!COMPACT_JWS.test(token)) return { problem: 'malformed Authorization header (the bearer token is not a JWT)' };
  return { token };
}

import { isAcceptableUserId, USER_ID_RULE } from './user-id.js';

/** Dev mode only: the header that names the caller, trusted as it is. */
export const USER_ID_HEADER = 'x-user-id';

export type DevHeaderResult = { userId: string } | { problem: string } | null;

/**
 * The caller named by `X-User-Id`; null when the header is absent or empty. The value is taken as
 * it is, never trimmed into another user. Node reads header bytes as latin-1: a UTF-8 id arrives
 * as the latin-1 reading of its bytes, which the rule refuses (user ids are ASCII), so a
 * non-ASCII header is refused rather than misread.
 */
export function readUserIdHeader(request: Request): DevHeaderResult {
  const userId = request.headers.get(USER_ID_HEADER);
  if (!userId) return null;
  return isAcceptableUserId(userId) ? { userId } : { problem: `the X-User-Id header is not a user id (use ${USER_ID_RULE})` };
}

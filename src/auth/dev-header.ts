import { isAcceptableUserId, MAX_USER_ID_LENGTH } from './user-id.js';

/** Dev mode only: the header that names the caller, trusted as it is. */
export const USER_ID_HEADER = 'x-user-id';

export type DevHeaderResult = { userId: string } | { problem: string } | null;

/** The caller named by `X-User-Id`; null when the header is absent or blank. */
export function readUserIdHeader(request: Request): DevHeaderResult {
  const userId = request.headers.get(USER_ID_HEADER)?.trim();
  if (!userId) return null;
  return isAcceptableUserId(userId)
    ? { userId }
    : { problem: `the X-User-Id header is not a user id (use 1 to ${MAX_USER_ID_LENGTH} characters)` };
}

/** The user ids a caller may be named by: 1 to 64 characters (code points), not blank, valid Unicode. */
export const MAX_USER_ID_LENGTH = 64;

export function isAcceptableUserId(value: unknown): value is string {
  return (
    typeof value === 'string' && value.isWellFormed() && value.trim().length > 0 && [...value].length <= MAX_USER_ID_LENGTH
  );
}

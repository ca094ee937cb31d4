/**
 * What a user id is, everywhere the gateway meets one: the `X-User-Id` header, a token's `sub`,
 * member ids, transfer targets, the notification sender.
 *
 * The IM Service's user registration (`/user/getToken.json`) defines the ids it knows: at most
 * 64 *bytes*. Its sources disagree on the characters: the registration docs of the Server API
 * ("支持大小写英文字母、数字、部分特殊符号 + | = - _ 的组合方式，最大长度 64 字节") allow letters,
 * digits and `+ | = - _`; the vendor's own MCP server (rongcloud-server-mcp-python, `register_user`)
 * says "a combination of uppercase and lowercase letters and numbers, with a maximum length of 64
 * bytes". We take the documented set, not wider: ASCII only, so bytes and characters agree, and
 * no control, bidi, zero-width or white-space character can ever be part of an id (nothing to
 * trim, so two ids that look alike are never silently one user, nor one user two). Letters and
 * digits alone would be safer still, but would refuse the default sender `__system__` and ids
 * the service itself accepts.
 */
export const MAX_USER_ID_BYTES = 64;
const USER_ID = /^[A-Za-z0-9+|=_-]+$/;

/** How to write a valid one, for messages. */
export const USER_ID_RULE = `1 to ${MAX_USER_ID_BYTES} bytes of ASCII letters, digits and + | = - _`;

/** Null when `value` is a valid user id; else why not, in a few words. */
export function userIdProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return `A user id is ${USER_ID_RULE}`;
  if (Buffer.byteLength(value, 'utf8') > MAX_USER_ID_BYTES) return `A user id has at most ${MAX_USER_ID_BYTES} bytes (UTF-8)`;
  if (!USER_ID.test(value)) return `A user id is made of ASCII letters, digits and + | = - _ only`;
  return null;
}

export function isValidUserId(value: unknown): value is string {
  return userIdProblem(value) === null;
}

import { badParameter } from './im-error.js';

const GROUP_ID = /^[A-Za-z0-9]{1,64}$/;
/**
 * User ids as the IM Service registers them (`/user/getToken.json`): at most 64 bytes, letters,
 * digits and `+ | = - _` ("支持大小写英文字母、数字、部分特殊符号 + | = - _ 的组合方式，最大长度
 * 64 字节"; the vendor's MCP server says letters and digits, 64 bytes). Anything else is code 1002.
 */
const MAX_USER_ID_BYTES = 64;
const USER_ID_CHARS = /^[A-Za-z0-9+|=_-]+$/;
const MAX_GROUP_NAME_CHARS = 64;
export const MAX_USERS_PER_CALL = 1000;

/** Length in code points, so that an emoji counts as one character as users see it. */
export function codePointLength(text: string, stopAfter = Infinity): number {
  let count = 0;
  for (const _ of text) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

function hasCharsBetween(text: string, min: number, max: number): boolean {
  const length = codePointLength(text, max);
  return length >= min && length <= max;
}

/** A parameter that must appear at most once; a repeated one is ambiguous, so it is refused. */
function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw badParameter(`${name} must be given once, got ${values.length}`);
  return values[0];
}

function required(params: URLSearchParams, name: string): string {
  const value = single(params, name);
  if (value === undefined || value === '') throw badParameter(`${name} is required`);
  return value;
}

export function checkGroupId(groupId: string, name = 'groupId'): string {
  if (!GROUP_ID.test(groupId)) {
    throw badParameter(`${name} must be 1 to 64 letters or digits`);
  }
  return groupId;
}

export function checkUserId(userId: string, name = 'userId'): string {
  if (userId.length === 0 || Buffer.byteLength(userId, 'utf8') > MAX_USER_ID_BYTES) {
    throw badParameter(`${name} must be 1 to ${MAX_USER_ID_BYTES} bytes`);
  }
  if (!USER_ID_CHARS.test(userId)) throw badParameter(`${name} may hold letters, digits and + | = - _ only`);
  return userId;
}

export function checkGroupName(groupName: string, name = 'groupName'): string {
  if (!hasCharsBetween(groupName, 1, MAX_GROUP_NAME_CHARS)) {
    throw badParameter(`${name} must be 1 to ${MAX_GROUP_NAME_CHARS} characters`);
  }
  return groupName;
}

export function readGroupId(params: URLSearchParams): string {
  return checkGroupId(required(params, 'groupId'));
}

/** One user, e.g. the operator of a dismiss or the subject of a sync. */
export function readSingleUserId(params: URLSearchParams, name = 'userId'): string {
  return checkUserId(required(params, name), name);
}

/** A list parameter: the key repeats, 1 to 1000 values per call. */
export function readUserIds(params: URLSearchParams): string[] {
  const userIds = params.getAll('userId');
  if (userIds.length < 1 || userIds.length > MAX_USERS_PER_CALL) {
    throw badParameter(`userId must be given 1 to ${MAX_USERS_PER_CALL} times, got ${userIds.length}`);
  }
  for (const userId of userIds) checkUserId(userId);
  return userIds;
}

export function readGroupName(params: URLSearchParams): string {
  const value = single(params, 'groupName');
  if (value === undefined) throw badParameter('groupName is required');
  return checkGroupName(value);
}

/** Optional, but when present it must be valid: an empty name is a bug, not "no name". */
export function readOptionalGroupName(params: URLSearchParams): string | undefined {
  const value = single(params, 'groupName');
  return value === undefined ? undefined : checkGroupName(value);
}

export function readRequiredText(params: URLSearchParams, name: string): string {
  return required(params, name);
}

export function readOptionalText(params: URLSearchParams, name: string): string | undefined {
  return single(params, name);
}

/** A positive decimal integer within bounds, or the default when absent. */
export function readInteger(
  params: URLSearchParams,
  name: string,
  bounds: { min: number; max: number; fallback: number },
): number {
  const raw = single(params, name);
  if (raw === undefined) return bounds.fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= bounds.min && value <= bounds.max)) {
    throw badParameter(`${name} must be an integer from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

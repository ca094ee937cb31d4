import { randomBytes } from 'node:crypto';
import { badParameter, ImError } from './im-error.js';
import { checkUserId, readOptionalText } from './params.js';
import type { EmulatorState } from './state.js';

/**
 * A message bound to a group call (`bindNotifyMsg=true` on create, join, quit, dismiss and
 * refresh), as the vendor's Go server SDK sends it (`sdk/group.go`, `MessageOptions`): with
 * `fromUserId`, `objectName` and `content`, each required (the SDK refuses a bound message
 * without one, 1002); the service answers `{ code, messageUID }`. The message is recorded where
 * published group messages are, so the inspection API shows one message per notice however it came.
 */
export interface BoundMessage {
  fromUserId: string;
  objectName: string;
  content: unknown;
}

/**
 * A message's content is at most 128 KB (the vendor's PHP server SDK: "单条消息最大 128k"); a
 * longer one is refused as "value too long" (1005), the code the vendor's list gives for lengths.
 */
export const MAX_CONTENT_BYTES = 128 * 1024;

/** The bound message, checked before the call changes anything; undefined when none is bound. */
export function readBoundMessage(params: URLSearchParams): BoundMessage | undefined {
  const bind = readOptionalText(params, 'bindNotifyMsg');
  if (bind === undefined || bind === 'false') return undefined;
  if (bind !== 'true') throw badParameter('bindNotifyMsg must be true or false');
  const fromUserId = requiredWhenBound(params, 'fromUserId');
  checkUserId(fromUserId, 'fromUserId');
  const objectName = requiredWhenBound(params, 'objectName');
  const content = readContent(requiredWhenBound(params, 'content'));
  return { fromUserId, objectName, content };
}

/** Records the bound message to the group once its call went through; answers its `messageUID`. */
export function deliverBound(state: EmulatorState, groupId: string, message: BoundMessage | undefined, at: number): { messageUID?: string } {
  if (!message) return {};
  state.recordMessage({ ...message, toGroupId: groupId, at });
  return { messageUID: newMessageUid() };
}

/** A message's content: a JSON string of at most 128 KB. */
export function readContent(text: string): unknown {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONTENT_BYTES) throw new ImError(1005, `content is longer than ${MAX_CONTENT_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badParameter('content must be a JSON string');
  }
}

/** Opaque and unique; callers must not read anything into its shape (four dash-separated groups of four). */
export function newMessageUid(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const chars = [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function requiredWhenBound(params: URLSearchParams, name: string): string {
  const value = readOptionalText(params, name);
  if (value === undefined || value === '') throw badParameter(`${name} cannot be empty when bindNotifyMsg is true`);
  return value;
}

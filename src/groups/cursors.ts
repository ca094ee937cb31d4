import type { Member } from './entities.js';
import { InvalidInputError } from './errors.js';
import { GROUP_ID } from './rules.js';
import { isValidUserId } from './user-ids.js';

/**
 * Keyset cursors: the position itself, so pages stay stable while rows come and go. Clients see
 * them as opaque strings; the domain decodes and checks them before any store sees them.
 */

/** A position in a group's member list: members are ordered by join time, then user id. */
export interface MemberCursor {
  joinedAt: number;
  userId: string;
}

/** A position in a user's group list: newest membership first, then group id. */
export interface MembershipCursor {
  joinedAt: number;
  groupId: string;
}

export function encodeMemberCursor(member: Member): string {
  return encode(`m:${member.joinedAt.getTime()}:${member.userId}`);
}

export function decodeMemberCursor(cursor: string): MemberCursor {
  const [joinedAt, userId] = decode(cursor, 'm');
  if (!isValidUserId(userId)) throw notACursor();
  return { joinedAt, userId };
}

export function encodeMembershipCursor(member: Member): string {
  return encode(`v:${member.joinedAt.getTime()}:${member.groupId}`);
}

export function decodeMembershipCursor(cursor: string): MembershipCursor {
  const [joinedAt, groupId] = decode(cursor, 'v');
  if (!GROUP_ID.test(groupId)) throw notACursor();
  return { joinedAt, groupId };
}

/**
 * A position in the event log: the global sequence an event was released with. Opaque to
 * clients, stable for ever (the same event always has the same cursor, on every instance).
 */
export function encodeEventCursor(sequence: number): string {
  return encode(`e:${sequence}`);
}

/** The sequence in an event cursor; `InvalidInputError` (path `after`) for anything this log never gave out. */
export function decodeEventCursor(cursor: string): number {
  const match = /^e:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  const sequence = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(sequence)) throw notACursor();
  return sequence;
}

function encode(position: string): string {
  return Buffer.from(position).toString('base64url');
}

/**
 * The position in a cursor, checked as the store would need it: a millisecond time that fits a
 * bigint (and a JavaScript number), an id under its rule. Anything else is a client's invention,
 * refused alike on both stores rather than left to a database error.
 */
function decode(cursor: string, kind: 'm' | 'v'): [number, string] {
  const match = new RegExp(`^${kind}:(\\d{1,16}):(.+)$`, 's').exec(Buffer.from(cursor, 'base64url').toString());
  const joinedAt = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(joinedAt)) throw notACursor();
  return [joinedAt, match[2]!];
}

function notACursor(): InvalidInputError {
  return new InvalidInputError([{ path: ['after'], message: 'after is not a cursor this field gave out' }]);
}

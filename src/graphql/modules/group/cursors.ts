import type { MemberCursor, MembershipCursor } from '../../../groups/store/members.repository.js';
import type { MemberRow } from '../../../groups/store/tables.js';
import { GROUP_ID } from '../../../groups/rules.js';
import { isValidUserId } from '../../../groups/user-ids.js';
import { badInput } from '../../access.js';

/** Opaque keyset cursors: the position itself, so pages stay stable while rows come and go. */

export function encodeMemberCursor(member: MemberRow): string {
  return encode(`m:${Number(member.joined_at)}:${member.user_id}`);
}

export function decodeMemberCursor(cursor: string): MemberCursor {
  const [joinedAt, userId] = decode(cursor, 'm');
  if (!isValidUserId(userId)) throw notACursor();
  return { joinedAt, userId };
}

export function encodeMembershipCursor(member: MemberRow): string {
  return encode(`v:${Number(member.joined_at)}:${member.group_id}`);
}

export function decodeMembershipCursor(cursor: string): MembershipCursor {
  const [joinedAt, groupId] = decode(cursor, 'v');
  if (!GROUP_ID.test(groupId)) throw notACursor();
  return { joinedAt, groupId };
}

function encode(position: string): string {
  return Buffer.from(position).toString('base64url');
}

/**
 * The position in a cursor, checked as the store would need it: a millisecond time that fits a
 * bigint (and a JavaScript number), an id under its rule. Anything else is a client's invention,
 * answered BAD_USER_INPUT on both stores rather than a database error.
 */
function decode(cursor: string, kind: 'm' | 'v'): [number, string] {
  const match = new RegExp(`^${kind}:(\\d{1,16}):(.+)$`, 's').exec(Buffer.from(cursor, 'base64url').toString());
  const joinedAt = match ? Number(match[1]) : NaN;
  if (!match || !Number.isSafeInteger(joinedAt)) throw notACursor();
  return [joinedAt, match[2]!];
}

function notACursor(): Error {
  return badInput('after is not a cursor this field gave out');
}

/** Checks a page size argument. */
export function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (size < 1 || size > max) throw badInput(`first must be from 1 to ${max}`);
  return size;
}

/**
 * A connection page from `first + 1` rows read after a cursor: the extra row only says
 * whether more follow.
 */
export function connectionPage<Row, Node>(
  rows: readonly Row[],
  first: number,
  hadCursor: boolean,
  edgeOf: (row: Row) => { cursor: string; node: Node },
) {
  const edges = rows.slice(0, first).map(edgeOf);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

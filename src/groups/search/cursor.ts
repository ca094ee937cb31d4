import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors.js';
import { GROUP_ID } from '../rules.js';

/**
 * A position in one query's results, which are ordered by score (highest first), then the length
 * of the name (shortest, the closest match, first), then group id: the three are the cursor. It
 * is bound to the query's words, so a cursor given with another query is refused rather than
 * read as a position in results it never came from.
 */
export interface SearchPosition {
  score: number;
  nameLength: number;
  groupId: string;
}

export function encodeSearchCursor(position: SearchPosition, queryKey: string): string {
  return Buffer.from(`s:${position.score}:${position.nameLength}:${position.groupId}:${queryTag(queryKey)}`).toString('base64url');
}

export function decodeSearchCursor(cursor: string, queryKey: string): SearchPosition {
  const match = /^s:(\d{1,6}):(\d{1,6}):([A-Za-z0-9]{1,64}):([a-f0-9]{16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || !GROUP_ID.test(match[3]!)) throw refused('after is not a cursor searchGroups gave out');
  if (match[4] !== queryTag(queryKey)) throw refused('after is a cursor of another query: give the same query as the page it came from');
  return { score: Number(match[1]), nameLength: Number(match[2]), groupId: match[3]! };
}

/** A short digest of the query's words: enough to tell two queries apart, not to read one back. */
function queryTag(queryKey: string): string {
  return createHash('sha256').update(queryKey).digest('hex').slice(0, 16);
}

function refused(message: string): InvalidInputError {
  return new InvalidInputError([{ path: ['input', 'after'], message }]);
}

import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors.js';
import { GROUP_ID } from '../rules.js';

/**
 * A position in one query's results, which are ordered by score (highest first), then the length
 * of the name (shortest, the closest match, first), then group id: the three are the cursor,
 * with the pass the results came from (exact, or typos when the exact pass found nothing). It
 * is bound to the query's words, so a cursor given with another query is refused rather than
 * read as a position in results it never came from.
 */
export interface SearchPosition {
  /** The page came from the typo pass (the exact one found nothing). */
  typos: boolean;
  score: number;
  nameLength: number;
  groupId: string;
}

export function encodeSearchCursor(position: SearchPosition, queryKey: string): string {
  return Buffer.from(`s:${position.typos ? 't' : 'e'}:${position.score}:${position.nameLength}:${position.groupId}:${queryTag(queryKey)}`).toString('base64url');
}

export function decodeSearchCursor(cursor: string, queryKey: string): SearchPosition {
  const match = /^s:([te]):(\d{1,6}):(\d{1,6}):([A-Za-z0-9]{1,64}):([a-f0-9]{16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || !GROUP_ID.test(match[4]!)) throw refused('after is not a cursor searchGroups gave out');
  if (match[5] !== queryTag(queryKey)) throw refused('after is a cursor of another query: give the same query as the page it came from');
  return { typos: match[1] === 't', score: Number(match[2]), nameLength: Number(match[3]), groupId: match[4]! };
}

/** A short digest of the query's words: enough to tell two queries apart, not to read one back. */
function queryTag(queryKey: string): string {
  return createHash('sha256').update(queryKey).digest('hex').slice(0, 16);
}

function refused(message: string): InvalidInputError {
  return new InvalidInputError([{ path: ['input', 'after'], message }]);
}

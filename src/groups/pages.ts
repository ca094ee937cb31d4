import { InvalidInputError } from './errors.js';
import type { Page } from './reader.js';

/** Keyset pages, the same for every list the reader serves. */

export function pageSize(first: number, max: number): number {
  if (first < 1 || first > max) throw new InvalidInputError([{ path: ['first'], message: `first must be from 1 to ${max}` }]);
  return first;
}

/** A page from `first + 1` rows read after a cursor: the extra row only says whether more follow. */
export function pageOf<Row, T, Extra>(
  rows: readonly Row[],
  first: number,
  hadCursor: boolean,
  edgeOf: (row: Row) => { cursor: string; node: T } & Extra,
  totalCount: () => Promise<number>,
): Page<T, Extra> {
  const edges = rows.slice(0, first).map(edgeOf);
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

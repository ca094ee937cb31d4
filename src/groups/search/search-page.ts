import type { Group } from '../entities.js';
import { pageOf, pageSize } from '../pages.js';
import type { Page } from '../reader.js';
import { MAX_SEARCH_PAGE } from '../rules.js';
import type { GroupSearchRepository } from '../store/search.repository.js';
import { decodeSearchCursor, encodeSearchCursor } from './cursor.js';
import { searchTerms } from './terms.js';

export interface SearchRequest {
  query: string;
  first: number;
  after?: string | null;
}

/**
 * One page of PUBLIC groups matching the query, best first (`store/search.repository.ts` says
 * how they are matched and ranked, the same on both stores). `found` sees each group of the page,
 * for the request's cache. No total: it would count every match, where a page reads only its own.
 */
export async function searchPage(search: GroupSearchRepository, request: SearchRequest, found: (group: Group) => void): Promise<Page<Group>> {
  const terms = searchTerms(request.query);
  const first = pageSize(request.first, MAX_SEARCH_PAGE);
  const after = request.after ? decodeSearchCursor(request.after, terms.key) : null;
  let hits = await search.search(terms, first + 1, after, after?.typos ?? false);
  // Typos are looked for only when nothing matches as typed: the typo pass reads many more candidates.
  if (after === null && hits.length === 0 && terms.words.some((word) => word.trigrams.length > 0)) hits = await search.search(terms, first + 1, null, true);
  for (const { group } of hits.slice(0, first)) found(group);
  const noTotal = () => Promise.reject(new Error('searchGroups counts no total'));
  return pageOf(hits, first, after !== null, ({ group, position }) => ({ cursor: encodeSearchCursor(position, terms.key), node: group }), noTotal);
}

/** BENCHMARKS.md's section for `npm run bench:search` (what its last line holds, and how to read it). */

interface QueryFigures {
  p50Ms: number;
  likeP50Ms: number;
  hits: number;
  likeHits: number;
}

export interface StoreFigures {
  seedSeconds: number;
  p50Ms: number;
  p99Ms: number;
  likeP50Ms: number;
  likeP99Ms: number;
  speedupP50: number;
  queries: Record<string, QueryFigures>;
}

export interface SearchResult {
  groups: number;
  p50Ms: number;
  p99Ms: number;
  sqlite: StoreFigures;
  postgres: StoreFigures | null;
}

function storeRows(name: string, figures: StoreFigures | null): string[] {
  if (!figures) return [`| ${name} | PostgreSQL unreachable: not measured | | | | |`];
  return Object.entries(figures.queries).map(
    ([query, q]) => `| ${name} | \`${query}\` | ${q.p50Ms} | ${q.likeP50Ms} | ${q.hits} | ${q.likeHits} |`,
  );
}

function summary(name: string, figures: StoreFigures | null): string {
  if (!figures) return `| ${name} | n/a | n/a | n/a | n/a | n/a | n/a |`;
  return `| ${name} | ${figures.p50Ms} | ${figures.p99Ms} | ${figures.likeP50Ms} | ${figures.likeP99Ms} | ${figures.speedupP50} | ${figures.seedSeconds} |`;
}

export function searchSection(result: SearchResult): string {
  return `## Group search against a LIKE scan (\`npm run bench:search\`)

${result.groups} PUBLIC groups written straight into the store (name and description from a fixed
pseudo-random text; each real word in about 1 group in 70), then each fixed query run 15 times
(after 2 warm-ups) through \`searchPage\` over \`GroupSearchRepository\` (repository level: the statements
the index serves, a page of 20, ranked; the typo pass only when the exact one finds nothing), interleaved with a \`LIKE '%word%'\` scan of name and description
(\`ILIKE\` on PostgreSQL) ranked by name length. Top-level p50/p99: the worse store's search.

| store | search p50 (ms) | search p99 (ms) | LIKE p50 (ms) | LIKE p99 (ms) | LIKE ÷ search (p50) | seed (s) |
| --- | --- | --- | --- | --- | --- | --- |
${summary('SQLite (FTS5 trigram)', result.sqlite)}
${summary('PostgreSQL (pg_trgm GIN)', result.postgres)}

| store | query | search p50 (ms) | LIKE p50 (ms) | found (of 20) | LIKE found |
| --- | --- | --- | --- | --- | --- |
${[...storeRows('SQLite', result.sqlite), ...storeRows('PostgreSQL', result.postgres)].join('\n')}

Reading: the index answers ${result.sqlite.speedupP50}× faster than the scan at the median on SQLite${result.postgres ? ` and ${result.postgres.speedupP50}× on PostgreSQL` : ''}; a query's cost follows how many groups hold its words (every match is ranked, not just the page), and the typo pass (\`bokclub\`, run only when nothing matches as typed) finds what the scan cannot.
`;
}

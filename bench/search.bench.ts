/**
 * `npm run bench:search`: group search over 100 000 PUBLIC groups, on SQLite (FTS5 trigram) and
 * PostgreSQL (pg_trgm GIN), against a `LIKE '%q%'` scan of the same rows measured in the same run.
 *
 * Measured at the repository level (`searchPage` over `GroupSearchRepository`: the query's
 * parsing, the exact pass and, when it finds nothing, the typo pass), not through the GraphQL
 * front door: what the index buys is the statements, and the front door
 * (parsing, auth, serializing 20 groups) costs the same with or without it. The baseline scans
 * `groups` with one `LIKE '%word%'` per query word (`ILIKE` on PostgreSQL, where LIKE is case
 * sensitive) over the name and description, and ranks what it finds the only way LIKE can, by
 * name length, so it reads every row as the search does (no early stop on a LIMIT); it cannot
 * match a typo or an accent, which the figures say (`hits`).
 *
 * Last line: `{"groups":100000,"p50Ms","p99Ms","sqlite":{…},"postgres":{…}}`; the top-level
 * p50Ms/p99Ms are the worse of the two stores' search figures (PostgreSQL's null when it is
 * unreachable: then SQLite's alone).
 */
import { sql } from 'kysely';
import { percentile } from '../src/emulator/log-stats.js';
import { openStore, type Store } from '../src/groups/store/database.js';
import { GroupSearchRepository } from '../src/groups/store/search.repository.js';
import { searchPage } from '../src/groups/search/search-page.js';
import { searchableText } from '../src/groups/search/terms.js';
import { CLUSTER_POSTGRES_URL, dropSchema, probePostgres } from './cluster/services.js';
import type { StoreFigures } from './search/report-section.js';
import { seed } from './search/seed.js';

const GROUPS = 100_000;
const PAGE = 20;
const RUNS = 15;
const WARMUP = 2;

/** The fixed queries: a common word, a prefix, two words, a rare word, a typo, an accent, nothing. */
const QUERIES = ['jazz', 'climb', 'jazz lisbon', 'bookclub', 'bokclub', 'TÖKYO', 'xylophonist'];

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** The baseline: every word a LIKE '%word%' over name and description, ranked by name length. */
function likeScan(store: Store, query: string): () => Promise<number> {
  const words = searchableText(query).split(' ').filter(Boolean);
  const like = sql.raw(store.dialect === 'postgres' ? 'ilike' : 'like');
  const each = words.map((word) => sql`(name ${like} ${`%${word}%`} or description ${like} ${`%${word}%`})`);
  return async () => {
    const { rows } = await sql<{ group_id: string }>`select group_id from groups
      where visibility = 'PUBLIC' and dismissed_at is null and ${sql.join(each, sql` and `)}
      order by length(name), group_id limit ${PAGE}`.execute(store.db);
    return rows.length;
  };
}

async function measure(store: Store): Promise<StoreFigures> {
  const seedSeconds = await seed(store, GROUPS);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
  const search = new GroupSearchRepository(store.db);
  const all: number[] = [];
  const allLike: number[] = [];
  const queries: StoreFigures['queries'] = {};
  for (const query of QUERIES) {
    const indexed = async () => (await searchPage(search, { query, first: PAGE }, () => undefined)).edges.length;
    const scan = likeScan(store, query);
    const times: number[] = [];
    const likeTimes: number[] = [];
    let hits = 0;
    let likeHits = 0;
    // Interleaved, so that both meet the same machine load.
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const [ms, found] = await timed(indexed);
      const [likeMs, likeFound] = await timed(scan);
      if (run < WARMUP) continue;
      times.push(ms);
      likeTimes.push(likeMs);
      hits = found;
      likeHits = likeFound;
    }
    all.push(...times);
    allLike.push(...likeTimes);
    queries[query] = { p50Ms: round(percentile(times, 50)), likeP50Ms: round(percentile(likeTimes, 50)), hits, likeHits };
  }
  const p50Ms = round(percentile(all, 50));
  const likeP50Ms = round(percentile(allLike, 50));
  return {
    seedSeconds: round(seedSeconds),
    p50Ms,
    p99Ms: round(percentile(all, 99)),
    likeP50Ms,
    likeP99Ms: round(percentile(allLike, 99)),
    speedupP50: round(likeP50Ms / Math.max(p50Ms, 0.001)),
    queries,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function onSqlite(): Promise<StoreFigures> {
  const store = await openStore(':memory:');
  try {
    return await measure(store);
  } finally {
    await store.close();
  }
}

async function onPostgres(): Promise<StoreFigures | null> {
  const available = await probePostgres();
  if (!available.ok) {
    console.error(`PostgreSQL unreachable (${available.reason}): measuring SQLite only`);
    return null;
  }
  const schema = `bench_search_${process.pid}`;
  const url = new URL(CLUSTER_POSTGRES_URL);
  url.searchParams.set('schema', schema);
  const store = await openStore(url.toString());
  try {
    return await measure(store);
  } finally {
    await store.close();
    await dropSchema(schema);
  }
}

const sqlite = await onSqlite();
console.error(`sqlite: ${JSON.stringify(sqlite)}`);
const postgres = await onPostgres();
console.error(`postgres: ${JSON.stringify(postgres)}`);
const worse = (key: 'p50Ms' | 'p99Ms') => Math.max(sqlite[key], postgres?.[key] ?? 0);
console.log(JSON.stringify({ groups: GROUPS, p50Ms: worse('p50Ms'), p99Ms: worse('p99Ms'), sqlite, postgres }));

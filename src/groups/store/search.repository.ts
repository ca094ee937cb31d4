import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Group } from '../entities.js';
import type { SearchPosition } from '../search/cursor.js';
import { searchDocument, type SearchTerms, type SearchWord } from '../search/terms.js';
import { dialectOf } from './database.js';
import type { Executor } from './groups.repository.js';
import { toGroup } from './mapping.js';
import type { Dialect } from './migrations.js';
import type { Database, GroupRow } from './tables.js';

/** A group found, and where it stands in the results (its cursor). */
export interface SearchHit {
  group: Group;
  position: SearchPosition;
}

/**
 * Group search over the `group_search` table: one row per PUBLIC, active group, holding its
 * normalized text (`search/terms.ts`), kept in step by `reindex` in the transaction of every change
 * of name, visibility or dismissal.
 *
 * Both stores answer the same results because they run the same query: a trigram index only
 * finds candidates (SQLite: FTS5's `trigram` tokenizer; PostgreSQL: a `pg_trgm` GIN index under
 * `LIKE`), a superset of what can match; then one portable expression (`instr`/`strpos` over the
 * normalized text: integers, no floating point, no collation) decides what matches and its score,
 * and ties are broken by name length and group id. PostgreSQL's full text search (tsvector) was
 * not used: it matches whole stemmed words (a prefix only with `:*`, never inside a word, never a
 * typo), and its stemming has no SQLite twin; trigrams serve prefixes, infixes and typos on both.
 *
 * Per query word, the score is 8 when a word of the name starts with it, 4 when the name holds
 * it, 2 when the rest of the text does, 1 when it has a typo (words of 5 or more characters: two
 * thirds of its trigrams present); a group matches when every word scores, and ranks by the sum.
 */
export class GroupSearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect = dialectOf(db),
  ) {}

  /** Brings the group's search row in step with the group, inside the caller's transaction. */
  async reindex(executor: Executor, groupId: string): Promise<void> {
    await executor.deleteFrom('group_search').where('group_id', '=', groupId).execute();
    const group = await executor.selectFrom('groups').select(['name', 'visibility', 'dismissed_at']).where('group_id', '=', groupId).executeTakeFirst();
    if (!group || group.visibility !== 'PUBLIC' || group.dismissed_at !== null) return;
    const document = searchDocument(group);
    await executor.insertInto('group_search').values({ group_id: groupId, name_text: document.nameText, search_text: document.text }).execute();
  }

  /** One page of results (`limit` rows) after `after`, best first. */
  async search(terms: SearchTerms, limit: number, after: SearchPosition | null): Promise<SearchHit[]> {
    const scores = terms.words.map((word, i) => sql`${this.wordScore(word)} as ${sql.ref(`w${i}`)}`);
    const total = sql.join(terms.words.map((_, i) => sql.ref(`w${i}`)), sql` + `);
    const everyWord = sql.join(terms.words.map((_, i) => sql`${sql.ref(`w${i}`)} > 0`), sql` and `);
    const keyset = after
      ? sql`where score < ${after.score} or (score = ${after.score} and name_length > ${after.nameLength})
          or (score = ${after.score} and name_length = ${after.nameLength} and group_id > ${after.groupId})`
      : sql``;
    const query = sql<GroupRow & { score: number; name_length: number }>`
      select * from (
        select scored.*, ${total} as score from (
          select g.*, length(s.name_text) as name_length, ${sql.join(scores)}
          ${this.candidates(terms)}
        ) scored where ${everyWord}
      ) ranked ${keyset}
      order by score desc, name_length asc, group_id asc
      limit ${limit}`;
    const { rows } = await query.execute(this.db);
    return rows.map((row) => ({
      group: toGroup(row),
      position: { score: Number(row.score), nameLength: Number(row.name_length), groupId: row.group_id },
    }));
  }

  /**
   * The index's part: rows that hold, for each word of 3 or more characters, the word itself (a
   * shorter word) or any of its trigrams (a word long enough for a typo). Every row the score
   * keeps is among them. The terms hold only letters, digits and spaces (`searchableText`), so
   * nothing in them is FTS5 or LIKE syntax; they are bound as parameters all the same.
   */
  private candidates(terms: SearchTerms): RawBuilder<unknown> {
    const indexed = terms.words.filter((word) => [...word.word].length >= 3);
    const joins = sql`join groups g on g.group_id = s.group_id`;
    const visible = sql`g.visibility = 'PUBLIC' and g.dismissed_at is null`;
    if (this.dialect === 'sqlite') {
      const match = indexed.map((word) => `(${(word.trigrams.length ? word.trigrams : [word.word]).map((term) => `"${term}"`).join(' OR ')})`).join(' AND ');
      return sql`from group_search_fts join group_search s on s.search_id = group_search_fts.rowid ${joins}
        where group_search_fts match ${match} and ${visible}`;
    }
    const each = indexed.map((word) => sql`(${sql.join((word.trigrams.length ? word.trigrams : [word.word]).map((term) => sql`s.search_text like ${`%${term}%`}`), sql` or `)})`);
    return sql`from group_search s ${joins} where ${sql.join(each, sql` and `)} and ${visible}`;
  }

  /** The word's score in one row (0: no match): integers only, the same on both stores. */
  private wordScore({ word, trigrams, trigramsNeeded }: SearchWord): RawBuilder<number> {
    const contains = (column: RawBuilder<unknown>, needle: string) => sql`${sql.raw(this.dialect === 'postgres' ? 'strpos' : 'instr')}(${column}, ${needle}) > 0`;
    const name = sql`s.name_text`;
    const text = sql`s.search_text`;
    const typo = trigrams.length
      ? sql`when (${sql.join(trigrams.map((trigram) => sql`case when ${contains(text, trigram)} then 1 else 0 end`), sql` + `)}) >= ${sql.lit(trigramsNeeded)} then 1`
      : sql``;
    return sql<number>`case
      when ${contains(sql`' ' || ${name}`, ` ${word}`)} then 8
      when ${contains(name, word)} then 4
      when ${contains(text, word)} then 2
      ${typo}
      else 0 end`;
  }
}

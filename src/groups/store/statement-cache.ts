import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Statements kept prepared. The queries are Kysely's, so their texts come from a fixed set of
 * shapes, but an `in (?, ?, …)` list has one text per length: the least recently used is dropped.
 */
export const PREPARED_STATEMENTS = 256;

/**
 * The SQLite database as Kysely's SQLite driver sees it, with each statement's text prepared
 * once: the driver calls `prepare` for every query, and preparing costs about as much as running
 * a small read. A cached statement that is still busy (a result being iterated) is not shared:
 * a fresh one is prepared for that call instead.
 */
export function withPreparedStatements(database: SQLite.Database, capacity = PREPARED_STATEMENTS): SqliteDatabase {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const cached = prepared.get(sql);
      if (cached && !cached.busy) {
        // Most recently used goes last; the first in the map is the one to drop.
        prepared.delete(sql);
        prepared.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        prepared.set(sql, statement);
        if (prepared.size > capacity) prepared.delete(prepared.keys().next().value!);
      }
      return statement;
    },
    close() {
      prepared.clear();
      database.close();
    },
  };
}

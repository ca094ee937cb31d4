import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type LogEvent } from 'kysely';
import { migrationsFor, type Dialect } from './migrations.js';
import type { Database } from './tables.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQL statements run since the store opened: tests assert on batching with it. */
  statementCount(): number;
  close(): Promise<void>;
}

/** Opens the store named by `DATABASE_URL` and brings its schema up to date. */
export async function openStore(url: string): Promise<Store> {
  let statements = 0;
  const log = (event: LogEvent) => {
    if (event.level === 'query') statements++;
  };
  const db = new Kysely<Database>({ dialect: sqliteDialect(url), log });
  const store: Store = {
    db,
    dialect: 'sqlite',
    statementCount: () => statements,
    close: () => db.destroy(),
  };
  await migrate(store);
  return store;
}

function sqliteDialect(url: string): SqliteDialect {
  const path = url.replace(/^sqlite:/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: sqlite });
}

async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationsFor(store.dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

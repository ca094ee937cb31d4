import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { isUniqueViolation } from './errors.js';
import { migrationsFor, type Dialect } from './migrations.js';
import { withPreparedStatements } from './statement-cache.js';
import type { Database } from './tables.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** SQL statements run since the store opened: tests assert on batching with it. */
  statementCount(): number;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /**
   * An idle pooled PostgreSQL connection failed (the server restarted, say). The pool drops it
   * and the next query opens another; without a listener the error would end the process.
   */
  onPoolError?: (error: Error) => void;
}

/** Which dialect each store's Kysely instance speaks, for repositories that build it into SQL. */
const dialects = new WeakMap<Kysely<Database>, Dialect>();

/** The dialect of a Kysely instance opened by `openStore` (SQLite for any other). */
export function dialectOf(db: Kysely<Database>): Dialect {
  return dialects.get(db) ?? 'sqlite';
}

/** Opens the store named by `DATABASE_URL` (see `parseDatabaseUrl`) and brings its schema up to date. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(url);
  let statements = 0;
  const log = (event: LogEvent) => {
    if (event.level === 'query') statements++;
  };
  const dialect = target.dialect === 'postgres' ? postgresDialect(target, options) : sqliteDialect(target.path);
  const db = new Kysely<Database>({ dialect, log });
  dialects.set(db, target.dialect);
  const store: Store = {
    db,
    dialect: target.dialect,
    statementCount: () => statements,
    close: () => db.destroy(),
  };
  try {
    await migrate(store, target.dialect === 'postgres' ? await ensureSchema(db, target.schema) : undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return store;
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: withPreparedStatements(sqlite) });
}

/**
 * int8 (bigint, bigserial, count(*)) read back as JS numbers, for this pool only: they hold
 * epoch milliseconds and row ids, far below 2^53. pg's global parsers are left alone.
 */
const int8AsNumber: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function postgresDialect(target: Extract<DatabaseTarget, { dialect: 'postgres' }>, options: OpenStoreOptions): PostgresDialect {
  const pool = new pg.Pool({ connectionString: target.connectionString, max: target.poolSize, types: int8AsNumber });
  pool.on('error', (error) => options.onPoolError?.(error));
  const { schema } = target;
  return new PostgresDialect({
    pool,
    // Every connection resolves unqualified names in the gateway's schema, and only there.
    // The name was checked to be a plain identifier, so quoting it is enough.
    ...(schema !== null ? { onCreateConnection: (connection) => connection.executeQuery(CompiledQuery.raw(`SET search_path TO "${schema}"`)).then(() => undefined) } : {}),
  });
}

/** Creates `schema` if missing (several instances may start at once); answers the schema the tables live in. */
async function ensureSchema(db: Kysely<Database>, schema: string | null): Promise<string> {
  if (schema !== null) {
    try {
      await db.schema.createSchema(schema).ifNotExists().execute();
    } catch (error) {
      // `IF NOT EXISTS` still fails when another instance creates it at the same moment.
      if (!isUniqueViolation(error) && (error as { code?: unknown }).code !== '42P06') throw error;
    }
    return schema;
  }
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const current = rows[0]?.schema;
  if (!current) throw new Error('PostgreSQL has no schema to create the tables in: none on the search_path exists (add ?schema=<name> to DATABASE_URL)');
  return current;
}

/**
 * `migrationTableSchema`: on PostgreSQL, Kysely's own bookkeeping tables are looked up in that
 * schema; without it, another schema's `kysely_migration` in the same database would count.
 */
async function migrate(store: Store, migrationTableSchema: string | undefined): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationsFor(store.dialect),
    ...(migrationTableSchema !== undefined ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

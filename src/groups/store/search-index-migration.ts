import { sql, type Kysely } from 'kysely';

// The search index of migration `0010_2_group_search` (`migrations.ts`), one per store.

/**
 * SQLite: an FTS5 table over `group_search.search_text` (external content: the text is stored
 * once), with the `trigram` tokenizer, so any run of 3 characters is looked up in the index:
 * prefixes, infixes and the trigrams of a misspelt word alike. Triggers keep it in step with
 * `group_search`, in the writing statement's transaction.
 */
export async function sqliteTrigramIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table group_search_fts using fts5(search_text, content='group_search', content_rowid='search_id', tokenize='trigram')`.execute(db);
  await sql`create trigger group_search_fts_insert after insert on group_search begin
    insert into group_search_fts(rowid, search_text) values (new.search_id, new.search_text); end`.execute(db);
  await sql`create trigger group_search_fts_delete after delete on group_search begin
    insert into group_search_fts(group_search_fts, rowid, search_text) values ('delete', old.search_id, old.search_text); end`.execute(db);
  await sql`create trigger group_search_fts_update after update on group_search begin
    insert into group_search_fts(group_search_fts, rowid, search_text) values ('delete', old.search_id, old.search_text);
    insert into group_search_fts(rowid, search_text) values (new.search_id, new.search_text); end`.execute(db);
}

/**
 * PostgreSQL: a GIN index with pg_trgm's operator class, which serves `LIKE '%…%'` from the
 * trigrams. pg_trgm is an extension, installed once per database: where it already is, that
 * install is used; else it is created in a schema of its own, `extensions` (never the gateway's
 * schema: dropping that schema would take the extension, and every other schema's index on it,
 * along). pg_trgm is a trusted extension (PostgreSQL 13+), so a user with CREATE on the database
 * installs it; otherwise a superuser runs `CREATE EXTENSION pg_trgm` once, before the gateway
 * starts. The advisory lock makes concurrent migrations of several schemas install it once.
 */
export async function postgresTrigramIndex(db: Kysely<unknown>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('group-gateway: create extension pg_trgm'))`.execute(db);
  const installed = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  let schema = installed.rows[0]?.schema;
  if (!schema) {
    schema = 'extensions';
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
      await sql`create extension pg_trgm with schema ${sql.id(schema)}`.execute(db);
    } catch (error) {
      throw new Error(
        `group search needs the pg_trgm extension, which this user could not install (${error instanceof Error ? error.message : String(error)}): ` +
          'install PostgreSQL contrib and run CREATE EXTENSION pg_trgm as a superuser, or grant CREATE on the database',
      );
    }
  }
  await sql`create index group_search_trigrams on group_search using gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(db);
}

/** Where the store lives, as `DATABASE_URL` names it. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; /** A file path, or `:memory:`. */ path: string }
  | {
      dialect: 'postgres';
      /** What pg is given: the URL without the gateway's own parameters. */
      connectionString: string;
      /** `?schema=`: created if missing and used for everything (search_path); null: the server's default. */
      schema: string | null;
      /** `?pool=`: connections per gateway instance. */
      poolSize: number;
    };

export const DEFAULT_POOL_SIZE = 10;
const MAX_POOL_SIZE = 1000;
/** Plain identifiers only, so a schema name never needs escaping (PostgreSQL keeps 63 bytes of a name). */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export class DatabaseUrlError extends Error {}

/**
 * `postgres://…` or `postgresql://…` (with optional `?schema=` and `?pool=`) is PostgreSQL;
 * a file path, `sqlite:<path>` (the prefix is dropped) or `:memory:` is SQLite. Anything else
 * that starts like a URL (`scheme://…`, or `scheme:` other than `sqlite:`, so `file:` too) is
 * refused: a mistyped PostgreSQL URL must stop start-up, not run on a local file of that name.
 * Errors never repeat the URL: it may hold a password (a `scheme://` is named, being only letters).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (!/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'sqlite', path: sqlitePath(url) };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError('not a valid postgres:// URL');
  }
  const schema = parsed.searchParams.get('schema');
  const pool = parsed.searchParams.get('pool');
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('pool');
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlError('?schema= must be a plain identifier (letters, digits, underscores; at most 63; not starting with a digit)');
  }
  const poolSize = pool === null ? DEFAULT_POOL_SIZE : Number(pool);
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > MAX_POOL_SIZE || (pool !== null && !/^\d+$/.test(pool))) {
    throw new DatabaseUrlError(`?pool= must be a whole number of connections from 1 to ${MAX_POOL_SIZE}`);
  }
  return { dialect: 'postgres', connectionString: parsed.toString(), schema, poolSize };
}

/** The SQLite file `url` names; a URL of another kind is refused. */
function sqlitePath(url: string): string {
  const withScheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (withScheme) {
    throw new DatabaseUrlError(
      `${withScheme[1]}:// is not supported: use postgres:// or postgresql:// for PostgreSQL, or a file path (optionally sqlite:<path>) or :memory: for SQLite`,
    );
  }
  const path = url.replace(/^sqlite:/i, '');
  // Two letters at least: a one-letter prefix is a Windows drive (C:\data\gw.sqlite).
  if (/^[A-Za-z][A-Za-z0-9+.-]+:/.test(path) || path.startsWith('//')) {
    throw new DatabaseUrlError('looks like a URL but is neither postgres:// nor postgresql://: use one of those, or a file path (optionally sqlite:<path>) or :memory: for SQLite');
  }
  return path;
}

/** `DATABASE_URL` fit for a log line: a PostgreSQL URL without its password (nor query); a SQLite path as it is. */
export function redactedDatabaseUrl(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') return target.path === ':memory:' ? 'SQLite in memory' : `SQLite at ${target.path}`;
  const parsed = new URL(target.connectionString);
  parsed.password = '';
  parsed.search = '';
  return `PostgreSQL at ${parsed.toString()}${target.schema ? ` (schema ${target.schema})` : ''}`;
}

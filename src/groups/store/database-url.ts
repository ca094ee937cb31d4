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
 * anything else is a SQLite file (an optional `sqlite:` prefix is dropped) or `:memory:`.
 * Errors never repeat the URL: it may hold a password.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (!/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'sqlite', path: url.replace(/^sqlite:/, '') };
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

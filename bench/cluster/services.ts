/**
 * The services a multi-process scenario needs besides its own processes: PostgreSQL (shared by the
 * cluster scenario and the soak) and redis-server. Whether they are there, and one connection at a time.
 */
import pg from 'pg';
import { redisServerInstalled } from '../../test/kit/redis-server.js';

/** The PostgreSQL the scenarios use; override with TEST_POSTGRES_URL. */
export const CLUSTER_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Availability = { ok: true } | { ok: false; reason: string };

/** PostgreSQL answers a query within 2 s. */
export async function probePostgres(url = CLUSTER_POSTGRES_URL): Promise<Availability> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `PostgreSQL unreachable at ${hostOf(url)} (${error instanceof Error ? error.message || error.name : String(error)})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** redis-server can be started here. */
export function probeRedisServer(): Availability {
  return redisServerInstalled() ? { ok: true } : { ok: false, reason: 'redis-server not found' };
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host || 'localhost'}${parsed.pathname}`;
}

/** One connection for `body`, closed whatever happens. */
export async function withPg<T>(url: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withPg(CLUSTER_POSTGRES_URL, (client) => client.query(`drop schema if exists "${schema}" cascade`));
}

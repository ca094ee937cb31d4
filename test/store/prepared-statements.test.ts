import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withPreparedStatements } from '../../src/groups/store/statement-cache.js';

interface Tables {
  items: { id: number; name: string };
}

const opened: SQLite.Database[] = [];

function database(): SQLite.Database {
  const sqlite = new SQLite(':memory:');
  opened.push(sqlite);
  sqlite.exec('create table items (id integer primary key, name text not null)');
  sqlite.exec("insert into items (id, name) values (1, 'one'), (2, 'two'), (3, 'three')");
  return sqlite;
}

afterEach(() => {
  for (const sqlite of opened.splice(0)) if (sqlite.open) sqlite.close();
});

describe('SQLite statements prepared once', () => {
  it('hands back the same prepared statement for the same text', () => {
    const cache = withPreparedStatements(database());
    const first = cache.prepare('select name from items where id = ?');
    expect(cache.prepare('select name from items where id = ?')).toBe(first);
    expect(cache.prepare('select name from items where id = ?').all([2])).toEqual([{ name: 'two' }]);
  });

  it('keeps at most `capacity` statements, dropping the least recently used', () => {
    const cache = withPreparedStatements(database(), 2);
    const a = cache.prepare('select 1 as a');
    const b = cache.prepare('select 2 as b');
    expect(cache.prepare('select 1 as a')).toBe(a); // `a` is now the most recent
    cache.prepare('select 3 as c'); // drops `b`
    expect(cache.prepare('select 1 as a')).toBe(a);
    const bAgain = cache.prepare('select 2 as b');
    expect(bAgain).not.toBe(b);
    expect(bAgain.all([])).toEqual([{ b: 2 }]);
  });

  it('prepares a fresh statement while the cached one is still being iterated', () => {
    const cache = withPreparedStatements(database());
    const sql = 'select id from items order by id';
    const seen: unknown[] = [];
    for (const row of cache.prepare(sql).iterate([])) {
      seen.push(row, cache.prepare(sql).all([]).length);
    }
    expect(seen).toEqual([{ id: 1 }, 3, { id: 2 }, 3, { id: 3 }, 3]);
  });

  it('answers through Kysely, streams and schema changes included', async () => {
    const sqlite = database();
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
    const byId = (id: number) => db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
    expect(await byId(1)).toEqual({ id: 1, name: 'one' });

    // Kysely holds its one SQLite connection for a stream, so nothing else runs meanwhile; the
    // statement left behind is reused once the stream is done.
    const names = () => db.selectFrom('items').select('name').orderBy('id');
    const streamed: string[] = [];
    for await (const row of names().stream()) streamed.push(row.name);
    expect(streamed).toEqual(['one', 'two', 'three']);
    expect(await names().execute()).toEqual([{ name: 'one' }, { name: 'two' }, { name: 'three' }]);

    // A statement prepared before a migration still reads the table as it now is.
    sqlite.exec("alter table items add column colour text not null default 'red'");
    expect(await byId(1)).toEqual({ id: 1, name: 'one', colour: 'red' });

    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});

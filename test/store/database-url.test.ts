import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DatabaseUrlError, DEFAULT_POOL_SIZE, parseDatabaseUrl, redactedDatabaseUrl } from '../../src/groups/store/database-url.js';

describe('DATABASE_URL', () => {
  it('names SQLite by a path or :memory:, an optional sqlite: prefix dropped', () => {
    expect(parseDatabaseUrl('./data/gateway.sqlite')).toEqual({ dialect: 'sqlite', path: './data/gateway.sqlite' });
    expect(parseDatabaseUrl('sqlite:/var/lib/gw.sqlite')).toEqual({ dialect: 'sqlite', path: '/var/lib/gw.sqlite' });
    expect(parseDatabaseUrl(':memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
  });

  it('names PostgreSQL by postgres:// or postgresql://, handing pg the URL without the gateway-only parameters', () => {
    expect(parseDatabaseUrl('postgres://gw:p%40ss@db.internal:5433/chat?schema=gateway&pool=4&sslmode=require')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgres://gw:p%40ss@db.internal:5433/chat?sslmode=require',
      schema: 'gateway',
      poolSize: 4,
    });
    expect(parseDatabaseUrl('postgresql://127.0.0.1/test')).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://127.0.0.1/test',
      schema: null,
      poolSize: DEFAULT_POOL_SIZE,
    });
  });

  it('refuses a bad ?pool= or ?schema= at start-up, naming the variable and never echoing the URL', () => {
    for (const [url, problem] of [
      ['postgres://gw:hunter2-secret@h/db?pool=0', '?pool='],
      ['postgres://gw:hunter2-secret@h/db?pool=2.5', '?pool='],
      ['postgres://gw:hunter2-secret@h/db?pool=ten', '?pool='],
      ['postgres://gw:hunter2-secret@h/db?schema=a%22b', '?schema='],
      ['postgres://gw:hunter2-secret@h/db?schema=9lives', '?schema='],
    ] as const) {
      expect(() => loadConfig({ DATABASE_URL: url }), url).toThrow(`DATABASE_URL: ${problem}`);
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (error) {
        expect(String(error)).not.toContain('hunter2');
      }
    }
  });

  it('refuses any other URL at start-up, naming the variable and never echoing the password', () => {
    for (const url of [
      'postgresql+psycopg2://gw:hunter2secret@db.internal/chat',
      'postgis://gw:hunter2secret@db.internal/chat',
      'mysql://gw:hunter2secret@db.internal/chat',
      'file:///var/lib/gw.sqlite',
      'file:gw.sqlite',
      'sqlite:///var/lib/gw.sqlite',
      'gw:hunter2secret@db.internal/chat',
    ]) {
      expect(() => parseDatabaseUrl(url), url).toThrow(DatabaseUrlError);
      expect(() => loadConfig({ DATABASE_URL: url }), url).toThrow(/\bDATABASE_URL: /);
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (error) {
        expect(String(error)).not.toContain('hunter2secret');
      }
    }
    // The scheme is named, for the operator to see the typo.
    expect(() => parseDatabaseUrl('postgresql+psycopg2://gw:hunter2secret@db.internal/chat')).toThrow('postgresql+psycopg2:// is not supported');
  });

  it('keeps a Windows drive path for SQLite', () => {
    expect(parseDatabaseUrl('C:\\data\\gw.sqlite')).toEqual({ dialect: 'sqlite', path: 'C:\\data\\gw.sqlite' });
  });

  it('names the database for a log line without its password or query', () => {
    expect(redactedDatabaseUrl('postgres://gw:hunter2secret@db.internal:5433/chat?schema=gateway&pool=4&sslmode=require')).toBe(
      'PostgreSQL at postgres://gw@db.internal:5433/chat (schema gateway)',
    );
    expect(redactedDatabaseUrl('postgresql://db.internal/chat')).toBe('PostgreSQL at postgresql://db.internal/chat');
    expect(redactedDatabaseUrl('sqlite:./data/gw.sqlite')).toBe('SQLite at ./data/gw.sqlite');
    expect(redactedDatabaseUrl(':memory:')).toBe('SQLite in memory');
  });
});

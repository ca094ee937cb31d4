import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/groups/store/database.js';
import { migrationsFor } from '../../src/groups/store/migrations.js';
import { describeEachStore, postgresStoreTarget, type FreshDatabase } from '../fixtures/stores.js';

/** Every migration, by name, the store records as applied. */
async function applied(store: Store, database: FreshDatabase): Promise<string[]> {
  const table = database.schema ? sql.table(`${database.schema}.kysely_migration`) : sql.table('kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table} order by name`.execute(store.db);
  return rows.map((row) => row.name);
}

/** Opens `database`, runs `work`, closes it, whatever happens. */
async function withStore<T>(database: FreshDatabase, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(database.url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

const MIGRATIONS = ['0001_groups_members_outbox', '0002_dismissed_groups', '0003_idempotency_keys', '0004_outbox_leading_notices', '0005_outbox_notice_state', '0006_group_events'];

describeEachStore('migrations', (target) => {
  it('bring a new database up to date at start-up, and running them again (a restart) changes nothing', async () => {
    const database = await target.fresh({ reopenable: true });
    try {
      await withStore(database, async (store) => {
        expect(await applied(store, database)).toEqual(MIGRATIONS);
        await store.db
          .insertInto('groups')
          .values({ group_id: 'kept', name: 'Kept', avatar_url: null, owner_id: 'ann', member_count: 1, sync_status: 'SYNCED', sync_error: null, created_at: 1, dismissed_at: null })
          .execute();
      });
      await withStore(database, async (store) => {
        expect(await applied(store, database)).toEqual(MIGRATIONS);
        expect(await store.db.selectFrom('groups').select('group_id').execute()).toEqual([{ group_id: 'kept' }]);
        const migrator = new Migrator({
          db: store.db,
          provider: migrationsFor(store.dialect),
          ...(database.schema ? { migrationTableSchema: database.schema } : {}),
        });
        const again = await migrator.migrateToLatest();
        expect(again.error).toBeUndefined();
        expect(again.results).toEqual([]);
      });
    } finally {
      await database.drop();
    }
  });

  it('give the bound notices of rows pending before 0005 a state: unsent if never tried, else interrupted; other rows none', async () => {
    const database = await target.fresh();
    try {
      await withStore(database, async (store) => {
        const migrator = new Migrator({ db: store.db, provider: migrationsFor(store.dialect), ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
        expect((await migrator.migrateTo('0004_outbox_leading_notices')).error).toBeUndefined();
        const notice = { fromUserId: '__system__', objectName: 'RC:GrpNtf', content: { operation: 'Add' } };
        const rows = [
          { kind: 'joinGroup', payload: { kind: 'joinGroup', groupId: 'g', userIds: ['u'], notice }, status: 'PENDING', attempts: 0 },
          { kind: 'createGroup', payload: { kind: 'createGroup', groupId: 'g', groupName: 'G', userIds: ['u'], notice }, status: 'PENDING', attempts: 2 },
          { kind: 'joinGroup', payload: { kind: 'joinGroup', groupId: 'g', userIds: ['u'], notice }, status: 'DONE', attempts: 1 },
          { kind: 'quitGroup', payload: { kind: 'quitGroup', groupId: 'g', userIds: ['"notice":{'] }, status: 'PENDING', attempts: 0 },
          { kind: 'publishNotification', payload: { kind: 'publishNotification', groupId: 'g', ...notice }, status: 'PENDING', attempts: 0 },
        ];
        for (const row of rows) {
          await sql`insert into outbox (group_id, kind, payload, status, progress, attempts, next_attempt_at, created_at)
            values ('g', ${row.kind}, ${JSON.stringify(row.payload)}, ${row.status}, 0, ${row.attempts}, 1, 1)`.execute(store.db);
        }
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const states = await store.db.selectFrom('outbox').select('notice_state').orderBy('id').execute();
        expect(states.map((row) => row.notice_state)).toEqual(['unsent', 'interrupted', null, null, null]);
      });
    } finally {
      await database.drop();
    }
  });

  it('give every column a type that holds what the gateway writes, read back as written', async () => {
    const database = await target.fresh();
    try {
      await withStore(database, async (store) => {
        // Epoch ms past 2^32 and the largest a Date holds; ids and roles as text; counts as integers.
        const farFuture = 8_640_000_000_000_000;
        const group = {
          group_id: 'g-Ünïcode_1',
          name: 'Ünïcode 名前 🎉',
          avatar_url: 'https://example.test/a.png',
          owner_id: 'ann',
          member_count: 3000,
          sync_status: 'FAILED' as const,
          sync_error: 'refused',
          created_at: 1_700_000_000_123,
          dismissed_at: farFuture,
        };
        await store.db.insertInto('groups').values(group).execute();
        expect(await store.db.selectFrom('groups').selectAll().executeTakeFirst()).toEqual(group);

        const member = { group_id: group.group_id, user_id: 'ann', role: 'OWNER' as const, joined_at: farFuture };
        await store.db.insertInto('group_members').values(member).execute();
        expect(await store.db.selectFrom('group_members').selectAll().executeTakeFirst()).toEqual(member);

        const outbox = await store.db
          .insertInto('outbox')
          .values({
            group_id: group.group_id,
            kind: 'createGroup',
            payload: '{"a":1}',
            status: 'PENDING',
            progress: 2,
            attempts: 7,
            next_attempt_at: farFuture,
            locked_until: farFuture,
            last_error: 'x',
            last_im_code: 20_004,
            created_at: 1_700_000_000_123,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        expect(typeof outbox.id).toBe('number');
        expect(outbox).toMatchObject({ progress: 2, attempts: 7, next_attempt_at: farFuture, locked_until: farFuture, last_im_code: 20_004 });

        const { n } = await store.db.selectFrom('group_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(n).toBe(1);
      });
    } finally {
      await database.drop();
    }
  });
});

const postgres = postgresStoreTarget();

describe.skipIf(postgres.skip)('the PostgreSQL store', () => {
  it('reads int8 (bigint, bigserial, count) as numbers on its own pool, leaving pg’s global parsers alone', async () => {
    const database = await postgres.fresh();
    try {
      await withStore(database, async (store) => {
        const { rows } = await sql<{ big: unknown; counted: unknown }>`select 1700000000123::int8 as big, count(*) as counted from groups`.execute(store.db);
        expect(rows).toEqual([{ big: 1_700_000_000_123, counted: 0 }]);
      });
      expect(pg.types.getTypeParser(pg.types.builtins.INT8, 'text')('42')).toBe('42');
    } finally {
      await database.drop();
    }
  });

  it('creates the ?schema= it is given and keeps every table there, apart from another schema of the same database', async () => {
    const first = await postgres.fresh();
    const second = await postgres.fresh();
    try {
      // Two stores side by side, each with its own tables and its own migration records.
      await withStore(first, async (one) => {
        await withStore(second, async (two) => {
          for (const [store, database] of [
            [one, first],
            [two, second],
          ] as const) {
            const { rows } = await sql<{ table_name: string }>`
              select table_name from information_schema.tables where table_schema = ${database.schema} order by table_name`.execute(store.db);
            expect(rows.map((row) => row.table_name)).toEqual(['event_log', 'group_event_users', 'group_events', 'group_members', 'groups', 'idempotency_keys', 'kysely_migration', 'kysely_migration_lock', 'outbox']);
            expect(await applied(store, database)).toEqual(MIGRATIONS);
          }
          await one.db
            .insertInto('groups')
            .values({ group_id: 'only-in-one', name: 'x', avatar_url: null, owner_id: 'ann', member_count: 1, sync_status: 'SYNCED', sync_error: null, created_at: 1, dismissed_at: null })
            .execute();
          expect(await two.db.selectFrom('groups').selectAll().execute()).toEqual([]);
        });
      });
    } finally {
      await first.drop();
      await second.drop();
    }
  });

  it('opens at most ?pool= connections', async () => {
    const database = await postgres.fresh({ pool: 2 });
    try {
      await withStore(database, async (store) => {
        const pids = await Promise.all(
          Array.from({ length: 6 }, async () => {
            const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(store.db);
            return rows[0]!.pid;
          }),
        );
        expect(new Set(pids).size).toBe(2);
      });
    } finally {
      await database.drop();
    }
  });
});

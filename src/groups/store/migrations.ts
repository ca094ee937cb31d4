import { sql, type Kysely } from 'kysely';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { postgresTrigramIndex, sqliteTrigramIndex } from './search-index-migration.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * Migrations are plain code, kept in order here. The dialect picks the auto-increment column and
 * the collation of the ids that keyset pages order by: byte order ("C") on PostgreSQL, as SQLite's
 * default, so pages and cursors come out the same on both, whatever the database's locale.
 * Every other type (text, integer, bigint) means the same on both.
 */
export function migrationsFor(dialect: Dialect): MigrationProvider {
  const id = dialect === 'postgres' ? sql`text collate "C"` : 'text';
  const migrations: Record<string, Migration> = {
    '0001_groups_members_outbox': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('groups')
          .addColumn('group_id', id, (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('avatar_url', 'text')
          .addColumn('owner_id', 'text', (c) => c.notNull())
          .addColumn('member_count', 'integer', (c) => c.notNull())
          .addColumn('sync_status', 'text', (c) => c.notNull())
          .addColumn('sync_error', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('group_members')
          .addColumn('group_id', id, (c) => c.notNull().references('groups.group_id').onDelete('cascade'))
          .addColumn('user_id', id, (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('joined_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'user_id'])
          .execute();
        // Keyset pages of a group's members, and a user's groups newest first.
        await db.schema.createIndex('group_members_by_join').on('group_members').columns(['group_id', 'joined_at', 'user_id']).execute();
        await db.schema.createIndex('group_members_by_user').on('group_members').columns(['user_id', 'joined_at']).execute();

        await db.schema
          .createTable('outbox')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('group_id', id, (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
          .addColumn('locked_until', 'bigint')
          .addColumn('last_error', 'text')
          .addColumn('last_im_code', 'integer')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
        await db.schema.createIndex('outbox_by_group').on('outbox').columns(['group_id', 'id']).execute();
      },
    },
    '0002_dismissed_groups': {
      // Dismissal is a mark, not a delete: the IM Service may still refuse it (and then nothing
      // is lost), and a dismissed id must never be reused, since the IM Service keeps its history.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('groups').addColumn('dismissed_at', 'bigint').execute();
      },
    },
    '0003_idempotency_keys': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('idempotency_keys')
          .addColumn('caller_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('operation', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['caller_id', 'key'])
          .execute();
        await db.schema.createIndex('idempotency_keys_by_age').on('idempotency_keys').column('created_at').execute();
      },
    },
    '0004_outbox_leading_notices': {
      // A group's later group calls wait for a notice only when it must go first (Kicked, Dismiss).
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('outbox').addColumn('leads', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      },
    },
    '0005_outbox_notice_state': {
      // A bound notice's state (tables.ts `NoticeState`): offered at most once, given back after a
      // failure that certainly did nothing. Pending rows written before it: unsent if never tried,
      // else interrupted (the dispatcher sends it again only if no attempt reached the last call,
      // else records it given up: at worst a loss recorded twice, never one unrecorded).
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('outbox').addColumn('notice_state', 'text').execute();
        await sql`update outbox set notice_state = case when attempts = 0 then 'unsent' else 'interrupted' end
          where status = 'PENDING' and kind in ('createGroup', 'joinGroup', 'quitGroup', 'refreshGroup') and payload like '%"notice":{%'`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('outbox').dropColumn('notice_state').execute();
      },
    },
    '0006_group_events': {
      // The durable event log (src/groups/events/event-log.ts). An event is written with its change,
      // unreleased (`sequence` null, unseen) and `ready` once its change stands; the releaser then
      // gives it the next value of the one counter row (`event_log`), which each release batch's
      // short transaction locks first and until it commits: so sequences are in commit order on
      // PostgreSQL too (a serial column is not).
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('group_events')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('group_id', id, (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('occurred_at', 'bigint', (c) => c.notNull())
          .addColumn('user_ids', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('gate_outbox_id', 'bigint')
          .addColumn('ready', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('sequence', 'bigint', (c) => c.unique())
          .execute();
        // A group's events by sequence (history, and its unreleased ones: sequence null), and the gate a completion opens.
        await db.schema.createIndex('group_events_by_group').on('group_events').columns(['group_id', 'sequence']).execute();
        await db.schema.createIndex('group_events_by_gate').on('group_events').column('gate_outbox_id').execute();
        await db.schema
          .createTable('group_event_users')
          .addColumn('user_id', id, (c) => c.notNull())
          .addColumn('event_id', 'bigint', (c) => c.notNull().references('group_events.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('group_event_users_pk', ['user_id', 'event_id'])
          .execute();
        await db.schema.createIndex('group_event_users_by_event').on('group_event_users').column('event_id').execute();
        await db.schema
          .createTable('event_log')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('last_sequence', 'bigint', (c) => c.notNull())
          .addColumn('pruned_through', 'bigint', (c) => c.notNull())
          .execute();
        await sql`insert into event_log (id, last_sequence, pruned_through) values (1, 0, 0)`.execute(db);
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('event_log').execute();
        await db.schema.dropTable('group_event_users').execute();
        await db.schema.dropTable('group_events').execute();
      },
    },
    '0007_group_profiles': {
      // Issue 17's profile half: a group's description, announcement (with who set it and when) and
      // app-defined attributes (a JSON object of at most 10 strings, read and written whole), and a
      // member's nickname in the group. All nullable: existing rows read as "none set".
      async up(db: Kysely<unknown>) {
        for (const column of ['description', 'announcement', 'announcement_set_by', 'attributes']) {
          await db.schema.alterTable('groups').addColumn(column, 'text').execute();
        }
        await db.schema.alterTable('groups').addColumn('announcement_set_at', 'bigint').execute();
        await db.schema.alterTable('group_members').addColumn('nickname', 'text').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('group_members').dropColumn('nickname').execute();
        for (const column of ['announcement_set_at', 'attributes', 'announcement_set_by', 'announcement', 'description']) {
          await db.schema.alterTable('groups').dropColumn(column).execute();
        }
      },
    },
    '0008_moderation': {
      // Who may speak: a member's gag ends at `muted_until` (null: not muted), a group muted whole
      // has `muted` 1. Both default to "speaks", which every row written before was.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('group_members').addColumn('muted_until', 'bigint').execute();
        await db.schema.alterTable('groups').addColumn('muted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('group_members').dropColumn('muted_until').execute();
        await db.schema.alterTable('groups').dropColumn('muted').execute();
      },
    },
    '0009_joining': {
      // Joining on the group's terms: its rules on the group's row, and the three ways to ask or be
      // asked (requests, invitations, links). Pending rows only: an answered request or invitation
      // is deleted, the membership (or nothing) is what remains.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('groups').addColumn('join_policy', 'text', (c) => c.notNull().defaultTo('INVITE_ONLY')).execute();
        await db.schema.alterTable('groups').addColumn('members_can_invite', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema
          .createTable('join_requests')
          .addColumn('group_id', id, (c) => c.notNull())
          .addColumn('user_id', id, (c) => c.notNull())
          .addColumn('message', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('join_requests_pk', ['group_id', 'user_id'])
          .execute();
        await db.schema.createIndex('join_requests_by_group').on('join_requests').columns(['group_id', 'created_at', 'user_id']).execute();
        await db.schema.createIndex('join_requests_by_user').on('join_requests').columns(['user_id', 'created_at']).execute();
        await db.schema
          .createTable('group_invitations')
          .addColumn('group_id', id, (c) => c.notNull())
          .addColumn('user_id', id, (c) => c.notNull())
          .addColumn('inviter_id', 'text', (c) => c.notNull())
          .addColumn('message', 'text')
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('group_invitations_pk', ['group_id', 'user_id'])
          .execute();
        await db.schema.createIndex('group_invitations_by_user').on('group_invitations').columns(['user_id', 'created_at']).execute();
        await db.schema
          .createTable('group_invite_links')
          .addColumn('link_id', id, (c) => c.primaryKey())
          .addColumn('group_id', id, (c) => c.notNull())
          // SHA-256 of the code, hex: the code itself is shown once, to its creator, and never stored.
          .addColumn('code_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'bigint', (c) => c.notNull())
          .addColumn('expires_at', 'bigint', (c) => c.notNull())
          .addColumn('max_uses', 'integer')
          .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('revoked_at', 'bigint')
          .execute();
        await db.schema.createIndex('group_invite_links_by_group').on('group_invite_links').columns(['group_id', 'created_at', 'link_id']).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('group_invite_links').execute();
        await db.schema.dropTable('group_invitations').execute();
        await db.schema.dropTable('join_requests').execute();
        await db.schema.alterTable('groups').dropColumn('members_can_invite').execute();
        await db.schema.alterTable('groups').dropColumn('join_policy').execute();
      },
    },
    '0010_1_group_visibility': {
      // Every group existing before it stays as it was seen by members; only reads by outsiders change.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('groups').addColumn('visibility', 'text', (c) => c.notNull().defaultTo('PRIVATE')).execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.alterTable('groups').dropColumn('visibility').execute();
      },
    },
    '0010_2_group_search': {
      // Every group is PRIVATE when this runs (0010_1): the index starts empty.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('group_search')
          .addColumn('search_id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('group_id', id, (c) => c.notNull().unique().references('groups.group_id').onDelete('cascade'))
          .addColumn('name_text', 'text', (c) => c.notNull())
          .addColumn('search_text', 'text', (c) => c.notNull())
          .execute();
        await (dialect === 'postgres' ? postgresTrigramIndex(db) : sqliteTrigramIndex(db));
      },
      async down(db: Kysely<unknown>) {
        if (dialect === 'sqlite') await sql`drop table if exists group_search_fts`.execute(db);
        await db.schema.dropTable('group_search').execute();
      },
    },
  };
  return { getMigrations: async () => migrations };
}

import { sql, type Kysely, type Transaction } from 'kysely';
import type { EventDraft, GroupEvent } from '../events/event.js';
import { toGroupEvent } from './mapping.js';
import type { Database, GroupEventRow } from './tables.js';

type Executor = Kysely<Database> | Transaction<Database>;
type Released = GroupEventRow & { sequence: number };

/** What the runner knows of a change's events when it writes them. */
export interface EventWrite {
  groupId: string;
  actorId: string;
  occurredAt: number;
  /** The change's last outbox group call: its completion makes the events ready. Null: ready at commit. */
  gateOutboxId: number | null;
}

/**
 * The event log's rows. Released events have a `sequence` (`event_log.last_sequence` plus one,
 * taken by the releaser's short transaction, which locks the counter row first and until it
 * commits); the others are unseen: not ready (their change does not stand yet) or ready, waiting
 * for the releaser. Plain Kysely, the same on SQLite and PostgreSQL.
 */
export class EventsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Writes the change's events unreleased (ready when no group call gates them) and who hears of each: their ids. */
  async insert(trx: Transaction<Database>, write: EventWrite, drafts: readonly EventDraft[]): Promise<number[]> {
    if (drafts.length === 0) return [];
    const rows = await trx
      .insertInto('group_events')
      .values(
        drafts.map((draft) => ({
          group_id: write.groupId,
          kind: draft.kind,
          actor_id: write.actorId,
          occurred_at: write.occurredAt,
          user_ids: JSON.stringify(draft.userIds),
          data: JSON.stringify(draft.data),
          gate_outbox_id: write.gateOutboxId,
          ready: write.gateOutboxId === null ? 1 : 0,
          sequence: null,
        })),
      )
      .returning('id')
      .execute();
    const ids = rows.map((row) => Number(row.id));
    const named = drafts.flatMap((draft, index) => [...new Set(draft.userIds)].map((userId) => ({ user_id: userId, event_id: ids[index]! })));
    if (named.length > 0) await trx.insertInto('group_event_users').values(named).onConflict((c) => c.doNothing()).execute();
    for (const [index, draft] of drafts.entries()) {
      if (!draft.toMembers) continue;
      // Every member as the change leaves them, in one statement whatever the group's size.
      await trx
        .insertInto('group_event_users')
        .columns(['user_id', 'event_id'])
        .expression((eb) => eb.selectFrom('group_members').select(['user_id', eb.val(ids[index]!).as('event_id')]).where('group_id', '=', write.groupId))
        .onConflict((c) => c.doNothing())
        .execute();
    }
    return ids;
  }

  /** Marks ready the events a settled outbox row (completed, given up, or refused in the background) gated: the releaser gives them their cursor. */
  async markReady(trx: Transaction<Database>, gateOutboxId: number): Promise<void> {
    await trx.updateTable('group_events').set({ ready: 1 }).where('gate_outbox_id', '=', gateOutboxId).where('sequence', 'is', null).execute();
  }

  /** Whether any event is ready and unreleased: the releaser's cheap check before it takes the counter. */
  async anyReady(): Promise<boolean> {
    const row = await this.db.selectFrom('group_events').select('id').where('sequence', 'is', null).where('ready', '=', 1).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Releases up to `batch` ready events in one short transaction: the counter row locked FIRST (so
   * under READ COMMITTED the reads below see every release committed before), then each group's
   * ready events in write (change) order up to its first that must still wait, each given the next
   * sequence. The events actually released (a row an undo deleted meanwhile is skipped, leaving a
   * gap); they are visible once this returns (committed).
   */
  async releaseReady(batch: number): Promise<GroupEvent[]> {
    return this.db.transaction().execute(async (trx) => {
      const counter = await trx
        .updateTable('event_log')
        .set((eb) => ({ last_sequence: eb.ref('last_sequence') }))
        .where('id', '=', 1)
        .returning('last_sequence')
        .executeTakeFirstOrThrow();
      const going = await trx
        .selectFrom('group_events as e')
        .selectAll('e')
        .where('e.sequence', 'is', null)
        .where('e.ready', '=', 1)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('group_events as earlier')
                .select('earlier.id')
                .whereRef('earlier.group_id', '=', 'e.group_id')
                .where('earlier.sequence', 'is', null)
                .where('earlier.ready', '=', 0)
                .whereRef('earlier.id', '<', 'e.id'),
            ),
          ),
        )
        .orderBy('e.id')
        .limit(batch)
        .execute();
      if (going.length === 0) return [];
      const first = Number(counter.last_sequence) + 1;
      const released: Released[] = going.map((row, index) => ({ ...row, sequence: first + index }));
      await trx.updateTable('event_log').set({ last_sequence: first + going.length - 1 }).where('id', '=', 1).execute();
      const updated = await trx
        .updateTable('group_events')
        // One statement for any number: each id its sequence (cast: PostgreSQL types a CASE's parameters as text).
        .set({ sequence: sql<number>`case ${sql.join(released.map((row) => sql`when id = ${row.id} then cast(${row.sequence} as bigint)`), sql` `)} end` })
        .where('id', 'in', released.map((row) => row.id))
        .where('sequence', 'is', null)
        .returning('id')
        .execute();
      const kept = new Set(updated.map((row) => Number(row.id)));
      return released.filter((row) => kept.has(Number(row.id))).map(toGroupEvent);
    });
  }

  /**
   * Marks ready the group's unreleased events whose gate an operator's reconcile superseded
   * (RESOLVED): a refusal whose undo never ran (the process died between). The store kept the
   * change and the reconcile brings the IM Service in step with it, so the change stands.
   */
  async readySuperseded(trx: Transaction<Database>, groupId: string): Promise<void> {
    await trx
      .updateTable('group_events')
      .set({ ready: 1 })
      .where('group_id', '=', groupId)
      .where('sequence', 'is', null)
      .where('gate_outbox_id', 'in', (eb) => eb.selectFrom('outbox').select('id').where('group_id', '=', groupId).where('status', '=', 'RESOLVED'))
      .execute();
  }

  /** Deletes a change's events that were never released (an undone or withdrawn change: never seen). */
  async discard(trx: Transaction<Database>, eventIds: readonly number[]): Promise<void> {
    if (eventIds.length === 0) return;
    await trx.deleteFrom('group_events').where('id', 'in', eventIds).where('sequence', 'is', null).execute();
  }

  /** Released events after `sequence`, in order: the whole log. */
  async readAfter(sequence: number, limit: number): Promise<GroupEvent[]> {
    const rows = await this.db.selectFrom('group_events').selectAll().where('sequence', '>', sequence).orderBy('sequence').limit(limit).execute();
    return (rows as Released[]).map(toGroupEvent);
  }

  /** One group's released events after `sequence`, in order. */
  async readGroupAfter(groupId: string, sequence: number, limit: number): Promise<GroupEvent[]> {
    const rows = await this.db
      .selectFrom('group_events')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('sequence', '>', sequence)
      .orderBy('sequence')
      .limit(limit)
      .execute();
    return (rows as Released[]).map(toGroupEvent);
  }

  /** The released events a user hears of (`group_event_users`) after `sequence`, in order. */
  async readViewerAfter(userId: string, sequence: number, limit: number): Promise<GroupEvent[]> {
    const rows = await this.db
      .selectFrom('group_event_users as heard')
      .innerJoin('group_events as e', 'e.id', 'heard.event_id')
      .selectAll('e')
      .where('heard.user_id', '=', userId)
      .where('e.sequence', '>', sequence)
      .orderBy('e.sequence')
      .limit(limit)
      .execute();
    return (rows as Released[]).map(toGroupEvent);
  }

  /** Who hears of each released event in `viewerEvents` (`group_event_users`, as `readViewerAfter` reads them), by sequence. */
  async audiences(sequences: readonly number[]): Promise<Map<number, string[]>> {
    const audiences = new Map<number, string[]>();
    if (sequences.length === 0) return audiences;
    const rows = await this.db
      .selectFrom('group_event_users as heard')
      .innerJoin('group_events as e', 'e.id', 'heard.event_id')
      .select(['e.sequence', 'heard.user_id'])
      .where('e.sequence', 'in', [...sequences])
      .execute();
    for (const row of rows) {
      const sequence = Number(row.sequence);
      const users = audiences.get(sequence);
      if (users) users.push(row.user_id);
      else audiences.set(sequence, [row.user_id]);
    }
    return audiences;
  }

  /** The last sequence released, and the last one retention pruned (0: none). */
  async positions(): Promise<{ lastSequence: number; prunedThrough: number }> {
    const row = await this.db.selectFrom('event_log').select(['last_sequence', 'pruned_through']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { lastSequence: Number(row.last_sequence), prunedThrough: Number(row.pruned_through) };
  }

  /**
   * Deletes the released events that occurred before `before`, and all released before them, at
   * most `batch` per call (a bounded transaction), recording how far the log is pruned. Unreleased
   * events are kept. The number deleted.
   */
  async prune(before: number, batch: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const newest = await trx
        .selectFrom('group_events')
        .select('sequence')
        .where('sequence', 'is not', null)
        .where('occurred_at', '<', before)
        .orderBy('sequence', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!newest) return 0;
      const oldest = await trx.selectFrom('group_events').select('sequence').where('sequence', 'is not', null).orderBy('sequence').offset(batch - 1).limit(1).executeTakeFirst();
      const through = Math.min(Number(newest.sequence), oldest ? Number(oldest.sequence) : Infinity);
      const deleted = await trx.deleteFrom('group_events').where('sequence', '<=', through).executeTakeFirst();
      await trx
        .updateTable('event_log')
        .set({ pruned_through: sql<number>`case when pruned_through < ${through} then ${through} else pruned_through end` })
        .where('id', '=', 1)
        .execute();
      return Number(deleted.numDeletedRows);
    });
  }
}

import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database, NoticeState, OutboxRow } from '../store/tables.js';
import { carriesNotice, type OutboxOperation } from './operations.js';

type Executor = Kysely<Database> | Transaction<Database>;

/** The kind of the rows that publish group notices (the 20-per-second rate class). */
const NOTICE = 'publishNotification';

export interface Failure {
  message: string;
  imCode: number | null;
}

/** The outbox: IM operations written with the domain change, sent after it commits. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * `leads`: a notice that must reach the IM Service before the group calls written after it (Kicked, Dismiss).
   * `failed`: the row is written given up, with this reason (a bound notice not repeated: kept for the record, holding nothing).
   */
  async insert(
    executor: Executor,
    row: { groupId: string; kind: string; payload: unknown; now: number; leads?: boolean; failed?: string },
  ): Promise<number> {
    const inserted = await executor
      .insertInto('outbox')
      .values({
        group_id: row.groupId,
        kind: row.kind,
        leads: row.leads ? 1 : 0,
        payload: JSON.stringify(row.payload),
        status: row.failed === undefined ? 'PENDING' : 'FAILED',
        progress: 0,
        attempts: 0,
        next_attempt_at: row.now,
        locked_until: null,
        last_error: row.failed ?? null,
        last_im_code: null,
        created_at: row.now,
        // In the insert itself: a bound notice's state costs no statement of its own.
        notice_state: row.failed === undefined && carriesNotice(row.payload as OutboxOperation) ? 'unsent' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(inserted.id);
  }

  /**
   * What stands between the group and the IM Service, notifications aside: a change given up
   * for good (FAILED), changes still to send (PENDING), or nothing (null).
   */
  async changeBacklog(executor: Executor, groupId: string): Promise<'FAILED' | 'PENDING' | null> {
    const rows = await executor
      .selectFrom('outbox')
      .select('status')
      .distinct()
      .where('group_id', '=', groupId)
      .where('status', '!=', 'DONE')
      .where('kind', '!=', 'publishNotification')
      .execute();
    const statuses = new Set(rows.map((row) => row.status));
    return statuses.has('FAILED') ? 'FAILED' : statuses.has('PENDING') ? 'PENDING' : null;
  }

  /** How many rows wait to be sent, and since when the oldest waits: for metrics. */
  async backlog(): Promise<{ pending: number; oldestCreatedAt: number | null }> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll<number>().as('pending'), eb.fn.min('created_at').as('oldest')])
      .where('status', '=', 'PENDING')
      .executeTakeFirstOrThrow();
    return { pending: Number(row.pending), oldestCreatedAt: row.oldest === null ? null : Number(row.oldest) };
  }

  async get(id: number): Promise<OutboxRow | undefined> {
    return this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Takes the row for `leaseMs` unless another dispatcher holds it or an older row of its group must
   * go first (`waitsForEarlier`): the row when this one got it.
   * One conditional UPDATE: on PostgreSQL a concurrent claim waits for the row lock and then
   * re-checks the condition against the winner's lease, so of N instances exactly one gets the
   * row; a lease that lapsed (its holder died) is taken over the same way.
   * The same write offers a bound notice to this attempt (`unsent` → `offered`) and marks one an
   * earlier attempt held unsettled (`offered` → `interrupted`, see the dispatcher's `noticeRides`).
   */
  async claim(id: number, now: number, leaseMs: number): Promise<OutboxRow | undefined> {
    return this.db
      .updateTable('outbox as o')
      .set({
        locked_until: now + leaseMs,
        attempts: sql`attempts + 1`,
        notice_state: sql<NoticeState | null>`case notice_state when 'unsent' then 'offered' when 'offered' then 'interrupted' else notice_state end`,
      })
      .where('o.id', '=', id)
      .where('o.status', '=', 'PENDING')
      // A notice whose claim lapsed may have been published: never retaken (see giveUpLapsedNotices).
      .where((eb) => eb.or([eb('o.locked_until', 'is', null), eb.and([eb('o.locked_until', '<', now), eb('o.kind', '!=', NOTICE)])]))
      // In the same statement, not a read before it: an older row of the group still to go keeps it waiting.
      .where((eb) => eb.not(waitsForEarlier(eb)))
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Ends the notices whose dispatcher died (or lost the database) while it held them: DONE when
   * the publish was recorded, else FAILED with `reason`, since it may or may not have been
   * published and a notice is never sent twice. The rows ended, with their group.
   */
  async giveUpLapsedNotices(now: number, reason: string): Promise<Array<{ id: number; groupId: string }>> {
    const lapsed = (status: 'DONE' | 'FAILED', published: boolean) =>
      this.db
        .updateTable('outbox')
        .set({ status, locked_until: null, ...(published ? {} : { last_error: reason, last_im_code: null }) })
        .where('kind', '=', NOTICE)
        .where('status', '=', 'PENDING')
        .where('locked_until', '<', now)
        .where('progress', published ? '>' : '=', 0)
        .returning(['id', 'group_id'])
        .execute();
    await lapsed('DONE', true);
    return (await lapsed('FAILED', false)).map((row) => ({ id: Number(row.id), groupId: row.group_id }));
  }

  /**
   * Rows due now that wait for no older unfinished row of their group (see `waitsForEarlier`):
   * per-group order holds, so a join never overtakes the create it depends on.
   */
  async findDue(now: number, limit: number, queue: 'changes' | 'notices' | 'all' = 'all'): Promise<number[]> {
    const rows = await this.db
      .selectFrom('outbox as o')
      .select('o.id')
      .where('o.status', '=', 'PENDING')
      // One queue per rate class: a backlog of notices never stands in front of group calls.
      .$if(queue !== 'all', (query) => query.where('o.kind', queue === 'notices' ? '=' : '!=', NOTICE))
      .where('o.next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('o.locked_until', 'is', null), eb('o.locked_until', '<', now)]))
      .where((eb) => eb.not(waitsForEarlier(eb)))
      .orderBy('o.id')
      .limit(limit)
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /** Records a finished step and extends the claim for the next one. */
  async recordProgress(id: number, progress: number, lockedUntil: number): Promise<void> {
    await this.db.updateTable('outbox').set({ progress, locked_until: lockedUntil }).where('id', '=', id).execute();
  }

  /** Done; a notice the last call carried was sent with it. */
  async complete(executor: Executor, id: number): Promise<void> {
    await executor
      .updateTable('outbox')
      .set({ status: 'DONE', locked_until: null, notice_state: sql<NoticeState | null>`case when notice_state = 'offered' then 'sent' else notice_state end` })
      .where('id', '=', id)
      .execute();
  }

  /** A bound notice's new state, on its own (after an interrupted attempt only: otherwise it travels with the row's other writes). */
  async setNoticeState(executor: Executor, id: number, notice: NoticeState): Promise<void> {
    await executor.updateTable('outbox').set({ notice_state: notice }).where('id', '=', id).execute();
  }

  /** `notice`: the bound notice's new state, when the attempt held it (the row's other writes take it along). */
  async scheduleRetry(executor: Executor, id: number, nextAttemptAt: number, failure: Failure, notice?: NoticeState): Promise<void> {
    await executor
      .updateTable('outbox')
      .set({ next_attempt_at: nextAttemptAt, locked_until: null, last_error: failure.message, last_im_code: failure.imCode, ...noticeSet(notice) })
      .where('id', '=', id)
      .execute();
  }

  /** Hands a claimed row back as it was before the claim (which counted an attempt, and offered its notice): nothing was sent. */
  async postpone(id: number, nextAttemptAt: number, notice?: NoticeState): Promise<void> {
    await this.db
      .updateTable('outbox')
      .set({ next_attempt_at: nextAttemptAt, locked_until: null, attempts: sql`attempts - 1`, ...noticeSet(notice) })
      .where('id', '=', id)
      .execute();
  }

  async fail(executor: Executor, id: number, failure: Failure, notice?: NoticeState): Promise<void> {
    await executor
      .updateTable('outbox')
      .set({ status: 'FAILED', locked_until: null, last_error: failure.message, last_im_code: failure.imCode, ...noticeSet(notice) })
      .where('id', '=', id)
      .execute();
  }

  /** An operator's reconcile supersedes the group's FAILED rows: they are kept, RESOLVED, and hold nothing. */
  async resolveFailed(executor: Executor, groupId: string): Promise<number> {
    const result = await executor
      .updateTable('outbox')
      .set({ status: 'RESOLVED' })
      .where('group_id', '=', groupId)
      .where('status', '=', 'FAILED')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Withdraws a row no dispatcher holds: true when it was withdrawn. */
  async withdraw(executor: Executor, id: number, now: number): Promise<boolean> {
    const result = await executor
      .deleteFrom('outbox')
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}

function noticeSet(notice: NoticeState | undefined): { notice_state?: NoticeState } {
  return notice === undefined ? {} : { notice_state: notice };
}

/**
 * Whether row `o` must wait for an older PENDING row of its group. Group calls wait for older
 * group calls, and for older notices that lead (a Kicked or Dismiss notice goes before its
 * quit or dismiss, or the removed would never receive it); a trailing notice never holds a
 * later group call (notices go at 20/s, group calls at 100/s). Notices wait for every older row
 * of the group: for the notices before them (their order) and for the group calls they describe.
 * Plain SQL, the same on SQLite and PostgreSQL.
 */
function waitsForEarlier(eb: ExpressionBuilder<Database & { o: Database['outbox'] }, 'o'>) {
  return eb.exists(
    eb
      .selectFrom('outbox as earlier')
      .select('earlier.id')
      .whereRef('earlier.group_id', '=', 'o.group_id')
      .whereRef('earlier.id', '<', 'o.id')
      .where('earlier.status', '=', 'PENDING')
      .where((inner) => inner.or([inner('o.kind', '=', NOTICE), inner('earlier.kind', '!=', NOTICE), inner('earlier.leads', '=', 1)])),
  );
}

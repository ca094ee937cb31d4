import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { backoffDelayMs } from '../../im/backoff.js';
import { ImError, ImRateLimitedError } from '../../im/index.js';
import type { EventLog } from '../events/event-log.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database, NoticeState, OutboxRow } from '../store/tables.js';
import type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';
import { isNotification, type OutboxOperation } from './operations.js';
import type { Failure, OutboxRepository } from './outbox.repository.js';

export const RETRY_BACKOFF = { baseMs: 1000, maxMs: 60_000 };

/** Why a notice row ended FAILED without a refusal: it may or may not have been published. */
export const UNCONFIRMED_NOTICE = 'notice not repeated after an ambiguous failure (at most once)';

/** Why a bound notice was given up: for the log, and for its FAILED notice row. */
export interface LostNotice {
  log: string;
  reason: string;
}

export const LOST = {
  /** Its call may have acted: it may or may not have been delivered. */
  mayHaveGone: { log: 'bound notice not confirmed by the IM Service: not repeated, it may be lost', reason: UNCONFIRMED_NOTICE },
  /** Its attempt died in the call carrying it. */
  interrupted: { log: 'bound notice interrupted mid-call: not repeated, it may be lost', reason: UNCONFIRMED_NOTICE },
  /** Its row was given up before any call carried it. */
  neverSent: { log: 'bound notice never sent: its call was given up', reason: 'bound notice never sent: its group call was given up' },
} as const satisfies Record<string, LostNotice>;

export interface SettlementDeps {
  db: Kysely<Database>;
  outbox: OutboxRepository;
  groups: GroupsRepository;
  events: EventLog;
  logger: Logger;
  observer?: DispatchObserver;
  maxAttempts: number;
}

/** What a failed attempt did with the row's bound notice. */
export interface NoticeAttempt {
  /** The attempt held the notice (`offered`): it goes back (`unsent`) or is given up, with the row's next write. */
  held: boolean;
  /** The failed call carried it. */
  carried: boolean;
}

const NO_NOTICE: NoticeAttempt = { held: false, carried: false };

/** What becomes of a row whose IM step failed: the dispatcher's failure rules, apart from its sending loop. */
export class FailureSettlement {
  constructor(private readonly options: SettlementDeps) {}

  /** An IM step failed: given up (refused, or a notice that may have been published), or tried again later. */
  async settleFailure(
    row: OutboxRow,
    operation: OutboxOperation,
    progress: number,
    error: unknown,
    options: DispatchOptions,
    notice: NoticeAttempt = NO_NOTICE,
  ): Promise<DispatchOutcome> {
    const { outbox, logger, observer, db } = this.options;
    const log = { rowId: row.id, kind: row.kind, groupId: row.group_id, requestId: options.requestId, progress, err: describeError(error) };
    if (error instanceof ImError && !error.retryable) {
      // Row and group together, the group locked (as `giveUp`): a crash between would leave the group PENDING for ever.
      const failure = failureOf(error);
      const ready = await db.transaction().execute(async (trx) => {
        await this.options.groups.lock(trx, row.group_id);
        // Refused: the call, and the notice with it, never took effect (nothing to count lost).
        await outbox.fail(trx, row.id, failure, notice.held ? 'unsent' : undefined);
        if (isNotification(operation)) return false;
        // Refused for good: the group says so, with the IM Service's reason, until an operator acts (a notice fails nothing else).
        await this.options.groups.setSyncStatus(trx, row.group_id, 'FAILED', failure.message);
        // A mutation's own send undoes the change next, discarding its events; in the background the store keeps it, and so does the log.
        if (options.undoesRefusal) return false;
        await this.options.events.markReady(trx, row.id);
        return true;
      });
      if (ready) this.options.events.kick();
      logger.warn(log, 'outbox row rejected by the IM Service');
      observer?.dispatched(row.kind, 'rejected');
      return { status: 'rejected', error, progress };
    }
    if (error instanceof ImError && error.mayHaveTakenEffect && isNotification(operation)) {
      // Publishing is not idempotent and the IM Service offers no deduplication key (its
      // /message/group/publish.json takes fromUserId, toGroupId, objectName, content, push and
      // storage flags only: rongcloud/server-sdk-nodejs docs/message/group.md), so a notice that
      // may have been published is never sent again. What is lost: the notice, whenever the IM
      // Service had not in fact published it.
      await outbox.fail(db, row.id, { message: `${UNCONFIRMED_NOTICE}: ${error.message}`, imCode: error.imCode });
      logger.warn(log, 'notice not confirmed by the IM Service: not repeated, it may be lost');
      observer?.dispatched(row.kind, 'rejected');
      observer?.unconfirmedNotice?.();
      return { status: 'rejected', error, progress };
    }
    if (error instanceof ImRateLimitedError && error.shed) {
      // Our own congestion (the local limiter refused, or a publish lacked a full attempt before its
      // deadline): nothing was sent, so it was no attempt. The row goes back as before its claim,
      // its notice unsent, due when the budget says: no backoff, no count toward giving up. (Backing
      // off here once let a sustained notice load fall behind by minutes: each shed doubled the row's wait.)
      await outbox.postpone(row.id, Date.now() + Math.min(error.retryAfterMs, RETRY_BACKOFF.maxMs), notice.held ? 'unsent' : undefined);
      logger.debug(log, 'outbox row postponed: the rate budget had no room in time');
      observer?.dispatched(row.kind, 'deferred');
      return { status: 'deferred', error, progress };
    }
    // A bound notice whose call may have acted is never offered again (at most once), and recorded
    // as possibly lost; one whose call certainly did nothing (1008, a refused connection) goes
    // back, unsent, and rides the next attempt. On the last attempt a notice never sent is given up too.
    const lastAttempt = row.attempts >= this.options.maxAttempts;
    const mayHaveActed = !(error instanceof ImError) || error.mayHaveTakenEffect;
    const lost = notice.held && ((notice.carried && mayHaveActed) || lastAttempt);
    const next = lost ? 'given_up' : notice.held ? 'unsent' : undefined;
    const why = !lost ? null : notice.carried && mayHaveActed ? LOST.mayHaveGone : LOST.neverSent;
    if (lastAttempt) {
      let ready = false;
      await this.recording(row, operation, why, async (trx) => void (ready = await this.giveUp(trx, row, error, next)));
      if (ready) this.options.events.kick();
      logger.warn({ ...log, attempts: row.attempts }, 'outbox row given up after its last attempt');
      observer?.dispatched(row.kind, 'gaveUp');
      return { status: 'gaveUp', error, progress };
    }
    const retryAt = Date.now() + backoffDelayMs(RETRY_BACKOFF, row.attempts);
    await this.recording(row, operation, why, (executor) => outbox.scheduleRetry(executor, row.id, retryAt, failureOf(error), next));
    logger.info(log, 'outbox row deferred');
    observer?.dispatched(row.kind, 'deferred');
    return { status: 'deferred', error, progress };
  }

  /**
   * The row's write, and with it (one transaction, so a crash can neither lose nor double the
   * record) a bound notice given up: kept in the outbox as a FAILED notice row (for an operator,
   * and for the count of what may be lost, as a publish given up is), logged and counted.
   * `lost` null: nothing given up, the write alone.
   */
  async recording(row: OutboxRow, operation: OutboxOperation, lost: LostNotice | null, write: (executor: Kysely<Database> | Transaction<Database>) => Promise<void>): Promise<void> {
    if (lost === null || !('notice' in operation) || !operation.notice) return write(this.options.db);
    const notice = { kind: 'publishNotification', groupId: row.group_id, ...operation.notice };
    await this.options.db.transaction().execute(async (trx) => {
      await write(trx);
      await this.options.outbox.insert(trx, { groupId: row.group_id, kind: notice.kind, payload: notice, now: Date.now(), failed: `${lost.reason}: bound to ${row.kind}` });
    });
    this.options.logger.warn({ rowId: row.id, groupId: row.group_id, kind: row.kind }, lost.log);
    this.options.observer?.unconfirmedNotice?.();
  }

  /**
   * The IM Service kept answering "try again" (a 5xx, a timeout, or code 1000, which its code
   * list also gives for invalid parameters and internal logic errors, so it may never pass).
   * The row is FAILED with the last reason; the group too, unless the row is a notice. The
   * group's later rows are not held: only PENDING rows hold the rows behind them.
   */
  private async giveUp(executor: Kysely<Database> | Transaction<Database>, row: OutboxRow, error: unknown, notice: NoticeState | undefined): Promise<boolean> {
    const failure = failureOf(error);
    const given = { ...failure, message: `gave up after ${row.attempts} attempts: ${failure.message}` };
    const settle = async (trx: Transaction<Database>) => {
      await this.options.groups.lock(trx, row.group_id);
      await this.options.outbox.fail(trx, row.id, given, notice);
      if (isNotification(JSON.parse(row.payload) as OutboxOperation)) return false;
      await this.options.groups.setSyncStatus(trx, row.group_id, 'FAILED', given.message);
      // The store keeps a change given up (FAILED, for an operator), so the log does: its events are ready.
      await this.options.events.markReady(trx, row.id);
      return true;
    };
    // Committed once `recording` returns (its own transaction, when a notice is recorded with it): the caller kicks the releaser after.
    return executor.isTransaction ? settle(executor as Transaction<Database>) : executor.transaction().execute(settle);
  }
}

function failureOf(error: unknown): Failure {
  return error instanceof ImError
    ? { message: error.message, imCode: error.imCode }
    : { message: 'unexpected failure while dispatching', imCode: null };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

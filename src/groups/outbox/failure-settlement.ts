import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { backoffDelayMs } from '../../im/backoff.js';
import { ImError, ImRateLimitedError } from '../../im/index.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database, OutboxRow } from '../store/tables.js';
import type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';
import { isNotification, type OutboxOperation } from './operations.js';
import type { Failure, OutboxRepository } from './outbox.repository.js';

export const RETRY_BACKOFF = { baseMs: 1000, maxMs: 60_000 };

/** Why a notice row ended FAILED without a refusal: it may or may not have been published. */
export const UNCONFIRMED_NOTICE = 'notice not repeated after an ambiguous failure (at most once)';

export interface SettlementDeps {
  db: Kysely<Database>;
  outbox: OutboxRepository;
  groups: GroupsRepository;
  logger: Logger;
  observer?: DispatchObserver;
  maxAttempts: number;
  /** A bound notice given up unconfirmed: recorded, logged and counted once. */
  noticeUnconfirmed(row: OutboxRow, operation: OutboxOperation, message: string): Promise<void>;
}

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
    /** The failed call carried the row's bound notice. */
    noticeOffered = false,
  ): Promise<DispatchOutcome> {
    const { outbox, logger, observer, db } = this.options;
    const log = { rowId: row.id, kind: row.kind, groupId: row.group_id, requestId: options.requestId, progress, err: describeError(error) };
    if (error instanceof ImError && !error.retryable) {
      // Row and group together, the group locked (as `giveUp`): a crash between would leave the group PENDING for ever.
      const failure = failureOf(error);
      await db.transaction().execute(async (trx) => {
        await this.options.groups.lock(trx, row.group_id);
        await outbox.fail(trx, row.id, failure);
        // Refused for good: the group says so, with the IM Service's reason, until an operator acts (a notice fails nothing else).
        if (!isNotification(operation)) await this.options.groups.setSyncStatus(trx, row.group_id, 'FAILED', failure.message);
      });
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
    // Not offered again (at most once): whether it went out, nobody knows. Shed, it was never sent,
    // and the next claim offers it again only if this was the first attempt (see `noticeRides`).
    const shed = error instanceof ImRateLimitedError && error.shed;
    const boundNoticeLost = noticeOffered && (!shed || row.attempts > 1);
    if (boundNoticeLost) await this.options.noticeUnconfirmed(row, operation, 'bound notice not confirmed by the IM Service: not repeated, it may be lost');
    if (error instanceof ImRateLimitedError && error.shed) {
      // Our own congestion (the local limiter refused, or a publish lacked a full attempt before its
      // deadline): nothing was sent, so it was no attempt. The row goes back as before its claim,
      // due when the budget says: no backoff, no count toward giving up. (Backing off here once let
      // a sustained notice load fall behind by minutes: each shed doubled the row's wait.)
      await outbox.postpone(row.id, Date.now() + Math.min(error.retryAfterMs, RETRY_BACKOFF.maxMs));
      logger.debug(log, 'outbox row postponed: the rate budget had no room in time');
      observer?.dispatched(row.kind, 'deferred');
      return { status: 'deferred', error, progress };
    }
    if (row.attempts >= this.options.maxAttempts) {
      await this.giveUp(row, error);
      logger.warn({ ...log, attempts: row.attempts }, 'outbox row given up after its last attempt');
      observer?.dispatched(row.kind, 'gaveUp');
      return { status: 'gaveUp', error, progress };
    }
    await outbox.scheduleRetry(row.id, Date.now() + backoffDelayMs(RETRY_BACKOFF, row.attempts), failureOf(error));
    logger.info(log, 'outbox row deferred');
    observer?.dispatched(row.kind, 'deferred');
    return { status: 'deferred', error, progress };
  }

  /**
   * The IM Service kept answering "try again" (a 5xx, a timeout, or code 1000, which its code
   * list also gives for invalid parameters and internal logic errors, so it may never pass).
   * The row is FAILED with the last reason; the group too, unless the row is a notice. The
   * group's later rows are not held: only PENDING rows hold the rows behind them.
   */
  private async giveUp(row: OutboxRow, error: unknown): Promise<void> {
    const failure = failureOf(error);
    const given = { ...failure, message: `gave up after ${row.attempts} attempts: ${failure.message}` };
    await this.options.db.transaction().execute(async (trx) => {
      await this.options.groups.lock(trx, row.group_id);
      await this.options.outbox.fail(trx, row.id, given);
      if (!isNotification(JSON.parse(row.payload) as OutboxOperation)) await this.options.groups.setSyncStatus(trx, row.group_id, 'FAILED', given.message);
    });
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

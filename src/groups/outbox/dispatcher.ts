import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { backoffDelayMs } from '../../im/backoff.js';
import { ImError, ImRateLimitedError, type ImClient } from '../../im/index.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database, OutboxRow } from '../store/tables.js';
import { isNotification, stepsOf, type OutboxOperation } from './operations.js';
import type { Failure, OutboxRepository } from './outbox.repository.js';
import { settleSyncStatus } from './sync-status.js';

import type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';

export type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';

export interface DispatcherOptions {
  db: Kysely<Database>;
  outbox: OutboxRepository;
  groups: GroupsRepository;
  im: ImClient;
  logger: Logger;
  /** How often the loop looks for due rows. */
  pollMs?: number;
  /** How long a claim lasts; renewed after every step. */
  leaseMs?: number;
  /** Tries of one row (the claim counts them) before it is given up; see `OUTBOX_MAX_ATTEMPTS`. */
  maxAttempts?: number;
  observer?: DispatchObserver;
}

export const DEFAULT_MAX_ATTEMPTS = 20;

const RETRY_BACKOFF = { baseMs: 1000, maxMs: 60_000 };
/**
 * Each rate class has a queue of its own, polled apart: a backlog of notices (20 per second)
 * never holds back group calls (100 per second), and the other way round.
 */
type Queue = 'changes' | 'notices';
/** Rows taken per pass: about a second of each class's budget, so a pass ends before the next lease check. */
const BATCH: Record<Queue, number> = { changes: 100, notices: 20 };
/** Time kept between a step's deadline and the end of the claim, for recording the step. */
const LEASE_MARGIN_MS = 1000;

/**
 * Sends outbox rows to the IM Service, each group's rows in order: at once when a mutation
 * asks (`dispatchInOrder`), and from a loop for everything left behind (a timeout, an outage,
 * a crash before sending).
 */
export class OutboxDispatcher {
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  /** Set by `stop`: no row is claimed after it, so none stays claimed once the stores close. */
  private stopping = false;
  private readonly polling: Record<Queue, boolean> = { changes: false, notices: false };

  constructor(private readonly options: DispatcherOptions) {
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  /** Sends the row now unless an older row of its group is still pending. */
  async dispatchInOrder(rowId: number, groupId: string, options: DispatchOptions = {}): Promise<DispatchOutcome> {
    if (await this.options.outbox.hasEarlierPending(groupId, rowId)) return { status: 'waiting' };
    return this.track(this.run(rowId, options));
  }

  /**
   * Sends rows of one change in order, in the background, each under its claim's deadline (not a
   * request's); stops at the first that does not go, which the loop then sends. Never rejects.
   */
  sendInBackground(rowIds: readonly number[], groupId: string, options: Pick<DispatchOptions, 'requestId'> = {}): Promise<void> {
    return this.track(
      (async () => {
        for (const rowId of rowIds) {
          const outcome = await this.dispatchInOrder(rowId, groupId, options);
          if (outcome.status !== 'done' && outcome.status !== 'rejected' && outcome.status !== 'gaveUp') return;
        }
      })().catch((error: unknown) => {
        this.options.logger.error({ groupId, err: describe(error) }, 'outbox dispatch failed unexpectedly: the loop will send the rows');
        this.options.observer?.failed?.();
      }),
    );
  }

  /** Starts the loop; its first pass picks up whatever a previous run left pending. */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  /** Stops the loop and waits for the dispatches under way; pending rows stay for the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    // Poll passes are in flight too: one under way may still add dispatches, so wait until none is left.
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** One pass of the loop over each queue: every due row whose group has nothing older pending. */
  async poll(): Promise<void> {
    await this.track(Promise.all([this.pollQueue('changes'), this.pollQueue('notices')]));
  }

  /** Never rejects: a failed pass is logged and counted, and the next one tries again. */
  private async pollQueue(queue: Queue): Promise<void> {
    if (this.polling[queue]) return;
    this.polling[queue] = true;
    try {
      if (this.stopping) return;
      if (queue === 'notices') await this.giveUpInterruptedNotices();
      const due = await this.options.outbox.findDue(Date.now(), BATCH[queue], queue === 'notices' ? 'notices' : 'changes');
      await Promise.all(due.map((id) => this.dispatchInBackground(id)));
    } catch (error) {
      this.options.logger.error({ err: describe(error), queue }, 'outbox poll failed');
      this.options.observer?.failed?.();
    } finally {
      this.polling[queue] = false;
    }
  }

  /**
   * A notice whose claim lapsed was being published when its dispatcher died (or lost its
   * database): it may have reached the IM Service, so it is never sent again (at most once).
   */
  private async giveUpInterruptedNotices(): Promise<void> {
    const given = await this.options.outbox.giveUpLapsedNotices(Date.now(), UNCONFIRMED_NOTICE);
    for (const row of given) {
      this.options.logger.warn({ rowId: row.id, groupId: row.groupId }, 'notice interrupted mid-publish: not repeated, it may be lost');
      this.options.observer?.unconfirmedNotice?.();
    }
  }

  /** Forgets the dispatch once settled; a rejection is the caller's to handle, never an unhandled one here. */
  private track<T>(run: Promise<T>): Promise<T> {
    this.inFlight.add(run);
    const forget = () => void this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  /** Never rejects: whatever goes wrong is logged, and the row stays for a later pass. */
  private async dispatchInBackground(rowId: number): Promise<void> {
    try {
      // A refused row has made its group FAILED already (see `settleFailure`).
      await this.track(this.run(rowId, {}));
    } catch (error) {
      this.options.logger.error({ rowId, err: describe(error) }, 'outbox dispatch failed unexpectedly');
      this.options.observer?.failed?.();
    }
  }

  /**
   * Each step must finish while the claim holds, or a second dispatcher could take the row
   * and send it again: the IM call gives up (ambiguously) a little before the lease ends.
   */
  private withinLease(options: DispatchOptions): DispatchOptions {
    // A quarter of a short lease at most (OUTBOX_LEASE_MS may be 1000): a full margin would leave no time to send.
    const leaseEndsAt = Date.now() + this.leaseMs - Math.min(LEASE_MARGIN_MS, this.leaseMs / 4);
    return { ...options, deadlineAt: Math.min(options.deadlineAt ?? Infinity, leaseEndsAt) };
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
      if (!isNotification(parse(row))) await this.options.groups.setSyncStatus(trx, row.group_id, 'FAILED', given.message);
    });
  }

  /**
   * One dispatch; never rejects. An unexpected error (the database failing mid-way, on either
   * store) is logged and counted, and the row is tried again later: at once when it was not
   * claimed, else once its claim lapses (a notice interrupted so is given up, see `giveUpInterruptedNotices`).
   */
  private async run(rowId: number, options: DispatchOptions): Promise<DispatchOutcome> {
    try {
      return await this.send(rowId, options);
    } catch (error) {
      this.options.logger.error({ rowId, requestId: options.requestId, err: describe(error) }, 'outbox dispatch failed unexpectedly: the row will be retried');
      this.options.observer?.failed?.();
      return { status: 'deferred', error, progress: 0 };
    }
  }

  private async send(rowId: number, options: DispatchOptions): Promise<DispatchOutcome> {
    const { outbox } = this.options;
    // Stopping: the stores close next, and a row claimed now would stay claimed (a notice then given up, never sent).
    if (this.stopping) return { status: 'waiting' };
    const row = await outbox.claim(rowId, Date.now(), this.leaseMs);
    if (!row) return { status: 'waiting' };
    const operation = parse(row);
    const steps = stepsOf(operation);
    for (let progress = row.progress; progress < steps.length; progress++) {
      try {
        await steps[progress]!(this.options.im, this.withinLease(options));
      } catch (error) {
        return this.settleFailure(row, operation, progress, error, options);
      }
      // A database error here escapes to `run`: the row stays claimed until its lease lapses.
      await outbox.recordProgress(rowId, progress + 1, Date.now() + this.leaseMs);
    }
    await this.options.db.transaction().execute(async (trx) => {
      await this.options.groups.lock(trx, row.group_id);
      await outbox.complete(trx, row.id);
      await settleSyncStatus(trx, outbox, this.options.groups, row.group_id);
    });
    this.options.observer?.dispatched(row.kind, 'done');
    return { status: 'done' };
  }

  /** An IM step failed: given up (refused, or a notice that may have been published), or tried again later. */
  private async settleFailure(
    row: OutboxRow,
    operation: OutboxOperation,
    progress: number,
    error: unknown,
    options: DispatchOptions,
  ): Promise<DispatchOutcome> {
    const { outbox, logger, observer, db } = this.options;
    const log = { rowId: row.id, kind: row.kind, groupId: row.group_id, requestId: options.requestId, progress, err: describe(error) };
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
    if (row.attempts >= this.maxAttempts) {
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
}

/** Why a notice row ended FAILED without a refusal: it may or may not have been published. */
const UNCONFIRMED_NOTICE = 'notice not repeated after an ambiguous failure (at most once)';

function parse(row: OutboxRow): OutboxOperation {
  return JSON.parse(row.payload) as OutboxOperation;
}

function failureOf(error: unknown): Failure {
  return error instanceof ImError
    ? { message: error.message, imCode: error.imCode }
    : { message: 'unexpected failure while dispatching', imCode: null };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

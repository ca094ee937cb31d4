import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import { backoffDelayMs } from '../../im/backoff.js';
import { ImError, ImRateLimitedError, type ImClient } from '../../im/index.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database, OutboxRow } from '../store/tables.js';
import { isNotification, stepsOf, type OutboxOperation } from './operations.js';
import type { Failure, OutboxRepository } from './outbox.repository.js';

/** What became of one dispatch of an outbox row. */
export type DispatchOutcome =
  | { status: 'done' }
  /** The IM Service refused the operation for good; `progress` steps had been applied before. */
  | { status: 'rejected'; error: ImError; progress: number }
  /** No definitive answer yet; the row stays pending and the loop will try again. */
  | { status: 'deferred'; error: unknown; progress: number }
  /** No definitive answer after `maxAttempts` tries: the row is FAILED (and its group, unless a notice), for an operator. */
  | { status: 'gaveUp'; error: unknown; progress: number }
  /** Another dispatcher holds the row, or an older row of the group must go first: the loop will send it. */
  | { status: 'waiting' };

export interface DispatchOptions {
  deadlineAt?: number;
  requestId?: string;
}

/** What the dispatcher reports of its work, for metrics. */
export interface DispatchObserver {
  dispatched(kind: string, status: DispatchOutcome['status']): void;
  /** A dispatch ended in an unexpected error (a database error, say); the row is tried again later. */
  failed?(): void;
  /** A notice given up without knowing whether the IM Service published it (at most once: never repeated). */
  unconfirmedNotice?(): void;
}

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

  /** Starts the loop; its first pass picks up whatever a previous run left pending. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    void this.poll();
  }

  /** Stops the loop and waits for the dispatches under way; pending rows stay for the next start. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /** One pass of the loop over each queue: every due row whose group has nothing older pending. */
  async poll(): Promise<void> {
    await Promise.all([this.pollQueue('changes'), this.pollQueue('notices')]);
  }

  /** Never rejects: a failed pass is logged and counted, and the next one tries again. */
  private async pollQueue(queue: Queue): Promise<void> {
    if (this.polling[queue]) return;
    this.polling[queue] = true;
    try {
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
      const outcome = await this.track(this.run(rowId, {}));
      if (outcome.status !== 'rejected') return;
      const row = await this.options.outbox.get(rowId);
      if (row && !isNotification(parse(row))) {
        // Given up for good: the group says so, with the IM Service's reason, until an operator acts.
        await this.options.groups.setSyncStatus(this.options.db, row.group_id, 'FAILED', outcome.error.message);
      }
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
      await outbox.fail(db, row.id, failureOf(error));
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
    // Our own congestion (the local limiter refused, nothing was sent) is no answer from the IM
    // Service: it never makes a row given up, though it counts for the backoff.
    if (row.attempts >= this.maxAttempts && !(error instanceof ImRateLimitedError && error.shed)) {
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

/**
 * A group is SYNCED once no change of it (notifications aside) waits in the outbox; a FAILED one stays so.
 * Call it with the group locked (`GroupsRepository.lock`): on PostgreSQL a change committing meanwhile
 * could otherwise add a row this read does not see, and the group would read SYNCED with work pending.
 */
export async function settleSyncStatus(
  trx: Transaction<Database>,
  outbox: OutboxRepository,
  groups: GroupsRepository,
  groupId: string,
): Promise<void> {
  const backlog = await outbox.changeBacklog(trx, groupId);
  // A later change made the group PENDING while it went; a row given up earlier still needs an operator.
  if (backlog === 'FAILED') await groups.restoreFailed(trx, groupId);
  else await groups.setSyncStatus(trx, groupId, backlog ?? 'SYNCED');
}

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

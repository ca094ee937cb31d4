import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ImClient } from '../../im/index.js';
import type { EventLog } from '../events/event-log.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database, OutboxRow } from '../store/tables.js';
import { isNotification, stepsOf, type OutboxOperation } from './operations.js';
import { describeError, FailureSettlement, LOST, UNCONFIRMED_NOTICE } from './failure-settlement.js';
import type { OutboxRepository } from './outbox.repository.js';
import { settleSyncStatus } from './sync-status.js';

import type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';

export type { DispatchObserver, DispatchOptions, DispatchOutcome } from './dispatch-outcome.js';

export interface DispatcherOptions {
  db: Kysely<Database>;
  outbox: OutboxRepository;
  groups: GroupsRepository;
  /** The event log: a change's events are made ready by the completion of its last group call. */
  events: EventLog;
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
  private readonly settlement: FailureSettlement;
  private readonly inFlight = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | undefined;
  /** Set by `stop`: no row is claimed after it, so none stays claimed once the stores close. */
  private stopping = false;
  private readonly polling: Record<Queue, boolean> = { changes: false, notices: false };

  constructor(private readonly options: DispatcherOptions) {
    this.pollMs = options.pollMs ?? 500;
    this.leaseMs = options.leaseMs ?? 15_000;
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.settlement = new FailureSettlement({ ...options, maxAttempts });
  }

  /** Sends the row now unless an older row of its group is still pending (the claim checks it). */
  async dispatchInOrder(rowId: number, options: DispatchOptions = {}): Promise<DispatchOutcome> {
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
          const outcome = await this.dispatchInOrder(rowId, options);
          if (outcome.status !== 'done' && outcome.status !== 'rejected' && outcome.status !== 'gaveUp') return;
        }
      })().catch((error: unknown) => {
        this.options.logger.error({ groupId, err: describeError(error) }, 'outbox dispatch failed unexpectedly: the loop will send the rows');
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
      this.options.logger.error({ err: describeError(error), queue }, 'outbox poll failed');
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
      this.options.logger.error({ rowId, err: describeError(error) }, 'outbox dispatch failed unexpectedly');
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
   * One dispatch; never rejects. An unexpected error (the database failing mid-way, on either
   * store) is logged and counted, and the row is tried again later: at once when it was not
   * claimed, else once its claim lapses (a notice interrupted so is given up, see `giveUpInterruptedNotices`).
   */
  private async run(rowId: number, options: DispatchOptions): Promise<DispatchOutcome> {
    try {
      return await this.send(rowId, options);
    } catch (error) {
      this.options.logger.error({ rowId, requestId: options.requestId, err: describeError(error) }, 'outbox dispatch failed unexpectedly: the row will be retried');
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
    const withNotice = await this.noticeRides(row, operation, steps.length - 1);
    for (let progress = row.progress; progress < steps.length; progress++) {
      try {
        await steps[progress]!(this.options.im, this.withinLease(options), withNotice);
      } catch (error) {
        return this.settlement.settleFailure(row, operation, progress, error, options, { held: withNotice, carried: withNotice && progress === steps.length - 1 });
      }
      // The last step's record is the completion below (a crash between repeats an idempotent call,
      // its notice not: a later claim finds it `interrupted` at the last step and gives it up,
      // recorded). A database error here escapes to `run`: the row stays claimed until its lease lapses.
      if (progress + 1 < steps.length || isNotification(operation)) await outbox.recordProgress(rowId, progress + 1, Date.now() + this.leaseMs);
    }
    const gate = !isNotification(operation);
    await this.options.db.transaction().execute(async (trx) => {
      await this.options.groups.lock(trx, row.group_id);
      await outbox.complete(trx, row.id);
      await settleSyncStatus(trx, this.options.groups, row.group_id);
      // The change stands: its events are ready (no counter lock here; the releaser gives cursors). A notice gates no event.
      if (gate) await this.options.events.markReady(trx, row.id);
    });
    if (gate) this.options.events.kick();
    this.options.observer?.dispatched(row.kind, 'done');
    return { status: 'done' };
  }

  /**
   * Whether this attempt sends the row's bound notice (with its last call). The claim offered it
   * (`unsent` → `offered`) unless an earlier attempt may have sent it: the IM Service has no
   * deduplication key, so it is offered at most once, and given back only after a failure that
   * certainly did nothing (see `settleFailure`). An earlier attempt that held it and ended
   * unsettled (its dispatcher died, or lost the database) left it `interrupted`: offered again if
   * that attempt never reached the last call (a step's progress is recorded before the next
   * starts), else given up, recorded as possibly lost, and the call sent alone.
   */
  private async noticeRides(row: OutboxRow, operation: OutboxOperation, lastStep: number): Promise<boolean> {
    if (row.notice_state === 'offered') return true;
    if (row.notice_state !== 'interrupted') return false;
    const { outbox } = this.options;
    if (row.progress < lastStep) {
      await outbox.setNoticeState(this.options.db, row.id, 'offered');
      return true;
    }
    await this.settlement.recording(row, operation, LOST.interrupted, (trx) => outbox.setNoticeState(trx, row.id, 'given_up'));
    return false;
  }
}

function parse(row: OutboxRow): OutboxOperation {
  return JSON.parse(row.payload) as OutboxOperation;
}

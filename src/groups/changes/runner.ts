import type { ControlledTransaction } from 'kysely';
import type { Logger } from 'pino';
import type { ImClient } from '../../im/index.js';
import { NotAuthenticatedError, RateLimitedError } from '../errors.js';
import type { EventLog } from '../events/event-log.js';
import { notifications } from '../notifications.js';
import type { OutboxDispatcher } from '../outbox/dispatcher.js';
import { bundled, groupCallCount, isNotification, type OutboxOperation } from '../outbox/operations.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { RequestScope } from '../scope.js';
import type { Store } from '../store/database.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { IdempotencyRepository } from '../store/idempotency.repository.js';
import type { InvitationsRepository } from '../store/invitations.repository.js';
import type { InviteLinksRepository } from '../store/invite-links.repository.js';
import type { JoinRequestsRepository } from '../store/join-requests.repository.js';
import type { MembersRepository } from '../store/members.repository.js';
import type { Database } from '../store/tables.js';
import { ChangeContext, type ChangeInput, type Json, type Plan, type UseCase } from './change.js';
import { ChangeDelivery, type WrittenChange } from './delivery.js';
import { claimFor, earlierOutcome, type KeyClaim } from './idempotency.js';

export interface ChangeRunnerDeps {
  store: Store;
  groups: GroupsRepository;
  members: MembersRepository;
  joinRequests: JoinRequestsRepository;
  invitations: InvitationsRepository;
  inviteLinks: InviteLinksRepository;
  idempotency: IdempotencyRepository;
  outbox: OutboxRepository;
  events: EventLog;
  dispatcher: OutboxDispatcher;
  im: ImClient;
  logger: Logger;
  /** The user id group notifications are sent from; no caller may act as it. */
  notificationSender: string;
  /** Members a group may hold, the owner included. */
  maxMembers: number;
  /** How long an invitation lasts. */
  invitationTtlMs: number;
}

/** Why the notification sender cannot act: notices from it must be the gateway's alone. */
const RESERVED_CALLER = 'this user id is reserved for group notifications';

/** A key's first request may have been undone (and its key forgotten) while this one looked: act again, a few times at most. */
const MAX_KEY_RACES = 3;

/**
 * The one way a group changes. A use case plans inside the transaction; the runner:
 * 1. answers a repeated idempotency key with the first outcome (or `IdempotencyKeyReusedError`);
 * 2. refuses at once with `RateLimitedError` when the IM budget could not start even the change's
 *    first call before the request's deadline (a cheap check: nothing is planned or written);
 * 3. in one transaction: claims the key first (a concurrent request with the same key waits on
 *    it, then answers this one's outcome), plans the change, refuses it (rolled back) when the
 *    budget cannot start the calls that decide it in time, records the outcome with the key,
 *    writes the outbox rows and the plan's events (ready at once when no group call decides
 *    the change, else when its last one completes; then released by the releaser: `events/event-log.ts`), commits;
 * 4. sends the rows, undoing or withdrawing the change when the IM Service refuses or never hears
 *    of it (`delivery.ts`), then answers the outcome.
 */
export class ChangeRunner {
  private readonly delivery: ChangeDelivery;

  constructor(private readonly deps: ChangeRunnerDeps) {
    this.delivery = new ChangeDelivery(deps);
  }

  async run<Input extends ChangeInput, Outcome extends Json>(useCase: UseCase<Input, Outcome>, input: Input, scope: RequestScope): Promise<Outcome> {
    const actorId = this.requireCaller(scope);
    const claim = claimFor(actorId, useCase.name, input);
    for (let race = 0; ; race++) {
      if (claim) {
        const earlier = await earlierOutcome<Outcome>(this.deps.idempotency, claim);
        if (earlier !== undefined) return earlier;
      }
      this.shedBeforePlanning(useCase, input, scope);
      const written = await this.write(useCase, input, actorId, claim, scope);
      if (written) {
        // Ready at commit (no group call): released soon, off this request's path.
        if (written.ready) this.deps.events.kick();
        await this.delivery.send(written, scope);
        return written.outcome;
      }
      // A request with the same key committed first: the next turn answers its outcome.
      if (race >= MAX_KEY_RACES) throw new Error(`idempotency key of ${useCase.name} kept changing hands`);
    }
  }

  /** The planned change committed with its outbox rows and key; null when the key was taken meanwhile (rolled back). */
  private async write<Input extends ChangeInput, Outcome extends Json>(
    useCase: UseCase<Input, Outcome>,
    input: Input,
    actorId: string,
    claim: KeyClaim | null,
    scope: RequestScope,
  ): Promise<(WrittenChange<Outcome> & { ready: boolean }) | null> {
    const trx = await this.deps.store.db.startTransaction().execute();
    try {
      // The key first: on PostgreSQL a request with the same key, running now, waits here until this one ends.
      if (claim && !(await this.deps.idempotency.claim(trx, claim, Date.now()))) {
        await trx.rollback().execute();
        return null;
      }
      const context = new ChangeContext(trx, actorId, this.deps, { maxMembers: this.deps.maxMembers, notificationSender: this.deps.notificationSender, invitationTtlMs: this.deps.invitationTtlMs });
      const plan = await useCase.plan(context, input);
      const now = Date.now();
      const operations = this.operationsOf(plan, input.notify !== false, now);
      this.shedIfTooBusy(operations, scope);
      if (claim) await this.deps.idempotency.settle(trx, claim, JSON.stringify(plan.outcome));
      const rows = await this.writeOutbox(trx, plan, operations, now);
      // The events wait for the change's last group call; with none, the change stands at commit.
      const gate = rows.findLast((row) => !isNotification(row.operation))?.id ?? null;
      const eventIds = await this.deps.events.write(trx, { groupId: plan.groupId, actorId, occurredAt: now, gateOutboxId: gate }, plan.events);
      await trx.commit().execute();
      return { groupId: plan.groupId, rows, eventIds, undo: plan.undo, outcome: plan.outcome, claim, ready: gate === null && eventIds.length > 0 };
    } catch (error) {
      await rollBack(trx);
      throw error;
    }
  }

  /** The cheap check, before any work: the change's first call (`UseCase.firstCall`) could not start in time. */
  private shedBeforePlanning<Input extends ChangeInput>(useCase: UseCase<Input, Json>, input: Input, scope: RequestScope): void {
    const rateClass = useCase.firstCall?.(input) ?? null;
    const retryAfterMs = rateClass && this.deps.im.wouldWaitPast(rateClass, 1, scope.deadlineAt);
    if (retryAfterMs) throw new RateLimitedError(retryAfterMs);
  }

  /**
   * The plan's steps as outbox operations, its notices dropped when the caller asked for none. A
   * notice that trails the group call it describes rides that call (`bundled`: one call instead of
   * two, inside the group budget); a leading one, one split for size, or one the call cannot carry
   * stays a publish of its own.
   */
  private operationsOf(plan: Plan<Json>, notify: boolean, at: number): OutboxOperation[] {
    const operations: OutboxOperation[] = [];
    for (const step of plan.steps) {
      if ('call' in step) {
        operations.push(step.call);
        continue;
      }
      if (!notify) continue;
      const notices = notifications(this.deps.notificationSender, { ...step.notice, groupId: plan.groupId, at });
      const previous = operations.at(-1);
      const [only] = notices;
      const carried = previous && notices.length === 1 && only?.kind === 'publishNotification' ? bundled(previous, only) : null;
      if (carried) operations[operations.length - 1] = carried;
      else operations.push(...notices);
    }
    return operations;
  }

  /**
   * Refuses, before anything is committed, a change the IM budget could not start in time (the
   * limiter's own rule, `wouldWaitPast`). What counts is what decides the change's fate: its group
   * calls. Its notices never refuse it (they follow through the outbox), unless it has no group
   * call at all (a transfer): then its notice is the only way the IM Service hears of it.
   */
  private shedIfTooBusy(operations: readonly OutboxOperation[], scope: RequestScope): void {
    const groupCalls = operations.reduce((total, operation) => total + groupCallCount(operation), 0);
    const notices = operations.filter(isNotification).length;
    const [rateClass, calls] = groupCalls > 0 ? (['group', groupCalls] as const) : (['publish', notices] as const);
    if (calls === 0) return;
    const retryAfterMs = this.deps.im.wouldWaitPast(rateClass, calls, scope.deadlineAt);
    if (retryAfterMs !== null) throw new RateLimitedError(retryAfterMs);
  }

  private async writeOutbox(trx: ControlledTransaction<Database>, plan: Plan<Json>, operations: readonly OutboxOperation[], now: number) {
    const { groupId } = plan;
    const rows: WrittenChange<Json>['rows'] = [];
    for (const [index, operation] of operations.entries()) {
      // A notice before a group call must reach the IM Service first (Kicked before the quit, Dismiss before the dismissal).
      const leads = isNotification(operation) && operations.slice(index + 1).some((later) => !isNotification(later));
      rows.push({ id: await this.deps.outbox.insert(trx, { groupId, kind: operation.kind, payload: operation, now, leads }), operation, leads });
    }
    if (!plan.writtenPending && operations.some((operation) => !isNotification(operation))) await this.deps.groups.setSyncStatus(trx, groupId, 'PENDING');
    return rows;
  }

  /** The caller, who may not act as the notification sender. */
  private requireCaller(scope: RequestScope): string {
    if (scope.callerId === this.deps.notificationSender) throw new NotAuthenticatedError(RESERVED_CALLER);
    if (!scope.callerId) throw new NotAuthenticatedError(scope.authProblem ?? undefined);
    return scope.callerId;
  }
}

async function rollBack(trx: ControlledTransaction<Database>): Promise<void> {
  if (trx.isCommitted || trx.isRolledBack) return;
  // A rollback that fails too (the connection is gone) ends the transaction anyway; the first error is the one to report.
  await trx.rollback().execute().catch(() => undefined);
}

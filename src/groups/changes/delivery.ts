import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import { ImAuthError, ImRateLimitedError, type ImError } from '../../im/index.js';
import { RateLimitedError, UpstreamError } from '../errors.js';
import type { EventLog } from '../events/event-log.js';
import type { DispatchOutcome, OutboxDispatcher } from '../outbox/dispatcher.js';
import { compensationFor, isNotification, type OutboxOperation } from '../outbox/operations.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { settleSyncStatus } from '../outbox/sync-status.js';
import type { RequestScope } from '../scope.js';
import type { Store } from '../store/database.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { IdempotencyRepository } from '../store/idempotency.repository.js';
import type { Database } from '../store/tables.js';
import type { KeyClaim } from './idempotency.js';

export interface WrittenRow {
  id: number;
  operation: OutboxOperation;
  /** A notice that must reach the IM Service before the group calls after it (Kicked, Dismiss). */
  leads: boolean;
}

/** A change as committed: its outbox rows, how to take it back, and the key to forget if it is. */
export interface WrittenChange<Outcome> {
  groupId: string;
  rows: WrittenRow[];
  /** Its events, unreleased until it stands: discarded with an undo. */
  eventIds: number[];
  undo(trx: Transaction<Database>): Promise<void>;
  outcome: Outcome;
  claim: KeyClaim | null;
}

export interface ChangeDeliveryDeps {
  store: Store;
  groups: GroupsRepository;
  idempotency: IdempotencyRepository;
  outbox: OutboxRepository;
  events: EventLog;
  dispatcher: OutboxDispatcher;
  logger: Logger;
}

/**
 * A committed change's outbox rows sent at once, in order, until the request's deadline.
 *
 * Only group calls decide the change's fate; a notice never fails, withdraws or undoes it:
 * - all group calls sent: the change stands, SYNCED; a trailing notice rode its call (bound), or,
 *   published on its own, follows in the background;
 * - the IM Service refused a group call: the change is undone (and whatever part reached it compensated): `UpstreamError`;
 * - nothing reached the IM Service and the deadline passed: the change is withdrawn: `RateLimitedError` or a retryable `UpstreamError`;
 * - anything else (a timeout, an answer lost, a leading notice not through by the deadline):
 *   the change stands, PENDING, and the dispatcher finishes it.
 */
export class ChangeDelivery {
  constructor(private readonly deps: ChangeDeliveryDeps) {}

  /** An undone change leaves nothing to repeat: the same key may try again. */
  private async forgetKey(trx: Transaction<Database>, written: WrittenChange<unknown>): Promise<void> {
    if (written.claim) await this.deps.idempotency.delete(trx, written.claim.callerId, written.claim.key);
  }

  async send(written: WrittenChange<unknown>, scope: RequestScope): Promise<void> {
    const { groupId } = written;
    let reachedImService = false;
    for (const [index, row] of written.rows.entries()) {
      if (isNotification(row.operation) && !row.leads) {
        // Trailing notices: the client does not wait for them; they follow in order, each with a full attempt.
        const trailing = written.rows.slice(index).map((later) => later.id);
        void this.deps.dispatcher.sendInBackground(trailing, groupId, { requestId: scope.requestId });
        return;
      }
      if (row.leads) {
        const outcome = await this.leadingNotice(row, groupId, scope);
        if (outcome === 'published') reachedImService = true;
        // Not through yet (deferred, or still publishing past the deadline): the change stands, PENDING, behind it.
        if (outcome === 'pending') return;
        continue;
      }
      // A refusal here is undone below (its events discarded), not kept FAILED as a background one is.
      const outcome = await this.deps.dispatcher.dispatchInOrder(row.id, { ...scope, undoesRefusal: true });
      if (outcome.status === 'done') {
        reachedImService = true;
        continue;
      }
      if (outcome.status === 'rejected') return this.undo(written, index, outcome, scope);
      if (!reachedImService && neverSent(outcome)) return this.withdraw(written, outcome.error);
      return;
    }
  }

  /**
   * A notice that must precede its group call: waited for until the request's deadline but never
   * cut by it (a publish cut mid-way may have gone out, and is never repeated): past the deadline
   * the request stops waiting and the dispatch goes on in the background, under its claim.
   * 'dropped': refused or given up, so it holds nothing behind it.
   */
  private async leadingNotice(row: WrittenRow, groupId: string, scope: RequestScope): Promise<'published' | 'dropped' | 'pending'> {
    const dispatch = this.deps.dispatcher.sendInBackground([row.id], groupId, { requestId: scope.requestId });
    const waitMs = Math.max(0, scope.deadlineAt - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => (timer = setTimeout(resolve, waitMs, 'deadline')));
    const first = await Promise.race([dispatch.then(() => 'sent' as const), deadline]);
    clearTimeout(timer);
    if (first === 'deadline') return 'pending';
    const after = await this.deps.outbox.get(row.id);
    if (after?.status === 'DONE') return 'published';
    return after?.status === 'FAILED' ? 'dropped' : 'pending';
  }

  /** The IM Service refused: the store goes back, and what reached the IM Service is taken back there too. */
  private async undo(
    written: WrittenChange<unknown>,
    index: number,
    outcome: Extract<DispatchOutcome, { status: 'rejected' }>,
    scope: RequestScope,
  ): Promise<never> {
    const { groupId } = written;
    const refused = written.rows[index]!;
    const compensation = compensationFor(refused.operation, outcome.progress);
    let compensationId: number | null = null;
    await this.deps.store.db.transaction().execute(async (trx) => {
      await this.deps.groups.lock(trx, groupId);
      await written.undo(trx);
      await this.forgetKey(trx, written);
      const now = Date.now();
      for (const row of written.rows.slice(index)) await this.deps.outbox.withdraw(trx, row.id, now);
      if (compensation) {
        compensationId = await this.deps.outbox.insert(trx, { groupId, kind: compensation.kind, payload: compensation, now });
      }
      if (await this.deps.groups.findActive(trx, groupId)) await settleSyncStatus(trx, this.deps.groups, groupId);
      await this.deps.events.discard(trx, written.eventIds);
    });
    // The group's later changes' events no longer wait on this one's.
    this.deps.events.kick();
    // A compensation refused in turn leaves the group FAILED with its reason (see the dispatcher's `settleFailure`).
    if (compensationId !== null) void this.deps.dispatcher.sendInBackground([compensationId], groupId, { requestId: scope.requestId });
    this.deps.logger.warn(
      { groupId, kind: refused.operation.kind, imCode: outcome.error.imCode, requestId: scope.requestId },
      'change refused by the IM Service, undone',
    );
    throw new UpstreamError(refusalMessage(outcome.error), outcome.error.imCode, false);
  }

  /**
   * Nothing reached the IM Service before the deadline: rather than keep a change the IM
   * Service has never heard of, it is withdrawn and the caller told when to try again.
   */
  private async withdraw(written: WrittenChange<unknown>, error: unknown): Promise<void> {
    const { groupId } = written;
    const withdrawn = await this.deps.store.db.transaction().execute(async (trx): Promise<boolean> => {
      await this.deps.groups.lock(trx, groupId);
      const now = Date.now();
      for (const row of written.rows) {
        if (!(await this.deps.outbox.withdraw(trx, row.id, now))) return false;
      }
      await written.undo(trx);
      await this.forgetKey(trx, written);
      if (await this.deps.groups.findActive(trx, groupId)) await settleSyncStatus(trx, this.deps.groups, groupId);
      await this.deps.events.discard(trx, written.eventIds);
      return true;
    });
    // A dispatcher picked a row up meanwhile: the change is on its way, so it stands, pending.
    if (!withdrawn) return;
    // The group's later changes' events no longer wait on this one's.
    this.deps.events.kick();
    if (error instanceof ImRateLimitedError) throw new RateLimitedError(error.retryAfterMs);
    throw new UpstreamError('The IM Service could not be reached; nothing was changed. Try again shortly.', null, true);
  }
}

/** True when the failure proves the IM Service never acted on the row. */
function neverSent(outcome: DispatchOutcome): outcome is Extract<DispatchOutcome, { status: 'deferred' }> {
  if (outcome.status !== 'deferred' || outcome.progress > 0) return false;
  const error = outcome.error as Partial<ImError> | null;
  return error?.mayHaveTakenEffect === false;
}

function refusalMessage(error: ImError): string {
  if (error instanceof ImAuthError) {
    return `The IM Service refused the gateway's credentials (code ${error.imCode ?? 'none'}); nothing was changed. This needs an operator.`;
  }
  return `The IM Service refused the change (code ${error.imCode ?? 'none'}); nothing was changed.`;
}

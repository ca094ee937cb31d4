import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import { decodeEventCursor, encodeEventCursor } from '../cursors.js';
import type { EventsRepository, EventWrite } from '../store/events.repository.js';
import type { Database } from '../store/tables.js';
import type { EventDraft, GroupEvent } from './event.js';
import { EventReleaser } from './releaser.js';

export type ReleasedListener = (events: readonly GroupEvent[]) => void | Promise<void>;

/** Most events one read answers, whatever the caller asks: a read is one bounded statement. */
export const MAX_EVENTS_READ = 1000;

/** A read from a cursor retention has already pruned past: events after it are gone, the reader must refetch. */
export class CursorExpiredError extends Error {
  constructor(readonly oldestCursor: string) {
    super('the events after this cursor are no longer kept: refetch, then resume from the oldest cursor kept');
  }
}

/**
 * The durable event log: the contract the delivery side (subscriptions, the per-instance hub) codes against.
 *
 * - **Written** by the change runner in the change's own transaction (a use case's `Plan.events`),
 *   unreleased: no read sees it yet.
 * - **Ready** once the change stands: at commit when the change makes no group call, else in the
 *   transaction that completes its last group call (or gives it up after `OUTBOX_MAX_ATTEMPTS`,
 *   or records a refusal the store keeps: a background send), or when an operator's reconcile
 *   supersedes its failed call. Marking ready is one cheap UPDATE (or the insert itself) and takes
 *   no lock beyond the group's. An undone or withdrawn change's events are never made ready:
 *   they are discarded in the undo's transaction, never seen by anyone.
 * - **Released** (readable, given its cursor) by the per-instance releaser (`releaser.ts`), off the
 *   mutations' path: kicked after every commit that made events ready, and sweeping every
 *   `EVENT_RELEASE_SWEEP_MS` (events another instance made ready and did not release before it
 *   died, or the reconcile CLI's). A group's events go in change order: none before every earlier
 *   change of the group is released or discarded. A mutation's answer does not wait for it.
 * - **Cursor**: one global sequence given at release, in commit order (also on PostgreSQL: each
 *   release batch is one short transaction that locks the counter row first and until it commits),
 *   so every cursor is greater than every cursor committed before it, and reading `after` a cursor
 *   never skips an event that committed late. Opaque string for clients (`encodeEventCursor`);
 *   `null` means from the oldest kept. Sequences may have gaps (an event discarded mid-release).
 * - **Reads** answer released events in cursor order, at most `limit` (capped at `MAX_EVENTS_READ`),
 *   and throw `CursorExpiredError` when retention pruned events after the cursor (refetch, then
 *   resume from `oldestCursor()`); a malformed cursor is an `InvalidInputError`.
 * - **`onReleased`** listeners are called with each batch of released events (one group's, in
 *   cursor order) after the releasing transaction commits, never before, on the instance whose
 *   releaser released them (any instance's: usually the one that made the change ready). A listener's error or rejection is logged, never thrown into the change.
 *   Delivery must not rely on listeners alone (a process may die between commit and call): readers
 *   catch up by cursor.
 */
export class EventLog {
  private readonly listeners = new Set<ReleasedListener>();
  private readonly releaser: EventReleaser;

  constructor(
    private readonly repository: EventsRepository,
    private readonly logger: Logger,
    releaseBatch?: number,
  ) {
    this.releaser = new EventReleaser(repository, (events) => this.announce(events), logger, releaseBatch);
  }

  /** Writes a change's events, unreleased (ready at once when `gateOutboxId` is null: `kick` after commit); their ids, to discard them should the change be undone. */
  write(trx: Transaction<Database>, write: EventWrite, drafts: readonly EventDraft[]): Promise<number[]> {
    return this.repository.insert(trx, write, drafts);
  }

  /** Marks ready the events the settled outbox row `gateOutboxId` gated (its change stands): `kick` after commit. */
  markReady(trx: Transaction<Database>, gateOutboxId: number): Promise<void> {
    return this.repository.markReady(trx, gateOutboxId);
  }

  /** Discards an undone or withdrawn change's unreleased events (the group's later ones no longer wait on them: `kick` after commit). */
  discard(trx: Transaction<Database>, eventIds: readonly number[]): Promise<void> {
    return this.repository.discard(trx, eventIds);
  }

  /** After an operator's reconcile RESOLVED the group's failed rows: their changes stand, their events are ready (see `readySuperseded`). */
  readySuperseded(trx: Transaction<Database>, groupId: string): Promise<void> {
    return this.repository.readySuperseded(trx, groupId);
  }

  /** After a commit that made events ready (or unblocked them): the releaser gives them their cursor soon, off the caller's path. */
  kick(): void {
    this.releaser.kick();
  }

  /** The periodic sweep (and a pass now): picks up events made ready by another instance that died, or the reconcile CLI. */
  startReleasing(everyMs?: number): void {
    this.releaser.start(everyMs);
  }

  /** Stops releasing and waits for a pass under way: before the store closes. */
  stopReleasing(): Promise<void> {
    return this.releaser.stop();
  }

  /** Resolves once no release pass is in flight. */
  releasedSoFar(): Promise<void> {
    return this.releaser.idle();
  }

  /** Release passes that failed (logged; the next kick or sweep tries again). */
  get releaseFailures(): number {
    return this.releaser.failures;
  }

  /** Tells the listeners; the releaser calls it after its transaction committed. Never throws. */
  private announce(events: readonly GroupEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        const done = listener(events);
        if (done instanceof Promise) done.catch((error: unknown) => this.listenerFailed(error));
      } catch (error) {
        this.listenerFailed(error);
      }
    }
  }

  /** Listens to every event this instance releases, after commit. Answers a function that stops listening. */
  onReleased(listener: ReleasedListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Every released event after `cursor` (null: from the oldest kept), in cursor order: for the per-instance hub. */
  async readAfter(cursor: string | null, limit: number): Promise<GroupEvent[]> {
    return this.checked(cursor, (after) => this.repository.readAfter(after, bounded(limit)));
  }

  /** One group's released events after `cursor`, in cursor order. */
  async readGroupAfter(groupId: string, cursor: string | null, limit: number): Promise<GroupEvent[]> {
    return this.checked(cursor, (after) => this.repository.readGroupAfter(groupId, after, bounded(limit)));
  }

  /**
   * What a user's conversation list needs after `cursor`: created with or added to a group,
   * removed from it, left it, a group of theirs updated or dismissed, their role changed, ownership
   * transferred to or from them. "A group of theirs" is decided when the event was written: a user
   * removed after the cursor still gets the group's events from before the removal; a user added
   * after it does not get the group's earlier ones.
   */
  async readViewerAfter(userId: string, cursor: string | null, limit: number): Promise<GroupEvent[]> {
    return this.checked(cursor, (after) => this.repository.readViewerAfter(userId, after, bounded(limit)));
  }

  /** Who hears of each of these released events in their conversation list (`readViewerAfter`'s rows), by sequence: for the hub. */
  viewerAudiences(events: readonly GroupEvent[]): Promise<Map<number, readonly string[]>> {
    return this.repository.audiences(events.map((event) => event.sequence));
  }

  /** The cursor of the last event released (null: none yet): a new stream starts after it. */
  async latestCursor(): Promise<string | null> {
    const { lastSequence } = await this.repository.positions();
    return lastSequence === 0 ? null : encodeEventCursor(lastSequence);
  }

  /** The oldest cursor one may still resume after (null: nothing was ever pruned, resume from anywhere). */
  async oldestCursor(): Promise<string | null> {
    const { prunedThrough } = await this.repository.positions();
    return prunedThrough === 0 ? null : encodeEventCursor(prunedThrough);
  }

  /** Deletes released events older than `before` (epoch ms), a bounded batch at a time; how many went. */
  async prune(before: number, batch = 10_000): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await this.repository.prune(before, batch);
      total += deleted;
      if (deleted < batch) return total;
    }
  }

  /**
   * Reads after the cursor's sequence, then checks retention had not pruned past it: checked after
   * the read (pruning only moves forward), so a prune committed before the read's snapshot is seen,
   * and one after it removed nothing the read missed.
   */
  private async checked(cursor: string | null, read: (after: number) => Promise<GroupEvent[]>): Promise<GroupEvent[]> {
    if (cursor === null) return read(0);
    const sequence = decodeEventCursor(cursor);
    const events = await read(sequence);
    const { prunedThrough } = await this.repository.positions();
    if (sequence < prunedThrough) throw new CursorExpiredError(encodeEventCursor(prunedThrough));
    return events;
  }

  private listenerFailed(error: unknown): void {
    this.logger.error({ err: error instanceof Error ? error : { message: String(error) } }, 'event listener failed (the events stay in the log)');
  }
}

function bounded(limit: number): number {
  return Math.max(0, Math.min(Math.floor(limit), MAX_EVENTS_READ));
}

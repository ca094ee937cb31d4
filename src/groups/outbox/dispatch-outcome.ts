import type { ImError } from '../../im/index.js';

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
  /**
   * The caller undoes the change should the IM Service refuse it (a mutation's own send), so a
   * refusal leaves its events unreleased for the undo to discard. Otherwise (a background send)
   * the store keeps a refused change, FAILED for an operator, and its events are released.
   */
  undoesRefusal?: boolean;
}

/** What the dispatcher reports of its work, for metrics. */
export interface DispatchObserver {
  dispatched(kind: string, status: DispatchOutcome['status']): void;
  /** A dispatch ended in an unexpected error (a database error, say); the row is tried again later. */
  failed?(): void;
  /** A notice given up without knowing whether the IM Service published it (at most once: never repeated). */
  unconfirmedNotice?(): void;
}

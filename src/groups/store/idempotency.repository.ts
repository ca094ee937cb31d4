import type { Kysely } from 'kysely';
import type { Executor } from './groups.repository.js';
import type { Database } from './tables.js';

export interface IdempotencyRecord {
  operation: string;
  requestHash: string;
  /** The first request's result, as its mutation encoded it. */
  outcome: string;
}

export interface NewIdempotencyRecord extends IdempotencyRecord {
  callerId: string;
  key: string;
  now: number;
}

/** Idempotency keys, scoped to the caller, each written in the transaction of the change it made. */
export class IdempotencyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Claims the key for the change about to be made in this transaction; false when the caller
   * already used it (nothing is written then). On PostgreSQL a claim by a transaction still
   * running waits until that transaction ends. The outcome is filled in (`settle`) before commit.
   */
  async claim(executor: Executor, record: Omit<NewIdempotencyRecord, 'outcome' | 'now'>, now: number): Promise<boolean> {
    const inserted = await executor
      .insertInto('idempotency_keys')
      .values({
        caller_id: record.callerId,
        key: record.key,
        operation: record.operation,
        request_hash: record.requestHash,
        // Never seen by another transaction: `settle` replaces it in the one that claimed the key.
        outcome: '',
        created_at: now,
      })
      .onConflict((conflict) => conflict.columns(['caller_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  /** The claimed key's outcome, to repeat to a retry. */
  async settle(executor: Executor, claim: { callerId: string; key: string }, outcome: string): Promise<void> {
    await executor.updateTable('idempotency_keys').set({ outcome }).where('caller_id', '=', claim.callerId).where('key', '=', claim.key).execute();
  }

  async find(callerId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_keys')
      .select(['operation', 'request_hash', 'outcome'])
      .where('caller_id', '=', callerId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && { operation: row.operation, requestHash: row.request_hash, outcome: row.outcome ?? '' };
  }

  async delete(executor: Executor, callerId: string, key: string): Promise<void> {
    await executor.deleteFrom('idempotency_keys').where('caller_id', '=', callerId).where('key', '=', key).execute();
  }

  /** Forgets keys recorded before `cutoff`. */
  async deleteOlderThan(cutoff: number): Promise<number> {
    const result = await this.db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

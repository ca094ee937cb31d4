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

  /** Records the key; false when the caller already used it (nothing is written then). */
  async insert(executor: Executor, record: NewIdempotencyRecord): Promise<boolean> {
    const inserted = await executor
      .insertInto('idempotency_keys')
      .values({
        caller_id: record.callerId,
        key: record.key,
        operation: record.operation,
        request_hash: record.requestHash,
        outcome: record.outcome,
        created_at: record.now,
      })
      .onConflict((conflict) => conflict.columns(['caller_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
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

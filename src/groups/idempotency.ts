import { createHash } from 'node:crypto';
import { KeyAlreadyRecorded, type IdempotentRecord, type RequestScope } from './changes.js';
import { IdempotencyKeyReusedError, NotAuthenticatedError } from './errors.js';
import type { IdempotencyRepository } from './store/idempotency.repository.js';

export type KeyRecord = Omit<IdempotentRecord<never>, 'encode'>;

export interface IdempotentHandlers<T> {
  /** Rebuilds the first request's result from what it recorded. */
  replay(outcome: string): Promise<T>;
  /** Runs the request; with a key, the change must record it (see `ChangeRunner.run`). */
  run(record?: KeyRecord): Promise<T>;
}

/**
 * Runs a keyed request once per caller and key. The key is recorded in the change's own
 * transaction, so a crash never leaves a change without its key or a key without its change;
 * a change that is undone forgets its key, so a retry with it acts again.
 */
export class IdempotencyGuard {
  constructor(private readonly keys: IdempotencyRepository) {}

  async run<T>(scope: RequestScope, key: string | null | undefined, operation: string, request: unknown, handlers: IdempotentHandlers<T>): Promise<T> {
    if (!key) return handlers.run();
    if (!scope.callerId) throw new NotAuthenticatedError(scope.authProblem ?? undefined);
    const record: KeyRecord = { callerId: scope.callerId, key, operation, requestHash: hashRequest(operation, request) };
    const earlier = await this.earlierOutcome(record);
    if (earlier !== null) return handlers.replay(earlier);
    try {
      return await handlers.run(record);
    } catch (error) {
      if (!(error instanceof KeyAlreadyRecorded)) throw error;
      // A concurrent request with the same key won the race: repeat its result.
      const outcome = await this.earlierOutcome(record);
      if (outcome === null) throw error;
      return handlers.replay(outcome);
    }
  }

  private async earlierOutcome(record: KeyRecord): Promise<string | null> {
    const earlier = await this.keys.find(record.callerId, record.key);
    if (!earlier) return null;
    if (earlier.operation !== record.operation || earlier.requestHash !== record.requestHash) {
      throw new IdempotencyKeyReusedError(record.key);
    }
    return earlier.outcome;
  }
}

/** Same operation and same input, field order aside, give the same hash. */
function hashRequest(operation: string, request: unknown): string {
  return createHash('sha256').update(stableJson([operation, request])).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError } from '../errors.js';
import type { IdempotencyRepository } from '../store/idempotency.repository.js';
import type { ChangeInput, Json } from './change.js';

/** An idempotency key as the runner records it, in the change's own transaction. */
export interface KeyClaim {
  callerId: string;
  key: string;
  /** The use case the key was first used with. */
  operation: string;
  /** The first request's input, hashed: the same key with another input is refused. */
  requestHash: string;
}

/** How long an idempotency key is remembered, at least. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export function claimFor(callerId: string, operation: string, input: ChangeInput): KeyClaim | null {
  const { idempotencyKey, ...request } = input;
  if (!idempotencyKey) return null;
  return { callerId, key: idempotencyKey, operation, requestHash: hashRequest(operation, request) };
}

/**
 * The outcome an earlier request with this key recorded (undefined when there is none), or
 * `IdempotencyKeyReusedError` when that request was another.
 */
export async function earlierOutcome<Outcome extends Json>(keys: IdempotencyRepository, claim: KeyClaim): Promise<Outcome | undefined> {
  const earlier = await keys.find(claim.callerId, claim.key);
  if (!earlier) return undefined;
  if (earlier.operation !== claim.operation || earlier.requestHash !== claim.requestHash) throw new IdempotencyKeyReusedError(claim.key);
  return JSON.parse(earlier.outcome) as Outcome;
}

/**
 * Same operation and same input give the same hash, whatever the order of fields and whether
 * `notify` was left at its default. Null stays distinct from absent: `avatarUrl: null` removes a picture.
 */
function hashRequest(operation: string, request: Record<string, unknown>): string {
  const normalized = { ...request, notify: request.notify !== false };
  return createHash('sha256').update(stableJson([operation, normalized])).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

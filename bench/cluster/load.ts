/**
 * The cluster scenario's load: createGroup requests round-robin over the gateways, each retried with
 * its idempotency key until a final answer; first a warm-up and one window's pause, then the
 * measured backlog, optionally with redis-server killed and restarted (empty) in the middle.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'undici';
import { mutationBody } from '../../test/kit/client.js';
import type { ResolvedOptions } from './options.js';
import type { ReadyScene } from './setup.js';

/** One group the load asks for; the verification checks each against the store and the IM Service. */
export interface Planned {
  index: number;
  groupId: string;
  ownerId: string;
  memberIds: string[];
  key: string;
}

export interface RedisOutage {
  /** Epoch ms: redis-server killed, then answering again. */
  stoppedAt: number;
  backAt: number;
}

export interface LoadOutcome {
  warmups: Planned[];
  planned: Planned[];
  /** Final answers (warm-up included) and retried answers by reason. */
  answers: Record<string, number>;
  retries: Record<string, number>;
  /** Epoch ms the measured requests began; the rate counts the calls from then on. */
  loadStartedAt: number;
  loadMs: number;
  redisOutage: RedisOutage | null;
}

export async function runLoad(scene: ReadyScene, options: ResolvedOptions): Promise<LoadOutcome> {
  const { instances, requests, concurrency, progress } = options;
  const plan = (tag: string, index: number): Planned => ({
    index,
    groupId: `cl${scene.runId}${tag}${index}`,
    ownerId: `owner${index % 7}`,
    memberIds: [`m${tag}${index}a`, `m${tag}${index}b`],
    key: `cluster-${scene.runId}-${tag}${index}`,
  });
  const warmups = Array.from({ length: options.warmupPerInstance * instances }, (_, index) => plan('w', index));
  const planned = Array.from({ length: requests }, (_, index) => plan('n', index));
  const answers: Record<string, number> = {};
  const retries: Record<string, number> = {};
  /** Sends `batch[i]` to gateway i mod N, `workers` at a time, counting every final answer. */
  const send = async (batch: Planned[], workers: number, onAnswer = () => {}) => {
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < batch.length; i = next++) {
        const answer = await createWithRetries(scene.pools[i % instances]!, batch[i]!, retries, 60_000);
        answers[answer] = (answers[answer] ?? 0) + 1;
        onAnswer();
      }
    };
    await Promise.all(Array.from({ length: workers }, worker));
  };

  if (warmups.length > 0) {
    // A few at a time per instance, then one window's pause: the measured calls start on an idle budget.
    await send(warmups, 4 * instances);
    await sleep(1200);
    progress(`warm-up: ${warmups.length} requests answered`);
  }

  let answered = 0;
  let redisOutage: RedisOutage | null = null;
  let restarting: Promise<void> | null = null;
  const maybeRestartRedis = () => {
    if (restarting || options.restartRedisAfterAnswers === undefined || answered < options.restartRedisAfterAnswers) return;
    restarting = (async () => {
      const stoppedAt = Date.now();
      await scene.redis.stop();
      progress(`redis-server killed after ${answered} answers`);
      await sleep(options.redisDownMs);
      await scene.redis.start();
      redisOutage = { stoppedAt, backAt: Date.now() };
      progress(`redis-server back (empty) after ${redisOutage.backAt - stoppedAt} ms`);
    })();
  };

  const loadStartedAt = Date.now();
  await send(planned, Math.min(concurrency, requests), () => {
    answered++;
    maybeRestartRedis();
  });
  if (restarting) await restarting;
  const loadMs = Date.now() - loadStartedAt;
  progress(`${requests} requests answered in ${loadMs} ms; answers (warm-up included): ${JSON.stringify(answers)}; retries ${JSON.stringify(retries)}`);
  return { warmups, planned, answers, retries, loadStartedAt, loadMs, redisOutage };
}

interface CreateAnswer {
  __typename?: string;
  retryAfterMs?: number;
  retryable?: boolean;
  message?: string;
  group?: { groupId: string; syncStatus: string; memberCount: number };
}

/** The final answer, or why and after how long to send the request again. */
type Outcome = { final: string } | { retry: string; afterMs: number };

/** The same request (same idempotency key) until a final answer, for at most `giveUpMs`. */
async function createWithRetries(pool: Pool, request: Planned, retries: Record<string, number>, giveUpMs: number): Promise<string> {
  const giveUpAt = Date.now() + giveUpMs;
  for (;;) {
    const outcome = await sendOnce(pool, request);
    if ('final' in outcome) return outcome.final;
    retries[outcome.retry] = (retries[outcome.retry] ?? 0) + 1;
    if (Date.now() > giveUpAt) return `gave up after retries (last: ${outcome.retry})`;
    // A little jitter, so that refused requests do not come back in one wave.
    await sleep(outcome.afterMs + Math.floor(Math.random() * 50));
  }
}

async function sendOnce(pool: Pool, request: Planned): Promise<Outcome> {
  const body = JSON.stringify(
    mutationBody('createGroup', { groupId: request.groupId, name: `Cluster ${request.index}`, memberIds: request.memberIds, notify: false, idempotencyKey: request.key }),
  );
  let status: number;
  let text: string;
  try {
    const response = await pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-user-id': request.ownerId },
      body,
      headersTimeout: 60_000,
      bodyTimeout: 60_000,
    });
    status = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    return { retry: `network: ${error instanceof Error ? error.message : String(error)}`, afterMs: 200 };
  }
  let answer: CreateAnswer | undefined;
  let errors: Array<{ message: string }> | undefined;
  try {
    const json = JSON.parse(text) as { data?: { createGroup?: CreateAnswer } | null; errors?: Array<{ message: string }> };
    answer = json.data?.createGroup;
    errors = json.errors;
  } catch {
    return { final: `HTTP ${status}: not JSON` };
  }
  if (!answer?.__typename) return { final: `HTTP ${status}: ${errors?.map((error) => error.message).join('; ') ?? text.slice(0, 200)}` };
  if (answer.__typename === 'RateLimitedError') return { retry: 'RateLimitedError', afterMs: Math.max(50, answer.retryAfterMs ?? 100) };
  if (answer.__typename === 'UpstreamError' && answer.retryable) return { retry: 'UpstreamError (retryable)', afterMs: 250 };
  if (answer.__typename === 'CreateGroupSuccess' && answer.group?.groupId !== request.groupId) {
    return { final: `CreateGroupSuccess for ${answer.group?.groupId ?? 'no group'}, expected ${request.groupId}` };
  }
  return { final: answer.__typename === 'CreateGroupSuccess' ? 'CreateGroupSuccess' : `${answer.__typename}: ${answer.message ?? ''}` };
}

/**
 * An open-loop load: requests leave at a fixed rate whatever the answers do (a closed loop would
 * slow down with the server and hide its queueing), each timed from its planned start.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'undici';
import { percentile } from '../../src/emulator/log-stats.js';

export interface Sent {
  latencyMs: number;
  /** The answer's `__typename`, or what went wrong on the way. */
  outcome: string;
}

export interface OpenLoopFigures {
  sent: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers by outcome, e.g. `{ "CreateGroupSuccess": 500 }`. */
  outcomes: Record<string, number>;
}

/** Sends `perSecond × seconds` requests, `body(i)` each, on schedule; answers when every one is answered. */
export async function openLoop(pool: Pool, perSecond: number, seconds: number, body: (index: number) => string, caller: (index: number) => string): Promise<OpenLoopFigures> {
  const total = perSecond * seconds;
  const intervalMs = 1000 / perSecond;
  const started = performance.now();
  const inFlight: Array<Promise<Sent>> = [];
  for (let index = 0; index < total; index++) {
    const plannedAt = started + index * intervalMs;
    const wait = plannedAt - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(pool, body(index), caller(index), plannedAt));
  }
  const sent = await Promise.all(inFlight);
  const latencies = sent.map((one) => one.latencyMs);
  const outcomes: Record<string, number> = {};
  for (const { outcome } of sent) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  return { sent: total, p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)), outcomes };
}

async function send(pool: Pool, body: string, caller: string, plannedAt: number): Promise<Sent> {
  try {
    const response = await pool.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'x-user-id': caller },
      body,
    });
    const text = await response.body.text();
    const latencyMs = performance.now() - plannedAt;
    const typename = /"__typename":"(\w+)"/.exec(text)?.[1];
    return { latencyMs, outcome: response.statusCode === 200 && typename ? typename : `HTTP ${response.statusCode}` };
  } catch (error) {
    return { latencyMs: performance.now() - plannedAt, outcome: error instanceof Error ? error.name : 'error' };
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

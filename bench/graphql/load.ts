/**
 * bench:graphql's load generator, identical for every case: one undici Pool of CONCURRENCY
 * connections (no pipelining), CONCURRENCY workers each sending the case's fixed body again as soon
 * as the previous answer is read and checked, WARMUP_MS of warm-up, then MEASURE_MS in which correct
 * answers are counted and timed.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { percentile } from '../../src/emulator/log-stats.js';
import type { TargetProcess } from './target-process.js';

export const CONCURRENCY = 32;
export const WARMUP_MS = 2000;
export const MEASURE_MS = 5000;
const CALLER = 'benchuser';

const HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
  'x-user-id': CALLER,
};

export interface Figures {
  rps: number;
  answers: number;
  failures: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time over the measured window, in % of one core: is the server (or the load generator) saturated? */
  serverCpuPct: number;
  /** The server's CPU time per correct answer, in µs: what one answer costs it, whether or not it was saturated. */
  serverCpuUsPerAnswer: number;
  loadGenCpuPct: number;
  /** The first few distinct failure descriptions. */
  failureKinds: string[];
}

/** A failure description, or null when the answer is what the case expects. */
export type Check = (status: number, body: string) => string | null;

/** How long one measurement warms up and then counts. */
export interface Window {
  warmupMs: number;
  measureMs: number;
}

export async function measure(target: TargetProcess, body: string, check: Check, window: Window = { warmupMs: WARMUP_MS, measureMs: MEASURE_MS }): Promise<Figures> {
  const { warmupMs, measureMs } = window;
  const pool = new Pool(target.url, { connections: CONCURRENCY, pipelining: 1 });
  const started = performance.now();
  const measureFrom = started + warmupMs;
  const measureUntil = measureFrom + measureMs;
  let answers = 0;
  let failures = 0;
  const failureKinds = new Set<string>();
  const latencies: number[] = [];

  // CPU use of both sides over the measured window, read when it opens and when it closes.
  const cpuAt = async () => ({ server: (await target.request('cpuMicros'))!, loadGen: cpuMicros() });
  const cpuFrom = sleep(warmupMs, undefined, { ref: false }).then(cpuAt);
  const cpuUntil = sleep(warmupMs + measureMs, undefined, { ref: false }).then(cpuAt);

  const fail = (reason: string) => {
    failures++;
    if (failureKinds.size < 5) failureKinds.add(reason);
  };

  const worker = async () => {
    while (performance.now() < measureUntil) {
      const sentAt = performance.now();
      let failure: string | null;
      try {
        const response = await pool.request({ path: '/graphql', method: 'POST', headers: HEADERS, body });
        failure = check(response.statusCode, await response.body.text());
      } catch (error) {
        failure = `request error: ${error instanceof Error ? error.message : String(error)}`;
      }
      const doneAt = performance.now();
      // Failures are counted over the whole run, warm-up included; the rate counts correct answers only.
      if (failure !== null) fail(failure);
      else if (doneAt >= measureFrom && doneAt < measureUntil) {
        answers++;
        latencies.push(doneAt - sentAt);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await pool.close();
  const [from, until] = await Promise.all([cpuFrom, cpuUntil]);
  const cpuPct = (micros: number) => round((100 * micros) / 1000 / measureMs, 0);

  return {
    rps: round(answers / (measureMs / 1000), 1),
    answers,
    failures,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    serverCpuPct: cpuPct(until.server - from.server),
    serverCpuUsPerAnswer: answers > 0 ? round((until.server - from.server) / answers, 0) : 0,
    loadGenCpuPct: cpuPct(until.loadGen - from.loadGen),
    failureKinds: [...failureKinds],
  };
}

/** One request outside the load, for set-up and for counting statements: its status and its body as text. */
export async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const pool = new Pool(url, { connections: 1 });
  try {
    const response = await pool.request({ path: '/graphql', method: 'POST', headers: HEADERS, body });
    return { status: response.statusCode, text: await response.body.text() };
  } finally {
    await pool.close();
  }
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

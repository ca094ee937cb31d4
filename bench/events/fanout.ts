import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, fetch as undiciFetch } from 'undici';
import { openSse, type SseStream } from '../../test/kit/sse.js';

/**
 * One fan-out measurement, the same for the gateway and the bare Yoga echo: `subscribers` SSE
 * streams open on one server, then `events` changes made one after another; each subscriber
 * notes when each item arrives. Fan-out latency is from the moment the change's request was sent
 * to the item's arrival at a subscriber (the change's own work included, the same for both).
 */
export interface FanoutRun {
  subscribers: number;
  /** Items delivered to subscribers per second, from the first change sent to the last item received. */
  eventsPerSecond: number;
  fanoutP50Ms: number;
  fanoutP99Ms: number;
  /** The server's resident memory added per open subscriber (KiB). */
  rssPerSubscriberKb: number;
  /** Items that never arrived (subscribers × events − received). */
  lost: number;
  /** Changes made, one after another. */
  events: number;
}

export interface FanoutScenario {
  subscribers: number;
  events: number;
  /** The server process, for its memory. */
  pid: number;
  baseUrl: string;
  /** The subscription body and headers of subscriber `i`. */
  subscribe(i: number): { body: { query: string; variables?: unknown }; headers: Record<string, string> };
  /** True when an item is one of the measured events (not a heartbeat-like or a terminal member). */
  isEvent(item: unknown): boolean;
  /** Makes change `k` (resolves when its answer arrived). */
  change(k: number): Promise<void>;
  /** Resolves once the server counts every stream open (its subscriptions are registered, not merely connected). */
  allOpen(): Promise<void>;
}

export async function measureFanout(scenario: FanoutScenario): Promise<FanoutRun> {
  const agent = new Agent({ connections: scenario.subscribers + 16, pipelining: 0, bodyTimeout: 0, headersTimeout: 60_000 });
  const fetchVia = ((input: string, init: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
  const rssBefore = rssKb(scenario.pid);
  const arrivals: number[][] = [];
  const streams: Array<SseStream<unknown>> = [];
  for (let start = 0; start < scenario.subscribers; start += 100) {
    const batch = Array.from({ length: Math.min(100, scenario.subscribers - start) }, (_, j) => start + j);
    streams.push(
      ...(await Promise.all(
        batch.map(async (i) => {
          const { body, headers } = scenario.subscribe(i);
          const stream = await openSse<unknown>(scenario.baseUrl, body, { headers, fetch: fetchVia, capture: false });
          const seen: number[] = [];
          arrivals[i] = seen;
          stream.onItem((item) => {
            if (scenario.isEvent(item)) seen.push(performance.now());
          });
          return stream;
        }),
      )),
    );
  }
  await scenario.allOpen();
  const sentAt: number[] = [];
  const firstSent = performance.now();
  for (let k = 0; k < scenario.events; k++) {
    sentAt.push(performance.now());
    await scenario.change(k);
  }
  const expected = scenario.subscribers * scenario.events;
  const giveUpAt = Date.now() + 20_000;
  while (arrivals.reduce((sum, seen) => sum + seen.length, 0) < expected && Date.now() < giveUpAt) await sleep(20);
  const rssAfter = rssKb(scenario.pid);
  const latencies: number[] = [];
  let lastArrival = firstSent;
  for (const seen of arrivals) {
    for (const [k, at] of seen.entries()) {
      if (k >= sentAt.length) break;
      latencies.push(at - sentAt[k]!);
      lastArrival = Math.max(lastArrival, at);
    }
  }
  for (const stream of streams) stream.close();
  await Promise.all(streams.map((stream) => stream.ended));
  await agent.close();
  latencies.sort((a, b) => a - b);
  const received = latencies.length;
  return {
    subscribers: scenario.subscribers,
    eventsPerSecond: Math.round(received / ((lastArrival - firstSent) / 1000)),
    fanoutP50Ms: round(percentile(latencies, 0.5)),
    fanoutP99Ms: round(percentile(latencies, 0.99)),
    rssPerSubscriberKb: round(Math.max(0, rssAfter - rssBefore) / scenario.subscribers),
    lost: expected - received,
    events: scenario.events,
  };
}

/** A process's resident set (Linux /proc), in KiB. */
export function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

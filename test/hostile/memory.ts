import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, spawnGateway, type GatewayProcess } from '../fixtures/process.js';

/**
 * A gateway process of its own for memory measurements, run as a container would run it: a heap
 * limit (so the garbage collector does not idle on hundreds of MB of garbage and a reading means
 * something; a leak crashes it instead) and two malloc arenas (so freed request buffers go back
 * to the system). Its resident size is read from its own `process_resident_memory_bytes`.
 */
export async function gatewayProcess(env: Record<string, string> = {}): Promise<{ url: string; gateway: GatewayProcess }> {
  const port = await freePort();
  const gateway = spawnGateway({
    PORT: String(port),
    DATABASE_URL: ':memory:',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    NODE_OPTIONS: '--max-old-space-size=192',
    MALLOC_ARENA_MAX: '2',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  // LOG_LEVEL=warn hides the ready line (and one line per operation): wait for /health instead.
  const giveUpAt = Date.now() + 60_000;
  while (!(await fetch(`${url}/health`).then((response) => response.ok, () => false))) {
    if (gateway.child.exitCode !== null || Date.now() > giveUpAt) throw new Error(`the gateway did not start:\n${gateway.output()}`);
    await sleep(100);
  }
  return { url, gateway };
}

export async function scrape(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${url}/metrics`);
  return { status: response.status, text: await response.text() };
}

/** The gateway's resident size in MB, from a scrape of its /metrics. */
export function residentMb(metrics: string): number {
  const line = metrics.split('\n').find((entry) => entry.startsWith('process_resident_memory_bytes '));
  if (!line) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(line.split(' ')[1]) / 1024 / 1024;
}

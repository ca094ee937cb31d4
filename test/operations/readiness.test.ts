import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually, startGateway } from '../fixtures/gateway.js';
import { freePort, freshDir, spawnGateway, waitForLog } from '../fixtures/process.js';
import { startPrivateRedis } from '../fixtures/redis.js';

const redis = await startPrivateRedis();
afterAll(() => redis?.stop());

async function ready(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('/ready', () => {
  it('answers 200 with the database up and Redis off when the budget is local', async () => {
    const fixture = await startGateway();
    try {
      expect(await ready(fixture.url)).toEqual({ status: 200, body: { ready: true, database: 'up', redis: 'off', stopping: false } });
    } finally {
      await fixture.close();
    }
  });

  it.skipIf(redis === null)('turns 503 while the shared budget’s Redis is down, and 200 again when it is back', async () => {
    const fixture = await startGateway({ config: { redis: { url: redis!.url, keyPrefix: `ready-${process.pid}` } } });
    try {
      expect((await ready(fixture.url)).body).toMatchObject({ ready: true, redis: 'up' });
      await redis!.stop();
      expect(await ready(fixture.url)).toMatchObject({ status: 503, body: { ready: false, database: 'up', redis: 'down' } });
      await redis!.start();
      await eventually(async () => (await ready(fixture.url)).status === 200, 10_000);
    } finally {
      await fixture.close();
    }
  });
});

describe('SIGTERM', () => {
  it('turns /ready to 503 first, keeps serving through the grace period, then exits 0', { timeout: 60_000 }, async () => {
    const port = await freePort();
    const gateway = spawnGateway({
      PORT: String(port),
      DATABASE_URL: join(freshDir(), 'gateway.sqlite'),
      SHUTDOWN_GRACE_MS: '1500',
      LOG_LEVEL: 'info',
    });
    await waitForLog(gateway, 'gateway ready');
    const url = `http://127.0.0.1:${port}`;
    expect((await ready(url)).status).toBe(200);

    const signalledAt = Date.now();
    gateway.child.kill('SIGTERM');
    await waitForLog(gateway, 'stopping');
    expect(await ready(url)).toMatchObject({ status: 503, body: { stopping: true } });
    // Still serving during the grace period.
    expect((await fetch(`${url}/health`)).status).toBe(200);

    expect(await gateway.exited).toBe(0);
    const tookMs = Date.now() - signalledAt;
    expect(tookMs).toBeGreaterThanOrEqual(1400);
  });
});

import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

/**
 * Start-up waits for a dependency (the database, Redis) instead of crashing while it comes up,
 * saying what it waits for; it gives up after `timeoutMs` with the last reason.
 */
export async function waitFor<T>(what: string, attempt: () => Promise<T>, logger: Logger, timeoutMs = 60_000): Promise<T> {
  const giveUpAt = Date.now() + timeoutMs;
  for (let delayMs = 250; ; delayMs = Math.min(delayMs * 2, 5000)) {
    try {
      return await attempt();
    } catch (error) {
      const reason = error instanceof Error ? (((error as { code?: unknown }).code as string | undefined) ?? error.message) : String(error);
      if (Date.now() + delayMs > giveUpAt) throw new Error(`${what} did not become available within ${timeoutMs / 1000} s (${reason})`);
      logger.warn({ reason, retryInMs: delayMs }, `waiting for ${what}`);
      await sleep(delayMs);
    }
  }
}

import type { Logger } from 'pino';
import type { EventLog } from './event-log.js';

/** How often the log is pruned: retention is counted in hours, so a few minutes late is nothing. */
export const PRUNE_EVERY_MS = 10 * 60 * 1000;

export interface EventPruner {
  /** Stops the timer and waits for a prune under way (the store closes next). */
  stop(): Promise<void>;
}

/**
 * Prunes events older than `retentionMs`, now and every `PRUNE_EVERY_MS`. Never rejects: a
 * failed prune (the database down) is logged and the next one tries again; a reader that resumes
 * from a pruned cursor is told so (`CursorExpiredError`).
 */
export function pruneEventsPeriodically(events: EventLog, retentionMs: number, logger: Logger, everyMs = PRUNE_EVERY_MS): EventPruner {
  let running: Promise<void> = Promise.resolve();
  const prune = () => {
    running = running.then(async () => {
      try {
        const deleted = await events.prune(Date.now() - retentionMs);
        if (deleted > 0) logger.info({ deleted }, 'event log pruned');
      } catch (error) {
        logger.warn({ err: error }, 'event log prune failed: tried again later');
      }
    });
  };
  prune();
  const timer = setInterval(prune, everyMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

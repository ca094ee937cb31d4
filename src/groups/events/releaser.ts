import type { Logger } from 'pino';
import type { EventsRepository } from '../store/events.repository.js';
import type { GroupEvent } from './event.js';

/** How often the releaser sweeps by default (EVENT_RELEASE_SWEEP_MS): it also picks up what another, dead, instance or the reconcile CLI made ready. */
export const RELEASE_SWEEP_EVERY_MS = 500;

/** Most events one release transaction takes: a pass loops until fewer are left. */
export const RELEASE_BATCH = 500;

/**
 * The least time between the end of a pass and the next one kicks asked for meanwhile: under a
 * steady load every completion kicks, and back-to-back passes (each a commit, on PostgreSQL an
 * fsync) cost more than the releases themselves. Waiting lets the kicks pile up into one batch;
 * an event waits at most this much longer for its cursor.
 */
export const RELEASE_GAP_MS = 200;

/**
 * Gives ready events their cursor, per instance, off the mutations' path: a change's transaction
 * (or its outbox completion) only marks its events ready, then `kick`s. Passes are coalesced: at
 * most one in flight; kicks during a pass cause exactly one more, `RELEASE_GAP_MS` after it. A periodic sweep (and a pass at
 * `start`) picks up what nobody kicked for. Each batch is one short transaction
 * (`EventsRepository.releaseReady`); `announce` is called after its commit, never before. Errors
 * are logged and counted, never thrown: the next kick or sweep tries again.
 */
export class EventReleaser {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  /** Passes that failed (the database down...): for tests and operators. */
  failures = 0;

  constructor(
    private readonly repository: EventsRepository,
    private readonly announce: (events: readonly GroupEvent[]) => void,
    private readonly logger: Logger,
    private readonly batch = RELEASE_BATCH,
    private readonly gapMs = RELEASE_GAP_MS,
  ) {}

  /** A pass now, then a sweep every `everyMs` (again after `stop`: tests that count statements stop it meanwhile). */
  start(everyMs = RELEASE_SWEEP_EVERY_MS): void {
    if (this.timer) return;
    this.stopped = false;
    this.timer = setInterval(() => this.sweep(), everyMs).unref();
    this.kick();
  }

  /** Release what is ready, now or right after the pass under way. Never throws. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.passes().finally(() => (this.running = null));
  }

  /** Resolves once no pass is in flight (the kicks before it released what they made ready). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops the sweep and further kicks, and waits for a pass under way (the store closes next). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** The periodic pass: cheap (one read) when nothing is ready. */
  private sweep(): void {
    if (this.running || this.stopped) return;
    this.running = this.repository
      .anyReady()
      .then((any) => (any ? this.passes() : undefined))
      .catch((error: unknown) => this.failed(error))
      .finally(() => (this.running = null));
  }

  private async passes(): Promise<void> {
    do {
      this.again = false;
      try {
        for (;;) {
          const released = await this.repository.releaseReady(this.batch);
          for (const events of byGroup(released)) this.announce(events);
          if (released.length < this.batch || this.stopped) break;
        }
      } catch (error) {
        this.failed(error);
        return;
      }
      // Kicked meanwhile: one more pass, after the gap (the kicks of the gap join it).
      if (this.again && !this.stopped) await new Promise((resolve) => setTimeout(resolve, this.gapMs));
    } while (this.again && !this.stopped);
  }

  private failed(error: unknown): void {
    this.failures++;
    this.logger.warn({ err: error }, 'event release failed: the next kick or sweep tries again');
  }
}

/** A batch as its groups' events, each in cursor order: listeners hear one group's at a time. */
function byGroup(events: readonly GroupEvent[]): GroupEvent[][] {
  const groups = new Map<string, GroupEvent[]>();
  for (const event of events) {
    const list = groups.get(event.groupId);
    if (list) list.push(event);
    else groups.set(event.groupId, [event]);
  }
  return [...groups.values()];
}

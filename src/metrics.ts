import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HubObserver } from './groups/events/hub.js';
import type { DispatchObserver } from './groups/outbox/dispatcher.js';
import type { ImClient, ImObserver } from './im/index.js';

/** What the metrics read on each scrape. */
export interface MetricSources {
  limiterStats(): ReturnType<ImClient['limiterStats']>;
  outboxBacklog(): Promise<{ pending: number; oldestCreatedAt: number | null }>;
}

/**
 * The gateway's metrics, in a registry of its own (several apps may run in one process, as
 * tests do). The lower layers report through small observer interfaces; only this file knows
 * prom-client.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly mutationResults = new Counter({
    name: 'graphql_mutation_results_total',
    help: 'Mutations answered, by mutation and by the member of its result union.',
    labelNames: ['mutation', 'result'] as const,
    registers: [this.registry],
  });

  private readonly imCalls = new Counter({
    name: 'im_calls_total',
    help: 'IM call attempts, by path, HTTP status and IM business code ("none" when no answer came).',
    labelNames: ['path', 'status', 'code'] as const,
    registers: [this.registry],
  });

  private readonly limiterWait = new Histogram({
    name: 'im_limiter_wait_seconds',
    help: 'How long IM calls waited in their rate class queue before starting.',
    labelNames: ['rate_class'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly limiterSheds = new Counter({
    name: 'im_limiter_shed_total',
    help: 'IM calls refused by the limiter before anything was sent (deadline unmeetable, or shared budget unreachable).',
    labelNames: ['rate_class'] as const,
    registers: [this.registry],
  });

  private readonly dispatches = new Counter({
    name: 'outbox_dispatches_total',
    help: 'Outbox row dispatches, by operation kind and outcome (done, deferred = will be retried, rejected, waiting).',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });

  private readonly retries = new Counter({
    name: 'outbox_dispatch_retries_total',
    help: 'Outbox rows deferred for another attempt.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly givenUp = new Counter({
    name: 'outbox_rows_given_up_total',
    help: 'Outbox rows marked FAILED after OUTBOX_MAX_ATTEMPTS tries without a definitive answer (e.g. a code 1000 storm).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly dispatchErrors = new Counter({
    name: 'outbox_dispatch_errors_total',
    help: 'Outbox dispatches or polls that failed unexpectedly (a database error, say); the rows are retried later.',
    registers: [this.registry],
  });

  private readonly unconfirmedNotices = new Counter({
    name: 'outbox_notices_unconfirmed_total',
    help: 'Notices given up after an ambiguous failure (timeout, 5xx, lost answer, interrupted dispatch): never repeated, possibly lost.',
    registers: [this.registry],
  });

  private readonly streamsOpen = new Gauge({
    name: 'graphql_event_streams_open',
    help: 'Event subscriptions (SSE streams) this instance serves now, by kind (group, viewer).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly eventsDelivered = new Counter({
    name: 'graphql_events_delivered_total',
    help: 'Events handed to subscribers, by stream kind (one event to ten streams counts ten).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  private readonly eventReadErrors = new Counter({
    name: 'event_log_read_errors_total',
    help: "Reads of the event log by this instance's hub that failed (a database error); the next ring or poll reads again.",
    registers: [this.registry],
  });

  /** Counted by the process guard (src/process-guard.ts): each one is a bug, logged at error. */
  readonly unhandledRejections = new Counter({
    name: 'process_unhandled_rejections_total',
    help: 'Promise rejections nothing handled; the process logs each and stays up.',
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    const { registry } = this;
    new Gauge({
      name: 'im_limiter_queue_depth',
      help: 'IM calls waiting for their rate class (cluster-wide when the budget is shared).',
      labelNames: ['rate_class'] as const,
      registers: [registry],
      collect() {
        for (const [rateClass, stats] of Object.entries(sources.limiterStats())) this.set({ rate_class: rateClass }, stats.queued);
      },
    });
    new Gauge({
      name: 'im_limiter_slots_in_use',
      help: 'Rate-limit slots taken: calls in flight or within one window of their answer.',
      labelNames: ['rate_class'] as const,
      registers: [registry],
      collect() {
        for (const [rateClass, stats] of Object.entries(sources.limiterStats())) this.set({ rate_class: rateClass }, stats.inUse);
      },
    });
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows waiting to be sent.',
      registers: [registry],
      async collect() {
        this.set((await sources.outboxBacklog()).pending);
      },
    });
    new Gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'How long the oldest unsent outbox row has waited (0 when none waits).',
      registers: [registry],
      async collect() {
        const { oldestCreatedAt } = await sources.outboxBacklog();
        this.set(oldestCreatedAt === null ? 0 : Math.max(0, (Date.now() - oldestCreatedAt) / 1000));
      },
    });
  }

  readonly im: ImObserver = {
    attempted: (path, status, code) => this.imCalls.inc({ path, status: status ?? 'none', code: code ?? 'none' }),
    waited: (rateClass, ms) => this.limiterWait.observe({ rate_class: rateClass }, ms / 1000),
    shed: (rateClass) => this.limiterSheds.inc({ rate_class: rateClass }),
  };

  readonly eventStreams: HubObserver = {
    streamsOpen: (kind, delta) => (delta > 0 ? this.streamsOpen.inc({ kind }, delta) : this.streamsOpen.dec({ kind }, -delta)),
    delivered: (kind) => this.eventsDelivered.inc({ kind }),
    readFailed: () => this.eventReadErrors.inc(),
  };

  readonly outbox: DispatchObserver = {
    dispatched: (kind, result) => {
      this.dispatches.inc({ kind, result });
      if (result === 'deferred') this.retries.inc({ kind });
      if (result === 'gaveUp') this.givenUp.inc({ kind });
    },
    failed: () => this.dispatchErrors.inc(),
    unconfirmedNotice: () => this.unconfirmedNotices.inc(),
  };
}

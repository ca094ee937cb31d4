import type { Logger } from 'pino';

/** The log line of an unhandled rejection: the test suite fails any test whose gateway process logs it. */
export const UNHANDLED_REJECTION_MESSAGE = 'unhandled promise rejection (a bug): logged, counted, the process stays up';

/**
 * A process-level guard: a promise rejection nothing handled is logged at error and counted
 * (`process_unhandled_rejections_total`) rather than ending the process, as Node does by
 * default. It does not hide it: the count is a metric to alert on, and the suite fails on the
 * log line. Uncaught exceptions keep Node's default (the process exits): after one, its state
 * cannot be trusted, and the outbox makes a restart safe.
 */
export function guardUnhandledRejections(logger: Logger, counted: () => void): () => void {
  const onRejection = (reason: unknown) => {
    counted();
    logger.error({ err: reason instanceof Error ? reason : { message: String(reason) } }, UNHANDLED_REJECTION_MESSAGE);
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}

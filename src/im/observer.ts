/**
 * What the IM port reports about its own work, for metrics. The port knows nothing of how
 * the figures are kept; `src/metrics.ts` implements this.
 */
export interface ImObserver {
  /** One attempt of an IM call ended: an answer (`status`, `code`), or none (both null). */
  attempted(path: string, status: number | null, code: number | null): void;
  /** A call waited this long in its rate class's queue before it started. */
  waited(rateClass: string, ms: number): void;
  /** A call was refused by the limiter before anything was sent. */
  shed(rateClass: string): void;
}

export const NO_OBSERVER: ImObserver = {
  attempted: () => undefined,
  waited: () => undefined,
  shed: () => undefined,
};

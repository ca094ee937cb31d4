/** What a caller of the cluster scenario may choose, and the defaults every phase then works with. */

export interface ScenarioOptions {
  /** Gateway processes. Default 3. */
  instances?: number;
  /** createGroup requests, spread round-robin. Default 600. */
  requests?: number;
  /** Requests in flight at once (a backlog well past one second's budget). Default 150. */
  concurrency?: number;
  /**
   * createGroup requests per instance sent (and answered) before the measured ones, followed by a
   * pause of one window: freshly spawned processes are cold, and while their first requests crawl
   * through GraphQL and the store no backlog reaches the limiter. The warm-up groups are
   * checked like the others; the rate counts only the measured requests' calls. Default 20 (fewer
   * left the first 100 calls spread over 1.3-1.5 s on a 2-core machine); 0 measures cold processes.
   */
  warmupPerInstance?: number;
  /** Kill redis-server once this many requests were answered, wait `redisDownMs`, start it again (empty). */
  restartRedisAfterAnswers?: number;
  redisDownMs?: number;
  /** Gives up waiting for the outbox to drain after this long. Default 30 s. */
  drainTimeoutMs?: number;
  /** Progress lines (the benchmark sends them to stderr). */
  progress?: (line: string) => void;
  /** Every gateway's output and the emulator secret, for the test suite's leak check. */
  onSecret?: (secret: string) => void;
  onOutput?: (text: string) => void;
  /** Overrides of the gateways' environment (e.g. LOG_LEVEL=debug while investigating). */
  gatewayEnv?: Record<string, string>;
}

/** The options with their defaults filled in (the restart stays optional: no restart without it). */
export type ResolvedOptions = Required<Omit<ScenarioOptions, 'restartRedisAfterAnswers' | 'onSecret' | 'onOutput' | 'gatewayEnv'>> &
  Pick<ScenarioOptions, 'restartRedisAfterAnswers' | 'onSecret' | 'onOutput' | 'gatewayEnv'>;

export function resolveOptions(options: ScenarioOptions): ResolvedOptions {
  return {
    ...options,
    instances: options.instances ?? 3,
    requests: options.requests ?? 600,
    concurrency: options.concurrency ?? 150,
    warmupPerInstance: options.warmupPerInstance ?? 20,
    redisDownMs: options.redisDownMs ?? 300,
    drainTimeoutMs: options.drainTimeoutMs ?? 30_000,
    progress: options.progress ?? (() => undefined),
  };
}

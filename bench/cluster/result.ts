/**
 * What the cluster scenario reports. The field names are read by `npm run bench:cluster`'s JSON line,
 * BENCHMARKS.md and the multi-instance tests: rename none.
 */

export interface RedisRestart {
  /** Epoch ms: redis-server killed, then answering again. */
  stoppedAt: number;
  backAt: number;
  /** The first group call the emulator saw after Redis was back, in ms after `backAt` (null: none). */
  firstCallAfterMs: number | null;
  /** The longest gap between two consecutive group calls from `stoppedAt` on. */
  longestGapMs: number;
  /** Group calls per second from the first call after `backAt` to the last create call. */
  rateAfterRecovery: number;
  /** Lines the gateways logged about losing the shared state. */
  stateLostLogs: number;
}

export interface ScenarioResult {
  instances: number;
  requests: number;
  /** Group calls (every path under /group/) in the busiest rolling 1000 ms. */
  maxInAnyWindow: number;
  /**
   * /group/create.json calls per second while the backlog lasted, over whole budgets from the
   * 101st call (`ratePerWholeBudgets`): what the slots sustained, whatever the ramp's shape. From
   * the 101st to the last call (`details.steadyRatePerSecond`, this figure until issue 13) it read
   * 105-107 on a quiet machine with at most 100 in any window. The ramp before it is reported
   * apart, as `details.first100Ms` and `details.rateFromFirstCall`.
   */
  ratePerSecond: number;
  /** Calls the emulator answered with code 1008. */
  rejected1008: number;
  /** Store rows beyond one per group id, plus create calls the IM Service acted on beyond one per group. */
  duplicates: number;
  details: {
    groupCalls: number;
    createCalls: number;
    /** /group/create.json calls answered 200. */
    createOk: number;
    storeGroups: number;
    storeDistinct: number;
    imGroups: number;
    /** Successful create calls beyond one per group. */
    imDuplicateCreates: number;
    missingInStore: string[];
    missingAtIm: string[];
    /** Groups whose members differ between the store, the IM Service and the request. */
    memberMismatches: string[];
    notSynced: number;
    pendingOutbox: number;
    failedOutbox: number;
    /** Final answers by `__typename` (after retries). */
    answers: Record<string, number>;
    /** Answers that were retried, by reason. */
    retries: Record<string, number>;
    /** Warm-up requests sent before the measured ones (see `ScenarioOptions.warmupPerInstance`). */
    warmupRequests: number;
    /** ms from the first request sent to the last answer. */
    loadMs: number;
    /** ms from the first request sent until the store was drained. */
    drainedAfterMs: number;
    /** Warnings and errors the gateways logged, by message (counts). */
    gatewayWarnings: Record<string, number>;
    /** Gateways that exited during the scenario (code or signal). */
    gatewayExits: string[];
    /** How long the first 100 create calls took to start (the ramp before the backlog forms). */
    first100Ms: number;
    /** Create calls per second from the 101st to the last (its value depends on how the ramp and the last cycle are bunched). */
    steadyRatePerSecond: number;
    /** Create calls per second from the very first, ramp included. */
    rateFromFirstCall: number;
    /** Mean time between call k and call k+100 from the 101st on: one slot's cycle (window + margin + latency + hand-off). */
    slotCycleMs: number;
    /**
     * The group budget in Redis once every call's window has passed: slots still counted as taken
     * (should be 0) and the limiter clients that reported their queue (one per live gateway). Read from
     * the shared budget's own keys (`sharedSlotKeys`: `held`, `queued`); null when Redis could not be read.
     */
    idleBudget: { runningSlots: number; clients: number } | null;
  };
  redisRestart: RedisRestart | null;
  /** Every broken invariant that is not a rate figure: empty when all is well. */
  problems: string[];
}

/** Figures read off the emulator's request log, shared by tests and benchmarks. */

/** The most timestamps that fall in any window [t, t + windowMs). */
export function maxInAnyWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** Calls per second between the first and the last timestamp: the sustained rate of a backlog. */
export function ratePerSecond(times: readonly number[]): number {
  if (times.length < 2) return 0;
  const first = Math.min(...times);
  const last = Math.max(...times);
  return last === first ? Infinity : ((times.length - 1) * 1000) / (last - first);
}

/**
 * Calls per second over whole budgets: from call `budget + 1` (the budget first full) to the call
 * `budget`, `2 × budget`, … calls later, as far as the times go. Under a backlog each slot serves
 * one call per whole budget, so this is what the slots sustained whatever the ramp's shape;
 * `ratePerSecond` over the same calls reads more than the budget allows when the first calls came
 * in a bunch (105-107 per second with at most 100 in any window, bench:cluster on a quiet machine).
 */
export function ratePerWholeBudgets(times: readonly number[], budget: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const budgets = Math.floor((sorted.length - budget - 1) / budget);
  if (budgets < 1) return ratePerSecond(sorted.slice(budget));
  return (budgets * budget * 1000) / (sorted[budget + budgets * budget]! - sorted[budget]!);
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

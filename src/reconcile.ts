/**
 * `npm run reconcile [-- --dry-run] [-- --include-failed] [-- --against-fresh-emulator]`: compares every settled group in the
 * store with the IM Service and repairs what differs through the outbox (the store is the truth):
 * members, a group the IM Service lost (created again, with its name), names, and groups dismissed
 * here but alive there. PENDING groups are counted, not compared; FAILED ones are listed apart,
 * and repaired too with `--include-failed`. `--dry-run` prints the differences only, and starts no
 * dispatcher: nothing already pending is sent either. Without IM credentials it refuses to run
 * (exit 2): a fresh embedded emulator knows none of the groups, and the dispatcher would mark real
 * pending rows DONE against it; `--against-fresh-emulator` asks for exactly that (for trying it
 * out). The last line is a JSON summary.
 */
// First: refuses an unsupported Node before any module that needs a newer one is evaluated.
import './runtime-check.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { findDrift, repairDrift, type Drift, type ReconcileDeps } from './groups/reconcile.js';
import { createLogger } from './logger.js';

const DRAIN_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const includeFailed = process.argv.includes('--include-failed');
  const againstFreshEmulator = process.argv.includes('--against-fresh-emulator');
  const config = loadConfig();
  if (!config.im && !againstFreshEmulator) {
    throw new ConfigError(
      'reconcile: IM_APP_KEY, IM_APP_SECRET and IM_API_URLS are not set, so it would compare with (and send pending and repaired ' +
        'changes to) a fresh embedded emulator, not your IM Service. Set them, or pass --against-fresh-emulator to do that on purpose.',
    );
  }
  // A dry run sends nothing: not its repairs (it writes none), nor the rows already pending.
  const app = await buildApp(config, createLogger(process.env.LOG_LEVEL ?? 'warn'), { background: !dryRun });
  try {
    if (app.emulator) console.error('note: --against-fresh-emulator: comparing with a fresh embedded emulator, which knows no groups');
    const deps: ReconcileDeps = { store: app.store, im: app.im, events: app.events, ...app.repositories };
    const repaired: string[] = [];
    const totals = { groupsDrifted: 0, missingAtIm: 0, extraAtIm: 0, recreated: 0, renamed: 0, dismissed: 0, failedRepaired: 0, changedMeanwhile: 0 };
    const walk = findDrift(deps, { includeFailed });
    let step = await walk.next();
    for (; !step.done; step = await walk.next()) {
      const drift = step.value;
      for (const line of describe(drift)) console.log(line);
      if (dryRun) count(totals, drift);
      else if (await repairDrift(deps, drift)) {
        count(totals, drift);
        repaired.push(drift.groupId);
      } else {
        totals.changedMeanwhile += 1;
        console.log(`${drift.groupId}: changed in the store since it was read: left alone, the next run compares it again`);
      }
    }
    const { checked, pending, failed } = step.value;
    for (const { groupId, syncError } of failed) console.log(`${groupId}: FAILED, left for an operator (${syncError ?? 'no reason recorded'})`);
    const drained = dryRun || (await waitUntilSettled(deps, repaired));
    console.log(JSON.stringify({ dryRun, groupsChecked: checked, ...totals, pending, failed: failed.length, drained }));
    return drained ? 0 : 1;
  } finally {
    await app.close();
  }
}

function count(totals: Record<string, number>, drift: Drift): void {
  const changed = drift.missingAtIm.length + drift.extraAtIm.length > 0 || drift.lost || drift.nameAtIm !== null || drift.dismissedHere;
  if (changed) totals.groupsDrifted! += 1;
  totals.missingAtIm! += drift.missingAtIm.length;
  totals.extraAtIm! += drift.extraAtIm.length;
  if (drift.lost) totals.recreated! += 1;
  if (drift.nameAtIm !== null && !drift.lost) totals.renamed! += 1;
  if (drift.dismissedHere) totals.dismissed! += 1;
  if (drift.failed) totals.failedRepaired! += 1;
}

function describe(drift: Drift): string[] {
  const lines: string[] = [];
  if (drift.dismissedHere) lines.push(`${drift.groupId}: dismissed here, alive at the IM Service: dismiss it there`);
  if (drift.lost) lines.push(`${drift.groupId}: lost by the IM Service: create it again as ${JSON.stringify(drift.name)}`);
  if (drift.missingAtIm.length + drift.extraAtIm.length > 0) {
    lines.push(`${drift.groupId}: missing at the IM Service [${drift.missingAtIm.join(', ')}], extra at the IM Service [${drift.extraAtIm.join(', ')}]`);
  }
  if (drift.nameAtIm !== null && !drift.lost) lines.push(`${drift.groupId}: named ${JSON.stringify(drift.nameAtIm)} at the IM Service: rename it ${JSON.stringify(drift.name)}`);
  if (drift.failed) lines.push(`${drift.groupId}: was FAILED: its failed outbox rows are RESOLVED, it is SYNCED once repaired`);
  return lines;
}

/** The dispatcher sends the repairs; wait until each repaired group (dismissed ones too) is SYNCED again. */
async function waitUntilSettled(deps: ReconcileDeps, groupIds: readonly string[]): Promise<boolean> {
  const giveUpAt = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const groups = await Promise.all(groupIds.map((groupId) => deps.groups.findById(deps.store.db, groupId)));
    if (groups.every((group) => group?.syncStatus === 'SYNCED')) return true;
    if (Date.now() > giveUpAt) return false;
    await sleep(200);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `reconcile failed: ${error instanceof Error ? error.message : error}`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);

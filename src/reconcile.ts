/**
 * `npm run reconcile [-- --dry-run]`: compares every synced group's members in the store with
 * the IM Service and repairs the differences through the outbox (the store is the truth).
 * `--dry-run` prints the differences only. The last line is a JSON summary.
 */
// First: refuses an unsupported Node before any module that needs a newer one is evaluated.
import './runtime-check.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { findDrift, repairDrift, type ReconcileDeps } from './groups/reconcile.js';
import { createLogger } from './logger.js';

const DRAIN_TIMEOUT_MS = 120_000;

async function main(): Promise<number> {
  const dryRun = process.argv.includes('--dry-run');
  const config = loadConfig();
  const app = await buildApp(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    if (app.emulator) console.error('note: no IM credentials are configured, so this compares with a fresh embedded emulator');
    const deps: ReconcileDeps = { store: app.store, im: app.im, ...app.repositories };
    const repaired: string[] = [];
    const totals = { groupsDrifted: 0, missingAtIm: 0, extraAtIm: 0 };
    const walk = findDrift(deps);
    let step = await walk.next();
    for (; !step.done; step = await walk.next()) {
      const drift = step.value;
      totals.groupsDrifted++;
      totals.missingAtIm += drift.missingAtIm.length;
      totals.extraAtIm += drift.extraAtIm.length;
      console.log(`${drift.groupId}: missing at the IM Service [${drift.missingAtIm.join(', ')}], extra at the IM Service [${drift.extraAtIm.join(', ')}]`);
      if (!dryRun) {
        await repairDrift(deps, drift);
        repaired.push(drift.groupId);
      }
    }
    const drained = dryRun || (await waitUntilSynced(deps, repaired));
    console.log(JSON.stringify({ dryRun, groupsChecked: step.value.checked, ...totals, drained }));
    return drained ? 0 : 1;
  } finally {
    await app.close();
  }
}

/** The dispatcher sends the repairs; wait until each repaired group is SYNCED again. */
async function waitUntilSynced(deps: ReconcileDeps, groupIds: readonly string[]): Promise<boolean> {
  const giveUpAt = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const groups = await deps.groups.findByIds(groupIds);
    if (groups.every((group) => group.sync_status === 'SYNCED')) return true;
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

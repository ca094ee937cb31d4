import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/index.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import type { FreshDatabase, StoreTarget } from '../fixtures/stores.js';
import { startKit, type GatewayKit } from './gateway-kit.js';

/** A gateway failing over from a dead primary IM origin to `backup`, on a fresh database of the store target. */
export interface FailoverScene {
  kit: GatewayKit;
  /** The origin that answers: set its faults, read its log. */
  backup: RunningEmulator;
  database: FreshDatabase;
  close(): Promise<void>;
}

/**
 * The fault mix's stage: the primary origin started then closed (its calls are refused), the
 * backup with `backupOptions` (a seed, faults), and the short timeouts that keep a faulty run within
 * a test's time.
 */
export async function startFailoverScene(target: StoreTarget, backupOptions: EmulatorOptions): Promise<FailoverScene> {
  const primary = await startFixtureEmulator();
  await primary.close();
  const backup = await startFixtureEmulator(backupOptions);
  const database = await target.fresh();
  const kit = await startKit({
    emulator: backup,
    config: {
      databaseUrl: database.url,
      im: { appKey: backup.appKey, appSecret: backup.appSecret, baseUrls: [primary.url, backup.url] },
      imCallTimeoutMs: 250,
      requestDeadlineMs: 1500,
      outbox: { leaseMs: 3000, pollMs: 100 },
    },
  });
  const close = async () => {
    await kit.close();
    await backup.close();
    await database.drop();
  };
  return { kit, backup, database, close };
}

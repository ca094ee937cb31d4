import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../../src/config.js';
import type { FreshDatabase, StoreTarget } from '../fixtures/stores.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * One gateway for a `describeEachStore` block of this folder, on a fresh database of `target`:
 * started before its tests, closed and dropped after. Read `.kit` inside the tests.
 */
export function useStoreKit(target: StoreTarget, config: Partial<Config> = {}): { readonly kit: GatewayKit } {
  let kit: GatewayKit | undefined;
  let database: FreshDatabase | undefined;
  beforeAll(async () => {
    database = await target.fresh();
    kit = await startKit({ config: { ...config, databaseUrl: database.url } });
  });
  afterAll(async () => {
    await kit?.close();
    await database?.drop();
  });
  return {
    get kit() {
      if (!kit) throw new Error('the gateway is not started yet: read .kit inside a test');
      return kit;
    },
  };
}

import { afterAll, afterEach, beforeAll } from 'vitest';
import { noticesSettled, startGateway, type GatewayFixture, type GatewayOptions } from '../fixtures/gateway.js';
import type { FreshDatabase, FreshOptions, StoreTarget } from '../fixtures/stores.js';
import { createKit, type Kit } from './client.js';

/** An in-process gateway with the kit's operations on it: `kit.addGroupMembers(...)`, `kit.app`, `kit.close()`. */
export type GatewayKit = GatewayFixture & Kit & { gateway: GatewayFixture };

export interface GatewayKitOptions {
  /**
   * Wait, after each mutation, for the notices that follow it to have had their first try (the
   * client is answered before they are sent): for tests that read the IM Service's messages next.
   */
  settleNotices?: boolean;
}

/**
 * After each mutation the kit also waits for this instance's event releaser to be idle: the client
 * is answered once the change's events are ready, and the releaser (kicked before the answer)
 * gives them their cursor just after, so a test that reads `Group.events` or the log next sees them.
 */
export function kitFor(gateway: GatewayFixture, { settleNotices = false }: GatewayKitOptions = {}): GatewayKit {
  const afterMutation = async () => {
    if (settleNotices) await noticesSettled(gateway);
    await gateway.app.events.releasedSoFar();
  };
  const kit = createKit(gateway, { afterMutation });
  return { ...gateway, ...kit, gateway };
}

/** `startGateway` with the kit on it. */
export async function startKit({ settleNotices, ...options }: GatewayOptions & GatewayKitOptions = {}): Promise<GatewayKit> {
  return kitFor(await startGateway(options), { settleNotices });
}

/** A fresh gateway (and its kit) per call, closed after the test that asked for it. Call at the top of a test file. */
export function useGateways(kitOptions: GatewayKitOptions = {}): (options?: GatewayOptions) => Promise<GatewayKit> {
  const open: GatewayFixture[] = [];
  afterEach(async () => {
    for (const fixture of open.splice(0)) await fixture.close();
  });
  return async (options) => {
    const fixture = await startGateway(options);
    open.push(fixture);
    return kitFor(fixture, kitOptions);
  };
}

/**
 * A fresh gateway on a fresh database of `target` per call (its `config.databaseUrl` set), closed
 * and its database dropped after the test that asked for it. Call inside the store's describe block.
 */
export function useStoreGateways(target: StoreTarget, kitOptions: GatewayKitOptions = {}): (options?: GatewayOptions & { fresh?: FreshOptions }) => Promise<GatewayKit> {
  const open: Array<{ fixture: GatewayFixture; database: FreshDatabase }> = [];
  afterEach(async () => {
    for (const { fixture, database } of open.splice(0)) {
      await fixture.close();
      await database.drop();
    }
  });
  return async ({ fresh, ...options } = {}) => {
    const database = await target.fresh(fresh);
    const fixture = await startGateway({ ...options, config: { ...options.config, databaseUrl: database.url } });
    open.push({ fixture, database });
    return kitFor(fixture, kitOptions);
  };
}

/** One gateway on a fresh database of `target` for the whole describe block: started before its first test, closed and dropped after its last. */
export function useStoreGateway(target: StoreTarget, options: GatewayOptions & GatewayKitOptions = {}): () => GatewayKit {
  let kit: GatewayKit | undefined;
  let database: FreshDatabase | undefined;
  beforeAll(async () => {
    database = await target.fresh();
    kit = await startKit({ ...options, config: { ...options.config, databaseUrl: database.url } });
  });
  afterAll(async () => {
    await kit?.close();
    await database?.drop();
  });
  return () => kit ?? failed();
}

function failed(): never {
  throw new Error('the gateway did not start');
}

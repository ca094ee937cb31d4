import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startGateway } from '../fixtures/gateway.js';
import { startFixtureEmulator } from '../fixtures/im.js';
import { groupWithRoles, type GroupWithRolesOptions } from './factories.js';
import { kitFor, type GatewayKit, type GatewayKitOptions } from './gateway-kit.js';

/** A gateway configured for trouble, over groups made while all was well. */
export interface StagedGateway {
  /** The gateway under test: same store file and same IM Service as the one that made the groups. */
  gateway: GatewayKit;
  emulator: RunningEmulator;
  /** The groups, each made with `groupWithRoles` and SYNCED. */
  groupIds: string[];
  close(): Promise<void>;
}

/**
 * Makes `count` groups through a well-configured gateway on a store file, stops it, and starts
 * the gateway the test needs (a wrong IM secret, a tiny rate budget, ...) on the same file and
 * the same IM Service: the groups exist in its store, as they do at the IM Service.
 */
export async function stageGroups(
  count: number,
  configFor: (emulator: RunningEmulator) => Partial<Config>,
  options: GroupWithRolesOptions = {},
  kitOptions: GatewayKitOptions = {},
): Promise<StagedGateway> {
  const emulator = await startFixtureEmulator();
  const directory = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  const databaseUrl = join(directory, 'gateway.sqlite');
  const groupIds: string[] = [];
  const maker = await startGateway({ emulator, config: { databaseUrl } });
  try {
    const makerKit = kitFor(maker, kitOptions);
    for (let i = 0; i < count; i++) groupIds.push(await groupWithRoles(makerKit, options));
  } finally {
    await maker.close();
  }
  const gateway = await startGateway({ emulator, config: { databaseUrl, ...configFor(emulator) } });
  return {
    gateway: kitFor(gateway, kitOptions),
    emulator,
    groupIds,
    async close() {
      await gateway.close();
      await emulator.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

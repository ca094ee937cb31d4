import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { startTestEmulator } from '../emulator/fixtures.js';
import type { RunningEmulator } from '../../src/emulator/index.js';

/** The emulator's /_emulator routes show every member list, unsigned: this machine only. */

const external = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

describe('the /_emulator routes', () => {
  let gateway: GatewayFixture;
  let exposed: RunningEmulator;
  beforeAll(async () => {
    gateway = await startGateway();
    exposed = await startTestEmulator({ host: '0.0.0.0' });
  });
  afterAll(async () => {
    await gateway.close();
    await exposed.close();
  });

  it('of the embedded emulator listen on loopback only', () => {
    expect(new URL(gateway.emulator.url).hostname).toBe('127.0.0.1');
  });

  it.skipIf(!external)('answer 403 to anyone but 127.0.0.1, even when the emulator listens on every interface', async () => {
    const port = new URL(exposed.url).port;
    const local = await fetch(`http://127.0.0.1:${port}/_emulator/groups`);
    expect(local.status).toBe(200);
    for (const path of ['/_emulator/groups', '/_emulator/messages', '/_emulator/log']) {
      const remote = await fetch(`http://${external}:${port}${path}`);
      expect(remote.status, path).toBe(403);
      expect(await remote.text()).not.toContain('"groups"');
    }
    const reset = await fetch(`http://${external}:${port}/_emulator/reset`, { method: 'POST' });
    expect(reset.status).toBe(403);
  });
});

import { afterAll, beforeAll } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * The one gateway of a lifecycle specification file: importing this module starts it before the
 * file's tests and closes it after them (each test file evaluates its own copy of the module).
 * Its kit waits for the notices that follow each mutation, since the specifications read the
 * IM Service's messages right after.
 */

export let gateway: GatewayKit;
export let emulator: RunningEmulator;

beforeAll(async () => {
  gateway = await startKit({ settleNotices: true });
  emulator = gateway.emulator;
});
afterAll(() => gateway.close());

/**
 * After a phase's load: how long until its groups are SYNCED at the gateway and every one of its
 * `Create` notices has reached the IM Service (the backlog), and at what rate they arrived.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { queryBody } from '../../test/kit/client.js';
import { emulatorMessages } from '../../test/kit/emulator.js';

const GIVE_UP_MS = 180_000;

export interface Drain {
  synced: number;
  notices: number;
  /** From the end of the load to the last of its notices (0 when none was left waiting). */
  drainedAfterMs: number;
  /** Notices delivered per second between the phase's first and last. */
  noticesPerSecond: number;
}

export async function drainOf(gatewayUrl: string, emulator: RunningEmulator, groupIds: readonly string[]): Promise<Drain> {
  const loadEndedAt = Date.now();
  const wanted = new Set(groupIds);
  let synced = 0;
  let arrivals: number[] = [];
  while (Date.now() - loadEndedAt < GIVE_UP_MS) {
    synced = await countSynced(gatewayUrl, groupIds);
    arrivals = (await emulatorMessages(emulator)).filter((message) => wanted.has(message.toGroupId)).map((message) => message.at);
    if (synced === groupIds.length && arrivals.length >= groupIds.length) break;
    await sleep(250);
  }
  arrivals.sort((a, b) => a - b);
  const spanMs = (arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0);
  return {
    synced,
    notices: arrivals.length,
    drainedAfterMs: Math.max(0, (arrivals.at(-1) ?? loadEndedAt) - loadEndedAt),
    noticesPerSecond: spanMs > 0 ? Math.round((arrivals.length / spanMs) * 1000 * 10) / 10 : arrivals.length,
  };
}

async function countSynced(gatewayUrl: string, groupIds: readonly string[]): Promise<number> {
  let synced = 0;
  for (let i = 0; i < groupIds.length; i += 100) {
    const response = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': 'benchreader' },
      body: JSON.stringify(queryBody('syncStatuses', { groupIds: groupIds.slice(i, i + 100) })),
    });
    const body = (await response.json()) as { data?: { groups: Array<{ syncStatus: string } | null> } };
    synced += (body.data?.groups ?? []).filter((group) => group?.syncStatus === 'SYNCED').length;
  }
  return synced;
}

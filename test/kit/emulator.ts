import type { Faults, LoggedRequest, PublishedMessage } from '../../src/emulator/index.js';

/**
 * The emulator's inspection routes (`/_emulator/...`: what the IM Service holds, what it was
 * asked, what it published), wrapped once for the tests and the benchmarks. No vitest here.
 */

/** A running emulator, or its base URL. */
export type EmulatorAddress = string | { url: string };

export interface EmulatorGroupView {
  groupId: string;
  name: string;
  /** In join order. */
  members: string[];
}

function urlOf(emulator: EmulatorAddress, route: string): string {
  return `${typeof emulator === 'string' ? emulator : emulator.url}/_emulator${route}`;
}

async function getJson<T>(emulator: EmulatorAddress, route: string): Promise<T> {
  const response = await fetch(urlOf(emulator, route));
  if (response.status !== 200) throw new Error(`GET /_emulator${route} answered ${response.status}`);
  return (await response.json()) as T;
}

async function post(emulator: EmulatorAddress, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(urlOf(emulator, route), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`POST /_emulator${route} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Every IM call, in arrival order. */
export async function emulatorLog(emulator: EmulatorAddress): Promise<LoggedRequest[]> {
  return (await getJson<{ requests: LoggedRequest[] }>(emulator, '/log')).requests;
}

/** The group as the IM Service holds it; null when it has no such group. */
export async function emulatorGroup(emulator: EmulatorAddress, groupId: string): Promise<EmulatorGroupView | null> {
  const response = await fetch(urlOf(emulator, `/groups/${encodeURIComponent(groupId)}`));
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`GET /_emulator/groups/${groupId} answered ${response.status}`);
  return (await response.json()) as EmulatorGroupView;
}

export async function emulatorGroups(emulator: EmulatorAddress): Promise<EmulatorGroupView[]> {
  return (await getJson<{ groups: EmulatorGroupView[] }>(emulator, '/groups')).groups;
}

/** Every message published, in order. */
export async function emulatorMessages(emulator: EmulatorAddress): Promise<PublishedMessage[]> {
  return (await getJson<{ messages: PublishedMessage[] }>(emulator, '/messages')).messages;
}

/** Forgets groups, messages, the log and the rate windows. */
export async function resetEmulator(emulator: EmulatorAddress): Promise<void> {
  await post(emulator, '/reset', {});
}

/** Merges `faults` into the emulator's fault settings (for an emulator in another process). */
export async function postFaults(emulator: EmulatorAddress, faults: Partial<Faults>): Promise<Faults> {
  return (await post(emulator, '/faults', faults)) as Faults;
}

/** Every group member push alias the IM Service holds (`/group/remarks/set.json`). */
export async function emulatorRemarks(emulator: EmulatorAddress): Promise<Array<{ groupId: string; userId: string; remark: string }>> {
  return (await getJson<{ remarks: Array<{ groupId: string; userId: string; remark: string }> }>(emulator, '/remarks')).remarks;
}

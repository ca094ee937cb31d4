import type { Transaction } from 'kysely';
import type { ImClient } from '../im/index.js';
import type { OutboxOperation } from './outbox/operations.js';
import type { OutboxRepository } from './outbox/outbox.repository.js';
import type { Store } from './store/database.js';
import type { GroupsRepository } from './store/groups.repository.js';
import type { MembersRepository } from './store/members.repository.js';
import type { Database } from './store/tables.js';

/** How one group's members at the IM Service differ from the store, the source of truth. */
export interface Drift {
  groupId: string;
  /** In the store, not at the IM Service: they must join. */
  missingAtIm: string[];
  /** At the IM Service, not in the store: they must quit. */
  extraAtIm: string[];
}

export interface ReconcileDeps {
  store: Store;
  groups: GroupsRepository;
  members: MembersRepository;
  outbox: OutboxRepository;
  im: ImClient;
}

const PAGE = 200;

/**
 * Compares every SYNCED group's members with the IM Service's (`/group/user/query.json`,
 * through the limiter like every call) and yields the groups that differ. Groups with
 * changes still in the outbox are skipped: they are converging already.
 */
export async function* findDrift(deps: ReconcileDeps): AsyncGenerator<Drift, { checked: number }> {
  let checked = 0;
  for (let after: string | null = null; ; ) {
    const page = await deps.groups.pageByStatus('SYNCED', after, PAGE);
    for (const group of page) {
      checked++;
      const [stored, atIm] = await Promise.all([deps.members.userIdsOf(group.group_id), deps.im.queryGroupMembers(group.group_id)]);
      const drift = difference(group.group_id, stored, atIm);
      if (drift) yield drift;
    }
    if (page.length < PAGE) return { checked };
    after = page.at(-1)!.group_id;
  }
}

/** Writes the repairs to the outbox (joins, then quits), marking the group PENDING; the dispatcher sends them. */
export async function repairDrift(deps: ReconcileDeps, drift: Drift): Promise<void> {
  const operations: OutboxOperation[] = [];
  if (drift.missingAtIm.length > 0) operations.push({ kind: 'joinGroup', groupId: drift.groupId, userIds: drift.missingAtIm });
  if (drift.extraAtIm.length > 0) operations.push({ kind: 'quitGroup', groupId: drift.groupId, userIds: drift.extraAtIm });
  await deps.store.db.transaction().execute(async (trx: Transaction<Database>) => {
    // Like every change: the group first, so its outbox rows keep their order (see `GroupsRepository.lock`).
    await deps.groups.lock(trx, drift.groupId);
    const now = Date.now();
    for (const operation of operations) await deps.outbox.insert(trx, { groupId: drift.groupId, kind: operation.kind, payload: operation, now });
    await deps.groups.setSyncStatus(trx, drift.groupId, 'PENDING');
  });
}

function difference(groupId: string, stored: readonly string[], atIm: readonly string[]): Drift | null {
  const storedSet = new Set(stored);
  const imSet = new Set(atIm);
  const missingAtIm = stored.filter((userId) => !imSet.has(userId));
  const extraAtIm = atIm.filter((userId) => !storedSet.has(userId));
  return missingAtIm.length + extraAtIm.length > 0 ? { groupId, missingAtIm, extraAtIm } : null;
}

import type { Transaction } from 'kysely';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { Database } from '../store/tables.js';

/**
 * A group is SYNCED once no change of it (notifications aside) waits in the outbox; a FAILED one stays so.
 * Call it with the group locked (`GroupsRepository.lock`): on PostgreSQL a change committing meanwhile
 * could otherwise add a row this read does not see, and the group would read SYNCED with work pending.
 */
export async function settleSyncStatus(
  trx: Transaction<Database>,
  groups: GroupsRepository,
  groupId: string,
): Promise<void> {
  // One statement (a later change made the group PENDING while it went; a row given up earlier still needs an operator).
  await groups.settleSyncStatus(trx, groupId);
}

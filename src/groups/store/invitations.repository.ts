import type { Kysely } from 'kysely';
import type { TimeCursor } from '../cursors.js';
import type { Invitation } from '../entities.js';
import type { Executor } from './groups.repository.js';
import { fromInvitation, toInvitation } from './mapping.js';
import type { Database } from './tables.js';

/** Pending invitations: one per user and group (a new one replaces the old), gone once answered. */
export class InvitationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** These users' invitations to the group, expired ones included (those without one are absent). */
  async find(executor: Executor, groupId: string, userIds: readonly string[]): Promise<Invitation[]> {
    if (userIds.length === 0) return [];
    const rows = await executor.selectFrom('group_invitations').selectAll().where('group_id', '=', groupId).where('user_id', 'in', userIds).execute();
    return rows.map(toInvitation);
  }

  /** Writes the invitations; one already there (expired or not) is renewed: new inviter, message and expiry. */
  async upsert(executor: Executor, invitations: readonly Invitation[]): Promise<void> {
    for (const invitation of invitations) {
      const row = fromInvitation(invitation);
      await executor
        .insertInto('group_invitations')
        .values(row)
        .onConflict((conflict) =>
          conflict.columns(['group_id', 'user_id']).doUpdateSet({ inviter_id: row.inviter_id, message: row.message, created_at: row.created_at, expires_at: row.expires_at }),
        )
        .execute();
    }
  }

  async remove(executor: Executor, groupId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await executor.deleteFrom('group_invitations').where('group_id', '=', groupId).where('user_id', 'in', userIds).execute();
  }

  /** Puts invitations back exactly as they were (an undo). */
  async restore(executor: Executor, invitations: readonly Invitation[]): Promise<void> {
    if (invitations.length === 0) return;
    await executor.insertInto('group_invitations').values(invitations.map(fromInvitation)).execute();
  }

  /** How many unexpired invitations the group has out (a bound on what its inviters may send). */
  async countLiveForGroup(executor: Executor, groupId: string, now: number): Promise<number> {
    const row = await executor
      .selectFrom('group_invitations')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('group_id', '=', groupId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A keyset page of a user's unexpired invitations to active groups, newest first. */
  async pageForUser(userId: string, now: number, limit: number, after: TimeCursor | null): Promise<Invitation[]> {
    let query = this.db
      .selectFrom('group_invitations as i')
      .innerJoin('groups as g', 'g.group_id', 'i.group_id')
      .selectAll('i')
      .where('i.user_id', '=', userId)
      .where('i.expires_at', '>', now)
      .where('g.dismissed_at', 'is', null);
    if (after) query = query.where((eb) => eb.or([eb('i.created_at', '<', after.at), eb.and([eb('i.created_at', '=', after.at), eb('i.group_id', '<', after.id)])]));
    return (await query.orderBy('i.created_at', 'desc').orderBy('i.group_id', 'desc').limit(limit).execute()).map(toInvitation);
  }

  /** Which of these groups the user holds an unexpired invitation to (they may read its profile). */
  async liveGroupIdsOf(userId: string, groupIds: readonly string[], now: number): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('group_invitations')
      .select('group_id')
      .where('user_id', '=', userId)
      .where('group_id', 'in', groupIds)
      .where('expires_at', '>', now)
      .execute();
    return rows.map((row) => row.group_id);
  }
}

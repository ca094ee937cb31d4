import type { Kysely } from 'kysely';
import type { TimeCursor } from '../cursors.js';
import type { JoinRequest } from '../entities.js';
import type { Executor } from './groups.repository.js';
import { fromJoinRequest, toJoinRequest } from './mapping.js';
import type { Database } from './tables.js';

/** Pending requests to join: one per user and group, gone once answered. */
export class JoinRequestsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** These users' pending requests to the group (those without one are absent). */
  async find(executor: Executor, groupId: string, userIds: readonly string[]): Promise<JoinRequest[]> {
    if (userIds.length === 0) return [];
    const rows = await executor.selectFrom('join_requests').selectAll().where('group_id', '=', groupId).where('user_id', 'in', userIds).execute();
    return rows.map(toJoinRequest);
  }

  /** Writes the request, or a new message on the one already pending (its place in the queue kept). */
  async upsert(executor: Executor, request: JoinRequest): Promise<void> {
    await executor
      .insertInto('join_requests')
      .values(fromJoinRequest(request))
      .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doUpdateSet({ message: request.message }))
      .execute();
  }

  async remove(executor: Executor, groupId: string, userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    await executor.deleteFrom('join_requests').where('group_id', '=', groupId).where('user_id', 'in', userIds).execute();
  }

  /** Puts requests back exactly as they were (an undo). */
  async restore(executor: Executor, requests: readonly JoinRequest[]): Promise<void> {
    if (requests.length === 0) return;
    await executor.insertInto('join_requests').values(requests.map(fromJoinRequest)).execute();
  }

  /** How many requests the user has pending, in active groups or not (a bound on what one user may ask). */
  async countForUser(executor: Executor, userId: string): Promise<number> {
    const row = await executor.selectFrom('join_requests').select((eb) => eb.fn.countAll<number | string | bigint>().as('count')).where('user_id', '=', userId).executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A keyset page of a group's pending requests, oldest first (the queue an admin works through). */
  async pageForGroup(groupId: string, limit: number, after: TimeCursor | null): Promise<JoinRequest[]> {
    let query = this.db.selectFrom('join_requests').selectAll().where('group_id', '=', groupId);
    if (after) query = query.where((eb) => eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('user_id', '>', after.id)])]));
    return (await query.orderBy('created_at').orderBy('user_id').limit(limit).execute()).map(toJoinRequest);
  }

  /** A keyset page of a user's pending requests to active groups, newest first. */
  async pageForUser(userId: string, limit: number, after: TimeCursor | null): Promise<JoinRequest[]> {
    let query = this.db
      .selectFrom('join_requests as r')
      .innerJoin('groups as g', 'g.group_id', 'r.group_id')
      .selectAll('r')
      .where('r.user_id', '=', userId)
      .where('g.dismissed_at', 'is', null);
    if (after) query = query.where((eb) => eb.or([eb('r.created_at', '<', after.at), eb.and([eb('r.created_at', '=', after.at), eb('r.group_id', '<', after.id)])]));
    return (await query.orderBy('r.created_at', 'desc').orderBy('r.group_id', 'desc').limit(limit).execute()).map(toJoinRequest);
  }

  /** Which of these groups the user has a pending request to (they may read its profile). */
  async groupIdsOf(userId: string, groupIds: readonly string[]): Promise<string[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db.selectFrom('join_requests').select('group_id').where('user_id', '=', userId).where('group_id', 'in', groupIds).execute();
    return rows.map((row) => row.group_id);
  }
}

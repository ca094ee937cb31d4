import type { Kysely } from 'kysely';
import type { Executor } from './groups.repository.js';
import type { MemberCursor, MembershipCursor } from '../cursors.js';
import type { Member, MemberRole, Membership } from '../entities.js';
import { fromMember, toGroup, toMember } from './mapping.js';
import type { Database, MemberRow } from './tables.js';

/** Membership rows: who is in which group, with which role. */
export class MembersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The memberships of the given users in one group (missing users are simply absent). */
  async find(executor: Executor, groupId: string, userIds: readonly string[]): Promise<Member[]> {
    if (userIds.length === 0) return [];
    const rows: Member[] = [];
    for (let i = 0; i < userIds.length; i += 1000) {
      const batch = userIds.slice(i, i + 1000);
      const found = await executor.selectFrom('group_members').selectAll().where('group_id', '=', groupId).where('user_id', 'in', batch).execute();
      rows.push(...found.map(toMember));
    }
    return rows;
  }

  async add(executor: Executor, groupId: string, userIds: readonly string[], joinedAt: number): Promise<void> {
    const rows = userIds.map((userId) => ({ group_id: groupId, user_id: userId, role: 'MEMBER' as MemberRole, joined_at: joinedAt, nickname: null }));
    await this.insertRows(executor, rows);
  }

  /** Puts memberships back exactly as they were (an undo). */
  async restore(executor: Executor, members: readonly Member[]): Promise<void> {
    await this.insertRows(executor, members.map(fromMember));
  }

  async remove(executor: Executor, groupId: string, userIds: readonly string[]): Promise<void> {
    for (let i = 0; i < userIds.length; i += 1000) {
      await executor.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', 'in', userIds.slice(i, i + 1000)).execute();
    }
  }

  async setRole(executor: Executor, groupId: string, userId: string, role: MemberRole): Promise<void> {
    await executor.updateTable('group_members').set({ role }).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  }

  async setNickname(executor: Executor, groupId: string, userId: string, nickname: string | null): Promise<void> {
    await executor.updateTable('group_members').set({ nickname }).where('group_id', '=', groupId).where('user_id', '=', userId).execute();
  }

  /** Members who set a nickname in the group, for reconcile to compare with the IM Service's push aliases. */
  async nicknamesOf(groupId: string): Promise<Array<{ userId: string; nickname: string }>> {
    const rows = await this.db.selectFrom('group_members').select(['user_id', 'nickname']).where('group_id', '=', groupId).where('nickname', 'is not', null).execute();
    return rows.map((row) => ({ userId: row.user_id, nickname: row.nickname! }));
  }

  /** Every member's id (a group holds at most 3000). */
  async userIdsOf(groupId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('group_members').select('user_id').where('group_id', '=', groupId).execute();
    return rows.map((row) => row.user_id);
  }

  /** The owners' memberships of many groups, in one statement. */
  async findOwners(groupIds: readonly string[]): Promise<Member[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db.selectFrom('group_members').selectAll().where('group_id', 'in', groupIds).where('role', '=', 'OWNER').execute();
    return rows.map(toMember);
  }

  /** One user's memberships in many groups, in one statement. */
  async findForUser(userId: string, groupIds: readonly string[]): Promise<Member[]> {
    if (groupIds.length === 0) return [];
    const rows = await this.db.selectFrom('group_members').selectAll().where('user_id', '=', userId).where('group_id', 'in', groupIds).execute();
    return rows.map(toMember);
  }

  /** Memberships by (group, user) pairs, in one statement: those that exist. */
  async findPairs(pairs: ReadonlyArray<{ groupId: string; userId: string }>): Promise<Member[]> {
    if (pairs.length === 0) return [];
    const groupIds = [...new Set(pairs.map((pair) => pair.groupId))];
    const userIds = [...new Set(pairs.map((pair) => pair.userId))];
    const wanted = new Set(pairs.map((pair) => `${pair.groupId}:${pair.userId}`));
    const rows = await this.db.selectFrom('group_members').selectAll().where('group_id', 'in', groupIds).where('user_id', 'in', userIds).execute();
    return rows.map(toMember).filter((member) => wanted.has(`${member.groupId}:${member.userId}`));
  }

  /** How many members hold `role` in each of the groups, in one statement (groups with none are absent). */
  async countByRole(groupIds: readonly string[], role: MemberRole): Promise<Array<{ groupId: string; count: number }>> {
    if (groupIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('group_members')
      .select(['group_id', (eb) => eb.fn.countAll<number | string | bigint>().as('count')])
      .where('group_id', 'in', groupIds)
      .where('role', '=', role)
      .groupBy('group_id')
      .execute();
    return rows.map((row) => ({ groupId: row.group_id, count: Number(row.count) }));
  }

  /** How many active groups a user is in (with `role`, when given): one statement over the user's index. */
  async countForUser(userId: string, role: MemberRole | null): Promise<number> {
    let query = this.db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.group_id', 'm.group_id')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where('m.user_id', '=', userId)
      .where('g.dismissed_at', 'is', null);
    if (role) query = query.where('m.role', '=', role);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** A keyset page of a group's members, `limit` rows after `after`, in join order. */
  async page(groupId: string, limit: number, after: MemberCursor | null, role: MemberRole | null): Promise<Member[]> {
    let query = this.db.selectFrom('group_members').selectAll().where('group_id', '=', groupId);
    if (role) query = query.where('role', '=', role);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('joined_at', '>', after.joinedAt),
          eb.and([eb('joined_at', '=', after.joinedAt), eb('user_id', '>', after.userId)]),
        ]),
      );
    }
    return (await query.orderBy('joined_at').orderBy('user_id').limit(limit).execute()).map(toMember);
  }

  /**
   * A keyset page of a user's active groups, newest membership first, with each group's row:
   * one statement, whatever the page size.
   */
  async pageForUser(userId: string, limit: number, after: MembershipCursor | null, role: MemberRole | null): Promise<Membership[]> {
    let query = this.db
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.group_id', 'm.group_id')
      .selectAll('g')
      .select(['m.user_id', 'm.role', 'm.joined_at as member_joined_at', 'm.nickname'])
      .where('m.user_id', '=', userId)
      .where('g.dismissed_at', 'is', null);
    if (role) query = query.where('m.role', '=', role);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('m.joined_at', '<', after.joinedAt),
          eb.and([eb('m.joined_at', '=', after.joinedAt), eb('m.group_id', '<', after.groupId)]),
        ]),
      );
    }
    const rows = await query.orderBy('m.joined_at', 'desc').orderBy('m.group_id', 'desc').limit(limit).execute();
    return rows.map(({ user_id, role: memberRole, member_joined_at, nickname, ...group }) => ({
      group: toGroup(group),
      member: toMember({ group_id: group.group_id, user_id, role: memberRole, joined_at: member_joined_at, nickname }),
    }));
  }

  private async insertRows(executor: Executor, rows: ReadonlyArray<MemberRow & { joined_at: number }>): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      await executor.insertInto('group_members').values(rows.slice(i, i + 1000)).execute();
    }
  }
}

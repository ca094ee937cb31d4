import type { Kysely, Transaction } from 'kysely';
import type { Database, GroupRow, MemberRole, MemberRow, SyncStatus } from './tables.js';

type Executor = Kysely<Database> | Transaction<Database>;

export interface NewGroup {
  groupId: string;
  name: string;
  avatarUrl: string | null;
  ownerId: string;
  memberIds: readonly string[];
  syncStatus: SyncStatus;
  createdAt: number;
}

/** A position in a group's member list: members are ordered by join time, then user id. */
export interface MemberCursor {
  joinedAt: number;
  userId: string;
}

/** Group and membership queries. Plain Kysely, portable across SQLite and PostgreSQL. */
export class GroupsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async exists(executor: Executor, groupId: string): Promise<boolean> {
    const row = await executor.selectFrom('groups').select('group_id').where('group_id', '=', groupId).executeTakeFirst();
    return row !== undefined;
  }

  /** Writes the group and its members. */
  async insert(executor: Executor, group: NewGroup): Promise<void> {
    await executor
      .insertInto('groups')
      .values({
        group_id: group.groupId,
        name: group.name,
        avatar_url: group.avatarUrl,
        owner_id: group.ownerId,
        member_count: group.memberIds.length,
        sync_status: group.syncStatus,
        sync_error: null,
        created_at: group.createdAt,
      })
      .execute();
    // The owner joins a millisecond before the others, so member lists, ordered by join time, start with the owner.
    const rows = group.memberIds.map((userId) => ({
      group_id: group.groupId,
      user_id: userId,
      role: (userId === group.ownerId ? 'OWNER' : 'MEMBER') as MemberRole,
      joined_at: userId === group.ownerId ? group.createdAt : group.createdAt + 1,
    }));
    // SQLite binds at most 32 766 variables per statement: 4 columns × 1000 rows stays well under.
    for (let i = 0; i < rows.length; i += 1000) {
      await executor.insertInto('group_members').values(rows.slice(i, i + 1000)).execute();
    }
  }

  async delete(executor: Executor, groupId: string): Promise<void> {
    await executor.deleteFrom('group_members').where('group_id', '=', groupId).execute();
    await executor.deleteFrom('groups').where('group_id', '=', groupId).execute();
  }

  async setSyncStatus(executor: Executor, groupId: string, status: SyncStatus, error: string | null = null): Promise<void> {
    await executor.updateTable('groups').set({ sync_status: status, sync_error: error }).where('group_id', '=', groupId).execute();
  }

  /** One statement for any number of ids. */
  async findByIds(groupIds: readonly string[]): Promise<GroupRow[]> {
    if (groupIds.length === 0) return [];
    return this.db.selectFrom('groups').selectAll().where('group_id', 'in', groupIds).execute();
  }

  /** The owners' memberships of many groups, in one statement. */
  async findOwners(groupIds: readonly string[]): Promise<MemberRow[]> {
    if (groupIds.length === 0) return [];
    return this.db
      .selectFrom('group_members')
      .selectAll()
      .where('group_id', 'in', groupIds)
      .where('role', '=', 'OWNER')
      .execute();
  }

  /** A keyset page of members, `limit` rows after `after`, in join order. */
  async membersPage(groupId: string, limit: number, after: MemberCursor | null): Promise<MemberRow[]> {
    let query = this.db.selectFrom('group_members').selectAll().where('group_id', '=', groupId);
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('joined_at', '>', after.joinedAt),
          eb.and([eb('joined_at', '=', after.joinedAt), eb('user_id', '>', after.userId)]),
        ]),
      );
    }
    return query.orderBy('joined_at').orderBy('user_id').limit(limit).execute();
  }
}

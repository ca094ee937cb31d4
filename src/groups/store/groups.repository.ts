import type { CompiledQuery, Kysely, Transaction } from 'kysely';
import { dialectOf } from './database.js';
import type { Dialect } from './migrations.js';
import type { Announcement, Group, GroupAttribute, JoinPolicy, Member } from '../entities.js';
import { storedAttributes, toGroup, toMember } from './mapping.js';
import { GroupSearchRepository } from './search.repository.js';
import type { Database, GroupRow, GroupVisibility, MemberRole, SyncStatus } from './tables.js';

/** Id counts whose compiled `findByIds` is kept: every count a `groups(groupIds:)` or a DataLoader batch is likely to use. */
const FIND_BY_IDS_CACHED = 100;

/** A group and one viewer's membership in it (null: not a member). */
export interface GroupSeenBy {
  group: Group;
  viewer: Member | null;
}

type GroupRowSeenBy = GroupRow & { viewer_role: MemberRole | null; viewer_joined_at: number | null; viewer_nickname: string | null; viewer_muted_until: number | null };

export type Executor = Kysely<Database> | Transaction<Database>;

export interface NewGroup {
  groupId: string;
  name: string;
  avatarUrl: string | null;
  ownerId: string;
  memberIds: readonly string[];
  syncStatus: SyncStatus;
  createdAt: number;
}

/** What `updateProfile` writes: a field left out is kept. */
export interface ProfileChange {
  name?: string;
  avatarUrl?: string | null;
  description?: string | null;
  announcement?: Announcement | null;
  /** The whole list the group holds after the change. */
  attributes?: readonly GroupAttribute[];
  visibility?: GroupVisibility;
}

/** Group rows. Plain Kysely, portable across SQLite and PostgreSQL. Dismissed groups read as unknown. */
export class GroupsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Only row locks differ: PostgreSQL takes them, SQLite serializes writers anyway. */
    private readonly dialect: Dialect = dialectOf(db),
  ) {
    this.search = new GroupSearchRepository(db, dialect);
  }

  /** The search index, written in the same transaction as each change that moves it (name, visibility, dismissal). */
  private readonly search: GroupSearchRepository;

  /** `findByIds`'s compiled query by number of ids (see `findByIdsQuery`). */
  private readonly findByIdsTemplates = new Map<number, CompiledQuery<GroupRowSeenBy>>();

  /** True when the id was ever used, dismissed groups included: the IM Service keeps their history. */
  async idTaken(executor: Executor, groupId: string): Promise<boolean> {
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
        dismissed_at: null,
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

  /** Removes every trace of a group that never existed at the IM Service. */
  async delete(executor: Executor, groupId: string): Promise<void> {
    await executor.deleteFrom('group_search').where('group_id', '=', groupId).execute();
    await executor.deleteFrom('group_members').where('group_id', '=', groupId).execute();
    await executor.deleteFrom('groups').where('group_id', '=', groupId).execute();
  }

  /** The group, unless unknown or dismissed; locks nothing, so read it inside the changing transaction. */
  async findActive(executor: Executor, groupId: string): Promise<Group | undefined> {
    const row = await executor.selectFrom('groups').selectAll().where('group_id', '=', groupId).where('dismissed_at', 'is', null).executeTakeFirst();
    return row && toGroup(row);
  }

  /**
   * `findActive` for a transaction that writes based on what it read (member_count, roles, the
   * outbox backlog): on PostgreSQL the row stays locked (FOR UPDATE) until the transaction ends,
   * so changes of one group run one after another and each reads what the one before wrote.
   * Lock the group before any other row of it (members, outbox), so that locks are always taken
   * in one order and transactions never deadlock.
   */
  async findActiveForChange(trx: Transaction<Database>, groupId: string): Promise<Group | undefined> {
    const query = trx.selectFrom('groups').selectAll().where('group_id', '=', groupId).where('dismissed_at', 'is', null);
    const row = await (this.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && toGroup(row);
  }

  /** Locks the group's row, dismissed or not, until the transaction ends (PostgreSQL; nothing to do on SQLite). See `findActiveForChange`. */
  async lock(trx: Transaction<Database>, groupId: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await trx.selectFrom('groups').select('group_id').where('group_id', '=', groupId).forUpdate().execute();
  }

  /** The group whatever its state, dismissed included. */
  async findById(executor: Executor, groupId: string): Promise<Group | undefined> {
    const row = await executor.selectFrom('groups').selectAll().where('group_id', '=', groupId).executeTakeFirst();
    return row && toGroup(row);
  }

  /** A page of active groups in `sync_status`, by group id: for walking every group. */
  async pageByStatus(status: SyncStatus, afterGroupId: string | null, limit: number): Promise<Group[]> {
    let query = this.db.selectFrom('groups').selectAll().where('sync_status', '=', status).where('dismissed_at', 'is', null);
    if (afterGroupId !== null) query = query.where('group_id', '>', afterGroupId);
    return (await query.orderBy('group_id').limit(limit).execute()).map(toGroup);
  }

  /** A keyset page of dismissed groups in one sync status, by id: reconcile checks the IM Service let them go. */
  async pageDismissed(status: SyncStatus, afterGroupId: string | null, limit: number): Promise<Group[]> {
    let query = this.db.selectFrom('groups').selectAll().where('sync_status', '=', status).where('dismissed_at', 'is not', null);
    if (afterGroupId !== null) query = query.where('group_id', '>', afterGroupId);
    return (await query.orderBy('group_id').limit(limit).execute()).map(toGroup);
  }

  /** Active groups by id, in one statement for any number of ids. */
  async findByIds(groupIds: readonly string[]): Promise<Group[]> {
    return (await this.findByIdsSeenBy('', groupIds)).map(({ group }) => group);
  }

  /**
   * Active groups by id, each with `viewerId`'s membership in it (null for an outsider), in one
   * statement: whether the viewer may read a private group's profile costs no second one.
   */
  async findByIdsSeenBy(viewerId: string, groupIds: readonly string[]): Promise<GroupSeenBy[]> {
    if (groupIds.length === 0) return [];
    const { rows } = await this.db.executeQuery<GroupRowSeenBy>(this.findByIdsQuery(viewerId, groupIds));
    return rows.map((row) => ({
      group: toGroup(row),
      viewer:
        row.viewer_role === null
          ? null
          : toMember({ group_id: row.group_id, user_id: viewerId, role: row.viewer_role, joined_at: row.viewer_joined_at!, nickname: row.viewer_nickname, muted_until: row.viewer_muted_until }),
    }));
  }

  /**
   * The read behind every `groups(groupIds:)` and every batched group load, built by Kysely once
   * per number of ids and then only given new values: building and compiling it on every call cost
   * a few percent of the read's CPU. Counts above FIND_BY_IDS_CACHED are built each time.
   */
  private findByIdsQuery(viewerId: string, groupIds: readonly string[]): CompiledQuery<GroupRowSeenBy> {
    let template = this.findByIdsTemplates.get(groupIds.length);
    if (!template) {
      template = this.db
        .selectFrom('groups')
        .leftJoin('group_members as viewer', (join) => join.onRef('viewer.group_id', '=', 'groups.group_id').on('viewer.user_id', '=', viewerId))
        .selectAll('groups')
        .select(['viewer.role as viewer_role', 'viewer.joined_at as viewer_joined_at', 'viewer.nickname as viewer_nickname', 'viewer.muted_until as viewer_muted_until'])
        .where('groups.group_id', 'in', groupIds)
        .where('groups.dismissed_at', 'is', null)
        .compile();
      // The viewer then the ids are the statement's only parameters, in order; anything else would be bound wrong.
      if (template.parameters.length !== groupIds.length + 1) throw new Error('findByIds: the compiled query binds more than its viewer and ids');
      if (groupIds.length > FIND_BY_IDS_CACHED) return template;
      this.findByIdsTemplates.set(groupIds.length, template);
    }
    return { ...template, parameters: [viewerId, ...groupIds] };
  }

  /**
   * The status the group's outbox says, in one statement: FAILED (with the latest failed row's
   * reason) while a change is given up, PENDING while one waits, SYNCED otherwise; notices aside.
   */
  async settleSyncStatus(executor: Executor, groupId: string): Promise<void> {
    await executor
      .updateTable('groups')
      .set((eb) => {
        const changes = (status: 'FAILED' | 'PENDING') =>
          eb
            .selectFrom('outbox')
            .select('outbox.id')
            .where('outbox.group_id', '=', groupId)
            .where('outbox.status', '=', status)
            .where('outbox.kind', '!=', 'publishNotification');
        return {
          sync_status: eb.case().when(eb.exists(changes('FAILED'))).then('FAILED').when(eb.exists(changes('PENDING'))).then('PENDING').else('SYNCED').end().$castTo<SyncStatus>(),
          // Null unless FAILED: a failed row always has its reason.
          sync_error: eb
            .selectFrom('outbox')
            .select('last_error')
            .where('outbox.group_id', '=', groupId)
            .where('outbox.status', '=', 'FAILED')
            .where('outbox.kind', '!=', 'publishNotification')
            .orderBy('outbox.id', 'desc')
            .limit(1),
        };
      })
      .where('group_id', '=', groupId)
      .execute();
  }

  async setSyncStatus(executor: Executor, groupId: string, status: SyncStatus, error: string | null = null): Promise<void> {
    await executor.updateTable('groups').set({ sync_status: status, sync_error: error }).where('group_id', '=', groupId).execute();
  }

  /**
   * Each field left out is kept; null clears it (attributes: the whole list, empty clears).
   * `searchable`: the group is PUBLIC before or after the change; a group PRIVATE throughout has no
   * row in the search index to follow.
   */
  async updateProfile(executor: Executor, groupId: string, profile: ProfileChange, searchable = true): Promise<void> {
    const { announcement, attributes } = profile;
    const changes = {
      ...(profile.name !== undefined ? { name: profile.name } : {}),
      ...(profile.avatarUrl !== undefined ? { avatar_url: profile.avatarUrl } : {}),
      ...(profile.description !== undefined ? { description: profile.description } : {}),
      ...(profile.visibility !== undefined ? { visibility: profile.visibility } : {}),
      ...(announcement !== undefined
        ? { announcement: announcement?.text ?? null, announcement_set_by: announcement?.setBy ?? null, announcement_set_at: announcement?.setAt.getTime() ?? null }
        : {}),
      ...(attributes !== undefined ? { attributes: storedAttributes(attributes) } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await executor.updateTable('groups').set(changes).where('group_id', '=', groupId).execute();
    // What search finds the group by, or whether it finds it: the index follows in this transaction.
    const moved = profile.name !== undefined || profile.description !== undefined || profile.visibility !== undefined;
    if (searchable && moved) await this.search.reindex(executor, groupId);
  }

  /** The group's joining rules: who may come in (`joinPolicy`) and whether plain members may invite. Left out: kept. */
  async setJoinRules(executor: Executor, groupId: string, rules: { joinPolicy?: JoinPolicy; membersCanInvite?: boolean }): Promise<void> {
    const changes = {
      ...(rules.joinPolicy !== undefined ? { join_policy: rules.joinPolicy } : {}),
      ...(rules.membersCanInvite !== undefined ? { members_can_invite: rules.membersCanInvite ? 1 : 0 } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await executor.updateTable('groups').set(changes).where('group_id', '=', groupId).execute();
  }

  async adjustMemberCount(executor: Executor, groupId: string, delta: number): Promise<void> {
    if (delta === 0) return;
    await executor
      .updateTable('groups')
      .set((eb) => ({ member_count: eb('member_count', '+', delta) }))
      .where('group_id', '=', groupId)
      .execute();
  }

  async setOwner(executor: Executor, groupId: string, ownerId: string): Promise<void> {
    await executor.updateTable('groups').set({ owner_id: ownerId }).where('group_id', '=', groupId).execute();
  }

  /** Mutes (or unmutes) the whole group. */
  async setMuted(executor: Executor, groupId: string, muted: boolean): Promise<void> {
    await executor.updateTable('groups').set({ muted: muted ? 1 : 0 }).where('group_id', '=', groupId).execute();
  }

  async setDismissedAt(executor: Executor, groupId: string, at: number | null): Promise<void> {
    await executor.updateTable('groups').set({ dismissed_at: at }).where('group_id', '=', groupId).execute();
    // Search never finds a dismissed group; an undone dismissal (the IM Service refused it) puts a public one back.
    await this.search.reindex(executor, groupId);
  }
}

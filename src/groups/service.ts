import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { ImClient } from '../im/index.js';
import { ChangeRunner, groupCallsOf, type IdempotentRecord, type PlannedChange, type RequestScope } from './changes.js';
import {
  GroupIdTakenError,
  GroupNotFoundError,
  MemberLimitExceededError,
  NotAMemberError,
  NotAuthenticatedError,
  OwnerCannotLeaveError,
  ForbiddenError,
  InvalidInputError,
} from './errors.js';
import { IdempotencyGuard } from './idempotency.js';
import { GroupReads } from './reads.js';
import { generateGroupId } from './ids.js';
import { notifications, type NotificationInput } from './notifications.js';
import type { OutboxDispatcher } from './outbox/dispatcher.js';
import type { OutboxOperation } from './outbox/operations.js';
import type { OutboxRepository } from './outbox/outbox.repository.js';
import { authorize, authorizeRemoval } from './permissions.js';
import { DEFAULT_MAX_GROUP_MEMBERS } from './rules.js';
import type { Store } from './store/database.js';
import { isUniqueViolation } from './store/errors.js';
import type { GroupsRepository } from './store/groups.repository.js';
import type { IdempotencyRepository } from './store/idempotency.repository.js';
import type { MembersRepository } from './store/members.repository.js';
import type { Database, GroupRow, MemberRole, MemberRow } from './store/tables.js';

export type { RequestScope } from './changes.js';

export interface CreateGroupCommand {
  groupId?: string | null;
  name: string;
  /** The other members; the caller joins as owner. */
  memberIds: readonly string[];
  avatarUrl?: string | null;
  notify?: boolean;
  /** Repeating a request with the same key repeats its first result instead of acting twice. */
  idempotencyKey?: string | null;
}

/** How long an idempotency key is remembered, at least. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface GroupServiceDeps {
  store: Store;
  groups: GroupsRepository;
  members: MembersRepository;
  idempotency: IdempotencyRepository;
  outbox: OutboxRepository;
  dispatcher: OutboxDispatcher;
  im: ImClient;
  logger: Logger;
  /** The user id group notifications are sent from. */
  notificationSender: string;
  /** Members a group may hold, the owner included (`IM_MAX_GROUP_MEMBERS`); the IM Service's default when absent. */
  maxGroupMembers?: number;
}

type Trx = Transaction<Database>;

/**
 * The group domain: every rule of who may change what, and every change as one transaction
 * with its outbox rows (see `ChangeRunner` for how the IM Service is brought in step).
 */
export class GroupService {
  private readonly changes: ChangeRunner;
  private readonly idempotency: IdempotencyGuard;
  /** Reads for the GraphQL layer's loaders and pages. */
  readonly reads: GroupReads;
  private readonly maxMembers: number;

  constructor(private readonly deps: GroupServiceDeps) {
    this.changes = new ChangeRunner(deps);
    this.idempotency = new IdempotencyGuard(deps.idempotency);
    this.reads = new GroupReads(deps.groups, deps.members);
    this.maxMembers = deps.maxGroupMembers ?? DEFAULT_MAX_GROUP_MEMBERS;
  }

  async createGroup(command: CreateGroupCommand, scope: RequestScope): Promise<GroupRow> {
    const ownerId = this.requireCaller(scope);
    this.refuseReserved(command.memberIds, ['input', 'memberIds']);
    const memberIds = [...new Set([ownerId, ...command.memberIds])];
    if (memberIds.length > this.maxMembers) throw new MemberLimitExceededError(this.maxMembers, memberIds.length);
    const { idempotencyKey, ...request } = command;
    return this.idempotency.run(scope, idempotencyKey, 'createGroup', request, {
      replay: (outcome) => this.requireGroup(JSON.parse(outcome).groupId, { evenDismissed: true }),
      run: async (record) => {
        const groupId = command.groupId ?? generateGroupId();
        await this.insertGroup(groupId, ownerId, memberIds, command, scope, record && { ...record, encode: () => JSON.stringify({ groupId }) });
        return this.requireGroup(groupId);
      },
    });
  }

  private async insertGroup(
    groupId: string,
    ownerId: string,
    memberIds: string[],
    command: CreateGroupCommand,
    scope: RequestScope,
    record: IdempotentRecord<void> | undefined,
  ): Promise<void> {
    const create: OutboxOperation = { kind: 'createGroup', groupId, groupName: command.name, userIds: memberIds };
    this.changes.shedIfTooBusy(groupCallsOf([create]), scope);
    try {
      await this.changes.run(
        groupId,
        scope,
        async (trx) => {
          if (await this.deps.groups.idTaken(trx, groupId)) throw new GroupIdTakenError(groupId);
          const { name, avatarUrl = null } = command;
          await this.deps.groups.insert(trx, { groupId, name, avatarUrl, ownerId, memberIds, syncStatus: 'PENDING', createdAt: Date.now() });
          const created = this.notify(command.notify, {
            groupId,
            operation: 'Create',
            operatorUserId: ownerId,
            targetUserIds: memberIds,
            groupName: name,
            at: Date.now(),
          });
          return { operations: [create, ...created], undo: (undoTrx) => this.deps.groups.delete(undoTrx, groupId), result: undefined };
        },
        record,
      );
    } catch (error) {
      // Two requests racing for one id: the loser hits the primary key.
      if (isUniqueViolation(error)) throw new GroupIdTakenError(groupId);
      throw error;
    }
  }

  /** Adds users; those already in are not an error. Answers the group and who was actually added. */
  async addMembers(groupId: string, userIds: readonly string[], notify: boolean, scope: RequestScope, idempotencyKey?: string | null) {
    this.requireCaller(scope);
    this.refuseReserved(userIds, ['userIds']);
    return this.idempotency.run(scope, idempotencyKey, 'addGroupMembers', { groupId, userIds, notify }, {
      replay: async (outcome) => ({ group: await this.requireGroup(groupId), added: JSON.parse(outcome).added as string[] }),
      run: async (record) => {
        const added = await this.insertMembers(groupId, userIds, notify, scope, record && { ...record, encode: (result) => JSON.stringify({ added: result }) });
        return { group: await this.requireGroup(groupId), added };
      },
    });
  }

  private async insertMembers(
    groupId: string,
    userIds: readonly string[],
    notify: boolean,
    scope: RequestScope,
    record: IdempotentRecord<string[]> | undefined,
  ): Promise<string[]> {
    const actorId = this.requireCaller(scope);
    const candidates = [...new Set(userIds)];
    this.changes.shedIfTooBusy(Math.ceil(candidates.length / 1000), scope);
    return this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('addMembers', actor?.role ?? null);
      const present = new Set((await this.deps.members.find(trx, groupId, candidates)).map((member) => member.user_id));
      const newcomers = candidates.filter((userId) => !present.has(userId));
      const total = group.member_count + newcomers.length;
      if (total > this.maxMembers) throw new MemberLimitExceededError(this.maxMembers, total);
      if (newcomers.length === 0) return nothingToDo<string[]>([]);
      await this.deps.members.add(trx, groupId, newcomers, Date.now());
      await this.deps.groups.adjustMemberCount(trx, groupId, newcomers.length);
      return {
        operations: [
          { kind: 'joinGroup', groupId, userIds: newcomers },
          ...this.notify(notify, {
            groupId,
            operation: 'Add',
            operatorUserId: actorId,
            targetUserIds: newcomers,
            groupName: group.name,
            at: Date.now(),
          }),
        ],
        undo: async (undoTrx) => {
          await this.deps.members.remove(undoTrx, groupId, newcomers);
          await this.deps.groups.adjustMemberCount(undoTrx, groupId, -newcomers.length);
        },
        result: newcomers,
      };
    }, record);
  }

  /** Removes members (those not in are ignored). Removed users get the `Kicked` notice before they go. */
  async removeMembers(groupId: string, userIds: readonly string[], notify: boolean, scope: RequestScope) {
    const actorId = this.requireCaller(scope);
    const candidates = [...new Set(userIds)];
    this.changes.shedIfTooBusy(Math.ceil(candidates.length / 1000), scope);
    const removed = await this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('removeMembers', actor?.role ?? null);
      const targets = await this.deps.members.find(trx, groupId, candidates);
      for (const target of targets) authorizeRemoval(actor!.role, actorId, { userId: target.user_id, role: target.role });
      return this.removal(trx, groupId, targets, notify, {
        operation: 'Kicked',
        operatorUserId: actorId,
        groupName: group.name,
        at: Date.now(),
      });
    });
    return { group: await this.requireGroup(groupId), removed };
  }

  async leaveGroup(groupId: string, notify: boolean, scope: RequestScope): Promise<{ groupId: string }> {
    const actorId = this.requireCaller(scope);
    this.changes.shedIfTooBusy(1, scope);
    await this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      if (actor?.role === 'OWNER') throw new OwnerCannotLeaveError(groupId);
      authorize('leave', actor?.role ?? null);
      return this.removal(trx, groupId, [actor!], notify, { operation: 'Quit', operatorUserId: actorId, groupName: group.name, at: Date.now() });
    });
    return { groupId };
  }

  /** Changes the name and/or picture; a new name is also pushed to the IM Service (push notifications show it). */
  async updateGroup(groupId: string, profile: { name?: string; avatarUrl?: string | null }, notify: boolean, scope: RequestScope) {
    const actorId = this.requireCaller(scope);
    if (profile.name !== undefined) this.changes.shedIfTooBusy(1, scope);
    await this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('updateProfile', actor?.role ?? null);
      const before = { name: group.name, avatarUrl: group.avatar_url };
      await this.deps.groups.updateProfile(trx, groupId, profile);
      const renamed = profile.name !== undefined && profile.name !== group.name;
      const operations: OutboxOperation[] = renamed
        ? [
            { kind: 'refreshGroup', groupId, groupName: profile.name! },
            ...this.notify(notify, {
              groupId,
              operation: 'Rename',
              operatorUserId: actorId,
              groupName: profile.name!,
              at: Date.now(),
            }),
          ]
        : [];
      return { operations, undo: (undoTrx) => this.deps.groups.updateProfile(undoTrx, groupId, before), result: undefined };
    });
    return this.requireGroup(groupId);
  }

  /** Hands the group to another member; the previous owner stays as an admin. */
  async transferOwnership(groupId: string, newOwnerId: string, notify: boolean, scope: RequestScope) {
    const actorId = this.requireCaller(scope);
    this.refuseReserved([newOwnerId], ['userId']);
    await this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('transferOwnership', actor?.role ?? null);
      if (newOwnerId === actorId) return nothingToDo(undefined);
      const target = await this.requireMember(trx, groupId, newOwnerId);
      await this.deps.members.setRole(trx, groupId, actorId, 'ADMIN');
      await this.deps.members.setRole(trx, groupId, newOwnerId, 'OWNER');
      await this.deps.groups.setOwner(trx, groupId, newOwnerId);
      return {
        operations: this.notify(notify, {
          groupId,
          operation: 'Transfer',
          operatorUserId: actorId,
          targetUserIds: [newOwnerId],
          groupName: group.name,
          at: Date.now(),
        }),
        undo: async (undoTrx) => {
          await this.deps.members.setRole(undoTrx, groupId, newOwnerId, target.role);
          await this.deps.members.setRole(undoTrx, groupId, actorId, 'OWNER');
          await this.deps.groups.setOwner(undoTrx, groupId, actorId);
        },
        result: undefined,
      };
    });
    return this.requireGroup(groupId);
  }

  /** Makes a member an admin or a plain member again. The IM Service knows no roles: nothing is sent. */
  async setMemberRole(groupId: string, userId: string, role: Exclude<MemberRole, 'OWNER'>, scope: RequestScope): Promise<MemberRow> {
    const actorId = this.requireCaller(scope);
    return this.changes.run(groupId, scope, async (trx) => {
      const { actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('setRoles', actor?.role ?? null);
      const target = await this.requireMember(trx, groupId, userId);
      if (target.role === 'OWNER') throw new ForbiddenError("The owner's role changes only by transferring ownership.");
      await this.deps.members.setRole(trx, groupId, userId, role);
      return nothingToDo({ ...target, role });
    });
  }

  /** Dismisses the group: members hear `Dismiss` first, then it is gone from every list. */
  async dismissGroup(groupId: string, notify: boolean, scope: RequestScope): Promise<{ groupId: string }> {
    const actorId = this.requireCaller(scope);
    this.changes.shedIfTooBusy(1, scope);
    await this.changes.run(groupId, scope, async (trx) => {
      const { group, actor } = await this.loadForChange(trx, groupId, actorId);
      authorize('dismiss', actor?.role ?? null);
      await this.deps.groups.setDismissedAt(trx, groupId, Date.now());
      return {
        operations: [
          ...this.notify(notify, {
            groupId,
            operation: 'Dismiss',
            operatorUserId: actorId,
            groupName: group.name,
            at: Date.now(),
          }),
          { kind: 'dismissGroup', groupId, operatorUserId: actorId },
        ],
        undo: (undoTrx) => this.deps.groups.setDismissedAt(undoTrx, groupId, null),
        result: undefined,
      };
    });
    return { groupId };
  }

  private async removal(
    trx: Trx,
    groupId: string,
    targets: readonly MemberRow[],
    notify: boolean,
    notice: Omit<NotificationInput, 'groupId' | 'targetUserIds'>,
  ): Promise<PlannedChange<string[]>> {
    const userIds = targets.map((target) => target.user_id);
    if (userIds.length === 0) return nothingToDo([]);
    await this.deps.members.remove(trx, groupId, userIds);
    await this.deps.groups.adjustMemberCount(trx, groupId, -userIds.length);
    const quit: OutboxOperation = { kind: 'quitGroup', groupId, userIds };
    const notices = this.notify(notify, { ...notice, groupId, targetUserIds: userIds });
    return {
      // `Kicked` goes before the quit so that the removed still receive it; `Quit` after, for those who stay.
      operations: notice.operation === 'Kicked' ? [...notices, quit] : [quit, ...notices],
      undo: async (undoTrx) => {
        await this.deps.members.restore(undoTrx, targets);
        await this.deps.groups.adjustMemberCount(undoTrx, groupId, userIds.length);
      },
      result: userIds,
    };
  }

  private notify(enabled: boolean | undefined, input: NotificationInput): OutboxOperation[] {
    return enabled === false ? [] : notifications(this.deps.notificationSender, input);
  }

  /**
   * The group (or GroupNotFoundError) and the actor's membership in it (null for an outsider).
   * The group's row stays locked until the change commits (PostgreSQL): two changes of one group,
   * say two additions that together pass the member limit, cannot both pass their checks.
   */
  private async loadForChange(trx: Trx, groupId: string, actorId: string): Promise<{ group: GroupRow; actor: MemberRow | null }> {
    const group = await this.deps.groups.findActiveForChange(trx, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    const [actor = null] = await this.deps.members.find(trx, groupId, [actorId]);
    return { group, actor };
  }

  private async requireMember(trx: Trx, groupId: string, userId: string): Promise<MemberRow> {
    const [member] = await this.deps.members.find(trx, groupId, [userId]);
    if (!member) throw new NotAMemberError(groupId, userId);
    return member;
  }

  /** The caller, who may not act as the notification sender. */
  private requireCaller(scope: RequestScope): string {
    return requireCaller(scope, this.deps.notificationSender);
  }

  /** The notification sender is no one's member, owner or target: a notice from it must be the gateway's. */
  private refuseReserved(userIds: readonly string[], path: string[]): void {
    const issues = userIds.flatMap((userId, index) =>
      userId === this.deps.notificationSender ? [{ path: [...path, index], message: `"${userId}" is reserved for group notifications` }] : [],
    );
    if (issues.length > 0) throw new InvalidInputError(issues);
  }

  private async requireGroup(groupId: string, options: { evenDismissed?: boolean } = {}): Promise<GroupRow> {
    const group = options.evenDismissed
      ? await this.deps.groups.findById(this.deps.store.db, groupId)
      : (await this.deps.groups.findByIds([groupId]))[0];
    if (!group) throw new GroupNotFoundError(groupId);
    return group;
  }

  /** Forgets idempotency keys past their retention. */
  sweepIdempotencyKeys(now = Date.now()): Promise<number> {
    return this.deps.idempotency.deleteOlderThan(now - IDEMPOTENCY_RETENTION_MS);
  }
}

function requireCaller(scope: RequestScope, reservedId: string): string {
  if (scope.callerId === reservedId) throw new NotAuthenticatedError(RESERVED_CALLER);
  if (!scope.callerId) throw new NotAuthenticatedError(scope.authProblem ?? undefined);
  return scope.callerId;
}

/** Why the notification sender cannot act: notices from it must be the gateway's alone. */
export const RESERVED_CALLER = 'this user id is reserved for group notifications';

/** A change that touches nothing at the IM Service. */
function nothingToDo<T>(result: T): PlannedChange<T> {
  return { operations: [], undo: async () => undefined, result };
}

import type { Logger } from 'pino';
import { ImAuthError, ImRateLimitedError, type ImClient, type ImError } from '../im/index.js';
import { generateGroupId } from './ids.js';
import { GroupIdTakenError, MemberLimitExceededError, NotAuthenticatedError, RateLimitedError, UpstreamError } from './errors.js';
import type { OutboxDispatcher } from './outbox/dispatcher.js';
import { callCount, type OutboxOperation } from './outbox/operations.js';
import type { OutboxRepository } from './outbox/outbox.repository.js';
import { MAX_GROUP_MEMBERS } from './rules.js';
import type { Store } from './store/database.js';
import { isUniqueViolation } from './store/errors.js';
import type { GroupsRepository, MemberCursor } from './store/groups.repository.js';
import type { GroupRow, MemberRow } from './store/tables.js';

/** Who is asking, and by when they need an answer. */
export interface RequestScope {
  callerId: string | null;
  requestId: string;
  /** Epoch ms; IM work not finished by then continues in the background. */
  deadlineAt: number;
}

export interface CreateGroupCommand {
  groupId?: string | null;
  name: string;
  /** The other members; the caller joins as owner. */
  memberIds: readonly string[];
  avatarUrl?: string | null;
}

export interface GroupServiceDeps {
  store: Store;
  groups: GroupsRepository;
  outbox: OutboxRepository;
  dispatcher: OutboxDispatcher;
  im: ImClient;
  logger: Logger;
}

/**
 * The group domain. Every change is one transaction that writes the domain rows and the
 * outbox row together; the IM Service is then brought in step through the dispatcher.
 */
export class GroupService {
  constructor(private readonly deps: GroupServiceDeps) {}

  async createGroup(command: CreateGroupCommand, scope: RequestScope): Promise<GroupRow> {
    const ownerId = requireCaller(scope);
    const memberIds = [...new Set([ownerId, ...command.memberIds])];
    if (memberIds.length > MAX_GROUP_MEMBERS) throw new MemberLimitExceededError(MAX_GROUP_MEMBERS, memberIds.length);

    const groupId = command.groupId ?? generateGroupId();
    const operation: OutboxOperation = { kind: 'createGroup', groupId, groupName: command.name, userIds: memberIds };
    this.shedIfTooBusy(callCount(operation), scope);

    const rowId = await this.writeNewGroup(groupId, command, ownerId, memberIds, operation);
    const outcome = await this.deps.dispatcher.dispatch(rowId, scope);
    if (outcome.status === 'rejected') await this.undoCreate(groupId, rowId, outcome.progress, ownerId, outcome.error);
    if (outcome.status === 'deferred' && outcome.progress === 0 && !mayHaveActed(outcome.error)) {
      await this.withdrawCreate(groupId, rowId, outcome.error);
    }
    return this.requireGroup(groupId);
  }

  /** Groups by id, in one statement. */
  groupsByIds(groupIds: readonly string[]): Promise<GroupRow[]> {
    return this.deps.groups.findByIds(groupIds);
  }

  /** The owners' memberships of many groups, in one statement. */
  ownersOf(groupIds: readonly string[]): Promise<MemberRow[]> {
    return this.deps.groups.findOwners(groupIds);
  }

  membersPage(groupId: string, limit: number, after: MemberCursor | null): Promise<MemberRow[]> {
    return this.deps.groups.membersPage(groupId, limit, after);
  }

  /** Refuses at once, with nothing written, when the IM budget cannot serve the calls in time. */
  private shedIfTooBusy(calls: number, scope: RequestScope): void {
    const waitMs = this.deps.im.projectedWaitMs('group', calls);
    const budgetMs = scope.deadlineAt - Date.now();
    if (waitMs > budgetMs) throw new RateLimitedError(Math.max(1, Math.ceil(waitMs - Math.max(0, budgetMs))));
  }

  private async writeNewGroup(
    groupId: string,
    command: CreateGroupCommand,
    ownerId: string,
    memberIds: string[],
    operation: OutboxOperation,
  ): Promise<number> {
    const now = Date.now();
    try {
      return await this.deps.store.db.transaction().execute(async (trx) => {
        if (await this.deps.groups.exists(trx, groupId)) throw new GroupIdTakenError(groupId);
        await this.deps.groups.insert(trx, {
          groupId,
          name: command.name,
          avatarUrl: command.avatarUrl ?? null,
          ownerId,
          memberIds,
          syncStatus: 'PENDING',
          createdAt: now,
        });
        return this.deps.outbox.insert(trx, { groupId, kind: operation.kind, payload: operation, now });
      });
    } catch (error) {
      // Two requests racing for one id: the loser hits the primary key.
      if (isUniqueViolation(error)) throw new GroupIdTakenError(groupId);
      throw error;
    }
  }

  /** The IM Service refused the group: it is removed here too, and whatever part reached the IM Service is dismissed. */
  private async undoCreate(groupId: string, rowId: number, progress: number, ownerId: string, error: ImError): Promise<never> {
    const now = Date.now();
    let compensation: number | null = null;
    await this.deps.store.db.transaction().execute(async (trx) => {
      await this.deps.groups.delete(trx, groupId);
      await this.deps.outbox.withdraw(trx, rowId, now);
      if (progress > 0) {
        const dismiss: OutboxOperation = { kind: 'dismissGroup', groupId, operatorUserId: ownerId };
        compensation = await this.deps.outbox.insert(trx, { groupId, kind: dismiss.kind, payload: dismiss, now });
      }
    });
    if (compensation !== null) void this.deps.dispatcher.dispatch(compensation);
    this.deps.logger.warn({ groupId, imCode: error.imCode }, 'group creation refused by the IM Service');
    throw new UpstreamError(rejectionMessage(error), error.imCode, false);
  }

  /**
   * Nothing reached the IM Service and the deadline passed: rather than leave a group that
   * cannot be used for chat, the create is withdrawn and the caller told to try again.
   */
  private async withdrawCreate(groupId: string, rowId: number, error: unknown): Promise<void> {
    const withdrawn = await this.deps.store.db.transaction().execute(async (trx) => {
      if (!(await this.deps.outbox.withdraw(trx, rowId, Date.now()))) return false;
      await this.deps.groups.delete(trx, groupId);
      return true;
    });
    // A dispatcher picked the row up meanwhile: it is on its way, so the group stays, pending.
    if (!withdrawn) return;
    if (error instanceof ImRateLimitedError) throw new RateLimitedError(error.retryAfterMs);
    throw new UpstreamError('The IM Service could not be reached; nothing was created. Try again shortly.', null, true);
  }

  private async requireGroup(groupId: string): Promise<GroupRow> {
    const [group] = await this.deps.groups.findByIds([groupId]);
    if (!group) throw new Error(`group ${groupId} vanished after being written`);
    return group;
  }
}

function requireCaller(scope: RequestScope): string {
  if (!scope.callerId) throw new NotAuthenticatedError();
  return scope.callerId;
}

function mayHaveActed(error: unknown): boolean {
  return !(error instanceof Error) || (error as Partial<ImError>).mayHaveTakenEffect !== false;
}

function rejectionMessage(error: ImError): string {
  if (error instanceof ImAuthError) {
    return `The IM Service refused the gateway's credentials (code ${error.imCode ?? 'none'}); nothing was created. This needs an operator.`;
  }
  return `The IM Service refused to create the group (code ${error.imCode ?? 'none'}); nothing was created.`;
}

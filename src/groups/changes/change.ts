import type { Transaction } from 'kysely';
import type { Group, Member } from '../entities.js';
import { GroupNotFoundError, InvalidInputError, NotAMemberError } from '../errors.js';
import type { EventDraft } from '../events/event.js';
import type { NotificationInput } from '../notifications.js';
import type { OutboxOperation } from '../outbox/operations.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { MembersRepository } from '../store/members.repository.js';
import type { Database } from '../store/tables.js';

/**
 * What a use case declares; the change runner (`runner.ts`) does everything else: the
 * transaction, the idempotency key's whole life, shedding, the outbox rows, the send and the undo.
 */

/** What every change's input may carry, whatever the use case. */
export interface ChangeInput {
  /** Publish the change's notices (default true). A notice never fails its change. */
  notify?: boolean | null;
  /** Repeating a request with the same key answers its first outcome instead of acting twice. */
  idempotencyKey?: string | null;
}

/** A value that survives JSON: outcomes are recorded with their idempotency key and replayed from it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One thing the IM Service must hear of, in order: a group call, or a notice (dropped with `notify: false`). */
export type Step = { call: OutboxOperation } | { notice: Omit<NotificationInput, 'groupId' | 'at'> };

/** A change planned inside its transaction, its rows already written there. */
export interface Plan<Outcome extends Json> {
  /** The group the change is about (a create names the one it made). */
  groupId: string;
  /** In the order they must reach the IM Service: a notice before a call leads it (Kicked before the quit). */
  steps: Step[];
  /**
   * What happened, for the event log (`events/drafts.ts`, one line each): written with the change,
   * seen once it stands (see `events/event-log.ts`), never if it is undone. Empty: nothing changed.
   */
  events: EventDraft[];
  /** Restores the store as it was, should the IM Service refuse the change or never hear of it. */
  undo(trx: Transaction<Database>): Promise<void>;
  /** What the caller is answered, now and on every repeat with the same idempotency key. */
  outcome: Outcome;
  /** The group's row was written PENDING by the change itself (a create): the runner need not mark it again. */
  writtenPending?: boolean;
}

/** A change of the group domain: its name (an idempotency key is bound to it) and its plan. */
export interface UseCase<Input extends ChangeInput, Outcome extends Json> {
  readonly name: string;
  /**
   * The rate class of the first call that decides the change (null: it sends none), so that a
   * saturated budget refuses it before any work. A hint: the runner checks the plan exactly after.
   */
  firstCall?(input: Input): 'group' | 'publish' | null;
  plan(change: ChangeContext, input: Input): Promise<Plan<Outcome>>;
}

/** A plan that touches nothing at the IM Service. */
export function nothingToDo<Outcome extends Json>(groupId: string, outcome: Outcome): Plan<Outcome> {
  return { groupId, steps: [], events: [], undo: async () => undefined, outcome };
}

/**
 * What a use case may do to the store: the repository methods that run in the transaction it is
 * given. (The others read through the pool: inside a change they would wait, on SQLite's one
 * connection, for the transaction that waits on them.)
 */
export interface ChangeStores {
  groups: Pick<GroupsRepository, 'insert' | 'delete' | 'findActiveForChange' | 'updateProfile' | 'adjustMemberCount' | 'setOwner' | 'setDismissedAt'>;
  members: Pick<MembersRepository, 'find' | 'add' | 'remove' | 'restore' | 'setRole'>;
}

/** What a use case plans with: the open transaction, the caller, the stores and the settings every change needs. */
export class ChangeContext {
  constructor(
    readonly trx: Transaction<Database>,
    /** The signed-in caller making the change. */
    readonly actorId: string,
    readonly stores: ChangeStores,
    readonly settings: { maxMembers: number; notificationSender: string },
  ) {}

  /**
   * The group (or GroupNotFoundError) and the actor's membership in it (null for an outsider).
   * The group's row stays locked until the change commits (PostgreSQL): two changes of one group,
   * say two additions that together pass the member limit, cannot both pass their checks.
   */
  async loadForChange(groupId: string): Promise<{ group: Group; actor: Member | null }> {
    const group = await this.stores.groups.findActiveForChange(this.trx, groupId);
    if (!group) throw new GroupNotFoundError(groupId);
    const [actor = null] = await this.stores.members.find(this.trx, groupId, [this.actorId]);
    return { group, actor };
  }

  async requireMember(groupId: string, userId: string): Promise<Member> {
    const [member] = await this.stores.members.find(this.trx, groupId, [userId]);
    if (!member) throw new NotAMemberError(groupId, userId);
    return member;
  }

  /**
   * The notification sender is no one's member, owner or target: a notice from it must be the
   * gateway's. `path` is the input field; a list's issues name the index too.
   */
  refuseReserved(userIds: string | readonly string[], path: readonly string[]): void {
    const named = typeof userIds === 'string' ? [{ userId: userIds, path }] : userIds.map((userId, index) => ({ userId, path: [...path, index] }));
    const issues = named
      .filter(({ userId }) => userId === this.settings.notificationSender)
      .map(({ userId, path: at }) => ({ path: at, message: `"${userId}" is reserved for group notifications` }));
    if (issues.length > 0) throw new InvalidInputError(issues);
  }
}

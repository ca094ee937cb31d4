import { DomainError, GroupNotFoundError, InvalidInputError, NotAMemberError, NotAuthenticatedError } from '../errors.js';
import { CursorExpiredError } from './event-log.js';
import { canReadProfile } from '../permissions.js';
import { GROUP_ID } from '../rules.js';
import type { RequestScope } from '../scope.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { MembersRepository } from '../store/members.repository.js';
import type { EventStream, StreamedEvent, StreamItem } from './event-stream.js';
import type { EventHub } from './hub.js';

/**
 * The subscriptions' use cases: who may open which stream, from where it resumes, and when it
 * ends. The hub does the delivery; this file only decides.
 */

/** The log's reads a stream replays from, and what an event means for a subscriber. */
export interface StreamLog<E extends StreamedEvent> {
  readGroupAfter(groupId: string, cursor: string | null, limit: number): Promise<E[]>;
  readViewerAfter(userId: string, cursor: string | null, limit: number): Promise<E[]>;
  /** The cursor of the last event released (null: none yet). */
  latestCursor(): Promise<string | null>;
  /** The oldest cursor one may still resume after (older ones were pruned, `EVENT_RETENTION_HOURS`); null: any. */
  oldestCursor(): Promise<string | null>;
  /** The sequence behind a cursor the log gave; `InvalidInputError` for anything else. */
  sequenceOf(cursor: string): number;
  /** True when the event ends `userId`'s membership of its group (removed, left, or the group dismissed). */
  endsMembership(event: E, userId: string): boolean;
}

/** A refusal a subscription answers as its only item. */
export type StreamRefusal = DomainError | CursorExpiredError;

/** What a subscription answers: its events, or a typed refusal as its only item. */
export type Subscription<E> = AsyncIterableIterator<StreamItem<E>> | StreamRefusal;

export interface EventStreamsDeps<E extends StreamedEvent> {
  hub: EventHub<E>;
  log: StreamLog<E>;
  groups: GroupsRepository;
  members: MembersRepository;
}

/** Events a replay reads from the log at a time: read again when the subscriber has taken them. */
const REPLAY_PAGE = 100;

export class EventStreams<E extends StreamedEvent> {
  constructor(private readonly deps: EventStreamsDeps<E>) {}

  /**
   * A member's stream of one group's events. The stream is registered before the membership is
   * checked: a removal committed after the check is then certain to reach it (and end it).
   */
  async group(scope: RequestScope, input: { groupId: string; after: string | null }): Promise<Subscription<E>> {
    const userId = this.caller(scope);
    if (typeof userId !== 'string') return userId;
    if (!GROUP_ID.test(input.groupId)) return new InvalidInputError([{ path: ['input', 'groupId'], message: 'not a group id' }]);
    const refused = await this.checkAfter(input.after);
    if (refused) return refused;
    const { log, hub } = this.deps;
    const stream = await hub.openStream({
      kind: 'group',
      userId,
      groupId: input.groupId,
      after: input.after,
      rules: { accepts: () => true, endsAfter: (event) => log.endsMembership(event, userId) },
      replay: (after) => log.readGroupAfter(input.groupId, after, REPLAY_PAGE),
    });
    try {
      const [group] = await this.deps.groups.findByIds([input.groupId]);
      if (!group) return await closed(stream, new GroupNotFoundError(input.groupId));
      const [member] = await this.deps.members.findPairs([{ groupId: input.groupId, userId }]);
      // A PRIVATE group is unknown to an outsider, as every read answers it (`canReadProfile`): not even its existence shows.
      if (!member) return await closed(stream, canReadProfile(group, null) ? new NotAMemberError(input.groupId, userId) : new GroupNotFoundError(input.groupId));
      return await this.fromNowUnlessAfter(stream, input.after);
    } catch (error) {
      await stream.return?.();
      throw error;
    }
  }

  /** The caller's own stream: what their conversation list needs, across their groups. */
  async viewer(scope: RequestScope, input: { after: string | null }): Promise<Subscription<E>> {
    const userId = this.caller(scope);
    if (typeof userId !== 'string') return userId;
    const refused = await this.checkAfter(input.after);
    if (refused) return refused;
    const { log, hub } = this.deps;
    const stream = await hub.openStream({
      kind: 'viewer',
      userId,
      groupId: null,
      after: input.after,
      // The hub offers a viewer stream only the events whose audience holds its user.
      rules: { accepts: () => true, endsAfter: () => false },
      replay: (after) => log.readViewerAfter(userId, after, REPLAY_PAGE),
    });
    try {
      return await this.fromNowUnlessAfter(stream, input.after);
    } catch (error) {
      await stream.return();
      throw error;
    }
  }

  /**
   * Without `after`, a stream starts after the log's last event as read once it is registered:
   * older events the hub has yet to fan out are skipped, newer ones are all queued on it.
   */
  private async fromNowUnlessAfter(stream: EventStream<E>, after: string | null): Promise<EventStream<E>> {
    if (after !== null) return stream;
    const latest = await this.deps.log.latestCursor();
    if (latest !== null) stream.skipThrough({ cursor: latest, sequence: this.deps.log.sequenceOf(latest) });
    return stream;
  }

  private caller(scope: RequestScope): string | NotAuthenticatedError {
    if (scope.credentialsRefused || !scope.callerId) return new NotAuthenticatedError(scope.authProblem ?? undefined);
    return scope.callerId;
  }

  /**
   * A malformed `after` is a `ValidationError`, and so is one past every event released (made up,
   * or from another deployment's log): its stream would wait, silent, for events that never come.
   * One older than the events kept is `CursorExpiredError`.
   */
  private async checkAfter(after: string | null): Promise<StreamRefusal | null> {
    if (after === null) return null;
    let sequence: number;
    try {
      sequence = this.deps.log.sequenceOf(after);
    } catch (error) {
      if (error instanceof InvalidInputError) return notAnEventCursor();
      throw error;
    }
    const latest = await this.deps.log.latestCursor();
    if (sequence > (latest === null ? 0 : this.deps.log.sequenceOf(latest))) return notAnEventCursor();
    const oldest = await this.deps.log.oldestCursor();
    return oldest !== null && sequence < this.deps.log.sequenceOf(oldest) ? new CursorExpiredError(oldest) : null;
  }
}

async function closed<E>(stream: AsyncIterableIterator<E>, refusal: StreamRefusal): Promise<StreamRefusal> {
  await stream.return?.();
  return refusal;
}

function notAnEventCursor(): InvalidInputError {
  return new InvalidInputError([{ path: ['input', 'after'], message: 'not an event cursor: pass one an event gave' }]);
}

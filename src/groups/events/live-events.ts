import type { Logger } from 'pino';
import { decodeEventCursor } from '../cursors.js';
import type { GroupsRepository } from '../store/groups.repository.js';
import type { MembersRepository } from '../store/members.repository.js';
import type { GroupEvent } from './event.js';
import { CursorExpiredError, type EventLog } from './event-log.js';
import { EventStreams, type StreamLog } from './event-streams.js';
import { EventHub, type Doorbell, type HubObserver, type ReleasedEventLog } from './hub.js';

/**
 * Live delivery over the event log, wired once: the instance's hub (rung by this instance's
 * releases, the doorbell and its poll) and the subscriptions' use cases.
 */
export interface LiveEvents {
  hub: EventHub<GroupEvent>;
  streams: EventStreams<GroupEvent>;
  /** Reads the log's last cursor and starts listening; before it, no stream is served. */
  start(): Promise<void>;
  /** Ends every stream (`ResumeRequired`, `SHUTTING_DOWN`) and stops listening. */
  close(): Promise<void>;
}

export interface LiveEventsOptions {
  log: EventLog;
  groups: GroupsRepository;
  members: MembersRepository;
  doorbell: Doorbell | null;
  logger: Logger;
  pollMs: number;
  bufferLimit: number;
  maxStreams: number;
  maxStreamsPerUser: number;
  observer?: HubObserver;
}

export function liveEvents(options: LiveEventsOptions): LiveEvents {
  const { log } = options;
  const hub = new EventHub<GroupEvent>({
    log: hubLog(log),
    doorbell: options.doorbell,
    logger: options.logger,
    pollMs: options.pollMs,
    bufferLimit: options.bufferLimit,
    maxStreams: options.maxStreams,
    maxStreamsPerUser: options.maxStreamsPerUser,
    ...(options.observer ? { observer: options.observer } : {}),
  });
  const streams = new EventStreams<GroupEvent>({ hub, log: streamLog(log), groups: options.groups, members: options.members });
  let stopListening = () => {};
  return {
    hub,
    streams,
    async start() {
      await hub.start();
      // After commit, on the instance that released: the hub reads them and rings the others.
      stopListening = log.onReleased((events) => hub.released(events.at(-1)?.cursor ?? null));
    },
    async close() {
      stopListening();
      await hub.close();
    },
  };
}

function hubLog(log: EventLog): ReleasedEventLog<GroupEvent> {
  return {
    readAfter: (cursor, limit) => log.readAfter(cursor, limit),
    async latestPosition() {
      const cursor = await log.latestCursor();
      return cursor === null ? null : { cursor, sequence: decodeEventCursor(cursor) };
    },
    sequenceOf: decodeEventCursor,
    isExpired: (error) => error instanceof CursorExpiredError,
    viewerAudiences: (events) => log.viewerAudiences(events),
  };
}

function streamLog(log: EventLog): StreamLog<GroupEvent> {
  return {
    readGroupAfter: (groupId, cursor, limit) => log.readGroupAfter(groupId, cursor, limit),
    readViewerAfter: (userId, cursor, limit) => log.readViewerAfter(userId, cursor, limit),
    latestCursor: () => log.latestCursor(),
    oldestCursor: () => log.oldestCursor(),
    sequenceOf: decodeEventCursor,
    endsMembership,
  };
}

/** The subscriber's membership ends with this event: removed, left, or the group dismissed. */
export function endsMembership(event: GroupEvent, userId: string): boolean {
  switch (event.kind) {
    case 'MembersRemoved':
      return event.data.userIds.includes(userId);
    case 'MemberLeft':
      return event.data.userId === userId;
    case 'GroupDismissed':
      return true;
    default:
      return false;
  }
}

import type { MemberRole } from '../entities.js';

/**
 * The group domain's events: what happened to a group, written by the change that did it, in its
 * own transaction (`Plan.events`), and readable once that change stands (see `event-log.ts`).
 *
 * To add an event (a later issue's change): its payload under its kind in `GroupEventPayloads`, a
 * constructor in `drafts.ts`, one line in the use case's plan (`events: [...]`), and its GraphQL
 * type in `src/graphql/modules/events/`.
 */
export interface GroupEventPayloads {
  /** The group was made; `memberIds` are its first members, the owner (the actor) included. */
  GroupCreated: { name: string; memberIds: string[] };
  MembersAdded: { userIds: string[] };
  /** Removed by the owner or an admin (the actor). */
  MembersRemoved: { userIds: string[] };
  /** The actor left the group. */
  MemberLeft: { userId: string };
  /** Only the fields in `changed` changed; `name` and `avatarUrl` are the profile as the change left it. */
  GroupProfileUpdated: { changed: Array<'name' | 'avatarUrl'>; name: string; avatarUrl: string | null };
  MemberRoleChanged: { userId: string; role: MemberRole; previousRole: MemberRole };
  /** The previous owner (the actor) stays as an admin. */
  OwnershipTransferred: { previousOwnerId: string; newOwnerId: string };
  GroupDismissed: Record<string, never>;
}

export type GroupEventKind = keyof GroupEventPayloads;

export const GROUP_EVENT_KINDS = [
  'GroupCreated',
  'MembersAdded',
  'MembersRemoved',
  'MemberLeft',
  'GroupProfileUpdated',
  'MemberRoleChanged',
  'OwnershipTransferred',
  'GroupDismissed',
] as const satisfies readonly GroupEventKind[];

/**
 * An event as a use case declares it; the runner adds the group, the actor and the time.
 * `userIds`: the users it is about (added, removed, whose role changed...), also the ones whose
 * conversation list hears of it (`readViewerAfter`). `toMembers`: every member of the group at the
 * change hears of it too (a rename, a dismissal).
 */
export type EventDraft = {
  [K in GroupEventKind]: { kind: K; data: GroupEventPayloads[K]; userIds: readonly string[]; toMembers?: boolean };
}[GroupEventKind];

/** A released event: it happened, for good. */
export type GroupEvent = {
  [K in GroupEventKind]: {
    kind: K;
    /** Opaque, stable: the position in the one global log (see `cursors.ts` `encodeEventCursor`). */
    cursor: string;
    /** The global sequence behind the cursor: strictly increasing in release (commit) order. */
    sequence: number;
    groupId: string;
    actorId: string;
    occurredAt: Date;
    /** The users the event is about, possibly none. */
    userIds: string[];
    data: GroupEventPayloads[K];
  };
}[GroupEventKind];

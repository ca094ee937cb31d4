import type { GroupVisibility, MemberRole, WayIn } from '../entities.js';

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
  /** How they came in (`joinedBy`; events written before joining existed have none: they were ADDED). */
  MembersAdded: { userIds: string[]; joinedBy?: WayIn };
  /** Removed by the owner or an admin (the actor). */
  MembersRemoved: { userIds: string[] };
  /** The actor left the group. */
  MemberLeft: { userId: string };
  /**
   * Only the fields in `changed` changed; `name`, `avatarUrl`, `description` and `visibility` are
   * the profile as the change left it (`description` and `visibility` absent from events written
   * before they existed). The announcement and the attributes, which only members read, and the
   * joining rules (`joinPolicy`, `membersCanInvite`: read on the group) are named in `changed` only.
   */
  GroupProfileUpdated: {
    changed: Array<'name' | 'avatarUrl' | 'description' | 'announcement' | 'attributes' | 'visibility' | 'joinPolicy' | 'membersCanInvite'>;
    name: string;
    avatarUrl: string | null;
    description?: string | null;
    visibility?: GroupVisibility;
  };
  /** A member's nickname in the group (null: cleared), by themself or, cleared, by the owner or an admin (the actor). */
  MemberNicknameChanged: { userId: string; nickname: string | null };
  MemberRoleChanged: { userId: string; role: MemberRole; previousRole: MemberRole };
  /** The previous owner (the actor) stays as an admin. */
  OwnershipTransferred: { previousOwnerId: string; newOwnerId: string };
  GroupDismissed: Record<string, never>;
  /** The owner or an admin (the actor) muted members until `mutedUntil` (ms since the epoch). */
  MembersMuted: { userIds: string[]; mutedUntil: number };
  MembersUnmuted: { userIds: string[] };
  /** The owner or an admin (the actor) muted the whole group, or lifted that. */
  GroupMuteChanged: { muted: boolean };
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
  'MemberNicknameChanged',
  'GroupDismissed',
  'MembersMuted',
  'MembersUnmuted',
  'GroupMuteChanged',
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

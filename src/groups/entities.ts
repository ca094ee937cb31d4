/**
 * The group domain's own types: what the rules, the use cases and the GraphQL layer work with.
 * Rows exist only inside the repositories, which map them to these (camelCase, dates as `Date`).
 */

export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';

/** Whether the IM Service already knows the group as the gateway stores it. */
export type SyncStatus = 'PENDING' | 'SYNCED' | 'FAILED';

/** Who may read the profile (see `permissions.ts`): PRIVATE, the members; PUBLIC, anyone signed in, and search finds it. */
export type GroupVisibility = 'PRIVATE' | 'PUBLIC';

export interface Group {
  groupId: string;
  name: string;
  avatarUrl: string | null;
  visibility: GroupVisibility;
  ownerId: string;
  /** The owner included. */
  memberCount: number;
  syncStatus: SyncStatus;
  /** Why the IM Service refused the group, when `syncStatus` is FAILED. */
  syncError: string | null;
  createdAt: Date;
  /** Set once the group is dismissed: it then reads as unknown everywhere. */
  dismissedAt: Date | null;
  /** What the group is about (up to 512 characters); null when none. */
  description: string | null;
  /** The group's announcement and who set it when; null when there is none. */
  announcement: Announcement | null;
  /** App-defined key/value strings (at most 10), in key order; empty when none. */
  attributes: GroupAttribute[];
  /** Muted whole: only the owner and admins may speak (the IM Service's group ban and its whitelist). */
  muted: boolean;
}

export interface Announcement {
  text: string;
  setBy: string;
  setAt: Date;
}

export interface GroupAttribute {
  key: string;
  value: string;
}

/** A user's place in one group. */
export interface Member {
  groupId: string;
  userId: string;
  role: MemberRole;
  joinedAt: Date;
  /** The member's nickname in this group (up to 32 characters); null when none. */
  nickname: string | null;
  /** When the member's mute ends, as recorded (a time past means it has ended); null when not muted. */
  mutedUntil: Date | null;
}

/** A group seen from one of its members: a line of that user's conversation list. */
export interface Membership {
  group: Group;
  member: Member;
}

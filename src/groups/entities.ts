/**
 * The group domain's own types: what the rules, the use cases and the GraphQL layer work with.
 * Rows exist only inside the repositories, which map them to these (camelCase, dates as `Date`).
 */

export type MemberRole = 'OWNER' | 'ADMIN' | 'MEMBER';

/**
 * Who may come in without being added: `INVITE_ONLY` (invitations and links only, the default),
 * `REQUEST` (anyone may ask, the owner or an admin approves) or `OPEN` (anyone signed in joins).
 */
export type JoinPolicy = 'INVITE_ONLY' | 'REQUEST' | 'OPEN';

/** How a member came in, carried by the `Add` notice and the answer: each way in is one membership change. */
export type WayIn = 'ADDED' | 'REQUEST_APPROVED' | 'INVITATION_ACCEPTED' | 'INVITE_LINK' | 'OPEN_JOIN';

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
  joinPolicy: JoinPolicy;
  /** Plain members may invite too (the owner and admins always may). */
  membersCanInvite: boolean;
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

/** A user's pending request to join a group. */
export interface JoinRequest {
  groupId: string;
  userId: string;
  message: string | null;
  requestedAt: Date;
}

/** A pending invitation of a user into a group. */
export interface Invitation {
  groupId: string;
  userId: string;
  inviterId: string;
  message: string | null;
  invitedAt: Date;
  expiresAt: Date;
}

/** An invite link, without its code (kept hashed; shown once, when created). */
export interface InviteLink {
  linkId: string;
  groupId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** Null: no limit but the group's seats and the expiry. */
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
}

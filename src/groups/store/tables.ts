import type { ColumnType, Generated, Selectable } from 'kysely';
import type { GroupVisibility, JoinPolicy, MemberRole, SyncStatus } from '../entities.js';

/** Epoch milliseconds (bigint): a JS number on both dialects, since the PostgreSQL pool parses int8 as one. */
type Millis = ColumnType<number, number, number>;

export type { GroupVisibility, MemberRole, SyncStatus } from '../entities.js';
/** RESOLVED: a FAILED row an operator's reconcile has superseded (kept, with its error, for the record). */
export type OutboxStatus = 'PENDING' | 'DONE' | 'FAILED' | 'RESOLVED';

export interface GroupsTable {
  group_id: string;
  name: string;
  avatar_url: string | null;
  /** PRIVATE unless an owner or admin made it PUBLIC (migration 0010 gives existing groups PRIVATE). */
  visibility: ColumnType<GroupVisibility, GroupVisibility | undefined, GroupVisibility>;
  owner_id: string;
  /** Kept in the same transaction as every membership change, so a page of groups reads it in one statement. */
  member_count: number;
  sync_status: SyncStatus;
  /** Why the IM Service refused the group, when `sync_status` is FAILED. */
  sync_error: string | null;
  created_at: Millis;
  /** Set when the group was dismissed: it then answers as unknown everywhere. */
  dismissed_at: Millis | null;
  /** Migration 0007 (profiles): what the group is about, up to 512 characters. */
  description: Generated<string | null>;
  /** Up to 1024 characters, with who set it and when (all three null when there is none). */
  announcement: Generated<string | null>;
  announcement_set_by: Generated<string | null>;
  announcement_set_at: Generated<number | null>;
  /** App-defined key/value strings as a JSON object (at most 10 entries); null when none. */
  attributes: Generated<string | null>;
  /** 1 while the group is muted whole (only the owner and admins speak), else 0. */
  muted: ColumnType<number, number | undefined, number>;
  /** Who may come in, and how (`JoinPolicy`). */
  join_policy: Generated<JoinPolicy>;
  /** 1: plain members may invite too; 0: only the owner and admins. */
  members_can_invite: Generated<number>;
}

export interface GroupMembersTable {
  group_id: string;
  user_id: string;
  role: MemberRole;
  joined_at: Millis;
  /** The member's nickname in this group (up to 32 characters), null when none. */
  nickname: Generated<string | null>;
  /** When the member's mute ends; null when never muted or unmuted (a past time reads as not muted). */
  muted_until: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface OutboxTable {
  id: Generated<number>;
  group_id: string;
  /** Which IM operation: see `outbox/operations.ts`. */
  kind: string;
  /** 1 for a notice that must precede the group calls written after it (Kicked, Dismiss); 0 otherwise. */
  leads: Generated<number>;
  /** The operation's JSON payload. */
  payload: string;
  status: OutboxStatus;
  /** Steps already applied (an operation may take several IM calls); a retry resumes here. */
  progress: number;
  attempts: number;
  next_attempt_at: Millis;
  /** A claim: the row belongs to one dispatcher until then. */
  locked_until: Millis | null;
  last_error: string | null;
  last_im_code: number | null;
  created_at: Millis;
  /** Where the notice bound to the row's last call stands (see `NoticeState`); null when the row carries none. */
  notice_state: Generated<NoticeState | null>;
}

/**
 * A bound notice's life, so that it reaches the IM Service at most once and a notice that may be
 * lost is always recorded: `unsent` (certainly not at the IM Service), `offered` (the attempt that
 * holds the claim sends it with the last call), `interrupted` (an attempt that held it ended
 * unsettled: sent only if it had reached the last call), `sent` (the call carrying it succeeded),
 * `given_up` (it may be lost: never offered again, recorded as a FAILED notice row).
 */
export type NoticeState = 'unsent' | 'offered' | 'interrupted' | 'sent' | 'given_up';

export interface IdempotencyKeysTable {
  caller_id: string;
  key: string;
  /** The mutation the key was first used with. */
  operation: string;
  /** A hash of the first request's input: the same key with another input is refused. */
  request_hash: string;
  /** The first request's result, encoded by its mutation, to repeat to a retry. */
  outcome: string;
  created_at: Millis;
}

/** A pending request to join a group (deleted once approved, declined or cancelled). */
export interface JoinRequestsTable {
  group_id: string;
  user_id: string;
  message: string | null;
  created_at: Millis;
}

/** A pending invitation (deleted once accepted or declined; past `expires_at` it is refused). */
export interface GroupInvitationsTable {
  group_id: string;
  user_id: string;
  inviter_id: string;
  message: string | null;
  created_at: Millis;
  expires_at: Millis;
}

/** An invite link; its code is kept only as a SHA-256 hash. */
export interface GroupInviteLinksTable {
  link_id: string;
  group_id: string;
  code_hash: string;
  created_by: string;
  created_at: Millis;
  expires_at: Millis;
  /** Null: as many uses as the group has seats until it expires. */
  max_uses: number | null;
  uses: Generated<number>;
  revoked_at: Millis | null;
}

/**
 * One row per PUBLIC, active group: its text as search compares it (`search/terms.ts`), written
 * by `search.repository.ts` `reindex` in the transaction of each change of name, description,
 * visibility or dismissal. SQLite indexes it with an FTS5 trigram table (`group_search_fts`, kept by triggers),
 * PostgreSQL with a pg_trgm GIN index (migration 0010).
 */
export interface GroupSearchTable {
  /** The FTS5 table's rowid on SQLite (an INTEGER PRIMARY KEY, so VACUUM keeps it). */
  search_id: Generated<number>;
  group_id: string;
  name_text: string;
  /** The name's text, then the rest the group is found by. */
  search_text: string;
}

/** An event of the log (src/groups/events/): written with its change, released once the change stands. */
export interface GroupEventsTable {
  id: Generated<number>;
  group_id: string;
  /** A `GroupEventKind`. */
  kind: string;
  actor_id: string;
  occurred_at: Millis;
  /** JSON array: the users the event is about. */
  user_ids: string;
  /** JSON: the kind's payload (`GroupEventPayloads`). */
  data: string;
  /** The outbox group call whose completion makes it ready; null: ready at its change's commit. */
  gate_outbox_id: number | null;
  /** 1 once its change stands: the releaser releases it with (never before) the group's earlier events. */
  ready: number;
  /** The global position, given at release (null: unreleased, unseen). */
  sequence: number | null;
}

/** Who hears of an event in their conversation list (`readViewerAfter`). */
export interface GroupEventUsersTable {
  user_id: string;
  event_id: number;
}

/** One row (id 1): the last sequence given out, and the last one retention pruned. */
export interface EventLogTable {
  id: number;
  last_sequence: number;
  pruned_through: number;
}

export interface Database {
  groups: GroupsTable;
  group_search: GroupSearchTable;
  group_events: GroupEventsTable;
  group_event_users: GroupEventUsersTable;
  event_log: EventLogTable;
  group_members: GroupMembersTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  join_requests: JoinRequestsTable;
  group_invitations: GroupInvitationsTable;
  group_invite_links: GroupInviteLinksTable;
}

export type GroupRow = Selectable<GroupsTable>;
export type MemberRow = Selectable<GroupMembersTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type JoinRequestRow = Selectable<JoinRequestsTable>;
export type InvitationRow = Selectable<GroupInvitationsTable>;
export type InviteLinkRow = Selectable<GroupInviteLinksTable>;
export type GroupEventRow = Selectable<GroupEventsTable>;

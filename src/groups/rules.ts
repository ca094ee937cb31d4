import { z } from 'zod';
import { IM_LIMITS } from '../im/index.js';
import { displayText } from './display-text.js';
import { userIdProblem } from './user-ids.js';

/** The IM Service's default member cap; the app's own comes from `IM_MAX_GROUP_MEMBERS`. */
export const DEFAULT_MAX_GROUP_MEMBERS = IM_LIMITS.membersPerGroup;
/**
 * How many user ids one request may name (twice as many for a create, duplicates counting once):
 * a bound on hostile input, not the group's cap. A group allowed more is built in several requests.
 */
export const MAX_GROUP_MEMBERS = DEFAULT_MAX_GROUP_MEMBERS;
/** At most this many ids in one `groups(groupIds:)` read. */
export const MAX_GROUPS_PER_READ = 100;
/** Page sizes: a member list, and a user's list of groups. */
export const MAX_MEMBERS_PAGE = 200;
export const DEFAULT_MEMBERS_PAGE = 50;
export const MAX_GROUPS_PAGE = 100;
export const DEFAULT_GROUPS_PAGE = 50;
/** A page of search results: small, since each is ranked among every match. */
export const MAX_SEARCH_PAGE = 50;
export const DEFAULT_SEARCH_PAGE = 20;
/** A page of a group's event history (`Group.events`). */
export const MAX_EVENTS_PAGE = 100;
export const DEFAULT_EVENTS_PAGE = 50;

/**
 * Text that can travel: a lone UTF-16 surrogate (JSON's `"\ud800"`) is not a character, cannot
 * be percent-encoded for the IM Service, and would be stored mangled.
 */
const wellFormed = z
  .string()
  .refine((text) => text.isWellFormed(), 'Use valid Unicode text (no lone surrogates)')
  // PostgreSQL's text cannot hold U+0000, and SQLite would keep it: refused alike on both stores.
  .refine((text) => !text.includes('\u0000'), 'Remove the NUL character (U+0000)')
  // Ill-formed UTF-8 in a request body is decoded as U+FFFD: refused rather than stored as "�".
  .refine((text) => !text.includes('\ufffd'), 'Use valid UTF-8 text (it arrived with undecodable bytes, U+FFFD)');

/** The IM Service takes letters and digits only, at most 64. */
export const GROUP_ID = /^[A-Za-z0-9]{1,64}$/;
export const groupIdSchema = z.string().regex(GROUP_ID, 'Use 1 to 64 letters and digits');

/** Counted in characters as people see them (code points), not UTF-16 units. */
export const groupNameSchema = wellFormed
  .trim()
  .refine((name) => [...name].length >= 1, 'The name cannot be empty')
  .refine((name) => [...name].length <= 64, 'Use at most 64 characters');

/** One rule for every user id (see `user-ids.ts`): refused with the reason. */
export const userIdSchema = z.string().superRefine((id, context) => {
  const problem = userIdProblem(id);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const avatarUrlSchema = wellFormed
  .max(2048, 'Use at most 2048 characters')
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'Use an http(s) URL');

/**
 * Bounds the list before anything else looks at it, so a hostile 100 000-id list is refused
 * in one issue instead of 100 000. Duplicates count once.
 */
export const memberIdsSchema = z
  .array(userIdSchema)
  .max(MAX_GROUP_MEMBERS * 2, `List at most ${MAX_GROUP_MEMBERS * 2} ids`);

/** Chosen by the client, one per intended change; printable ASCII keeps keys easy to log and compare. */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,128}$/, 'Use 1 to 128 printable ASCII characters, no spaces');

/** Profiles (issue 17): bounds in characters as people see them (code points). */
export const MAX_DESCRIPTION = 512;
export const MAX_ANNOUNCEMENT = 1024;
/** The vendor's demo server's bound for a group member's display name (sealtalk-server GROUP_MEMBER_DISPLAY_NAME_MAX_LENGTH). */
export const MAX_NICKNAME = 32;
export const MAX_ATTRIBUTES = 10;
export const MAX_ATTRIBUTE_VALUE = 1024;
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_]{1,32}$/;

function textOf(max: number, what: string) {
  return wellFormed
    .refine((text) => displayText(text, '').length > 0, `${what} cannot be blank (nothing visible): send null to clear it`)
    .refine((text) => [...text].length <= max, `Use at most ${max} characters`);
}

export const descriptionSchema = textOf(MAX_DESCRIPTION, 'The description');
export const announcementSchema = textOf(MAX_ANNOUNCEMENT, 'The announcement');
export const nicknameSchema = wellFormed
  .trim()
  // Blank as people see it: only invisible characters (zero-width, bidi controls) would show an empty name in member lists.
  .refine((name) => displayText(name, '').length > 0, 'A nickname cannot be blank: send null to clear it')
  .refine((name) => [...name].length <= MAX_NICKNAME, `Use at most ${MAX_NICKNAME} characters`);

/** One request names each key once, at most as many as a group may hold; `value: null` removes the key. */
export const attributeChangesSchema = z
  .array(
    z.object({
      key: z.string().regex(ATTRIBUTE_KEY, 'Use 1 to 32 letters, digits and _'),
      value: wellFormed.refine((value) => [...value].length <= MAX_ATTRIBUTE_VALUE, `Use at most ${MAX_ATTRIBUTE_VALUE} characters`).nullable(),
    }),
  )
  .max(MAX_ATTRIBUTES, `Change at most ${MAX_ATTRIBUTES} attributes at once`)
  .refine((changes) => new Set(changes.map((change) => change.key)).size === changes.length, 'Name each key once');
/**
 * How many members one mute or unmute may name: 25 of the IM Service's calls (20 users each), a
 * quarter of a second's group budget, so one request cannot starve every other group's changes.
 * Muting more is what `setGroupMuted` is for.
 */
export const MAX_MUTED_PER_REQUEST = 500;

/**
 * Joining (README, "Joining groups"): every pending thing a client can make is bounded.
 * A message with a request or an invitation, in characters.
 */
export const MAX_JOIN_MESSAGE = 500;
/** Users one `inviteToGroup`, `approveJoinRequests` or `declineJoinRequests` may name. */
export const MAX_USERS_PER_JOIN_CHANGE = 100;
/** Pending requests to join one user may have, over every group. */
export const MAX_PENDING_REQUESTS_PER_USER = 100;
/** Unexpired invitations one group may have out. */
export const MAX_LIVE_INVITATIONS_PER_GROUP = 1000;
/** Invite links of one group that still admit someone (not revoked, expired or used up). */
export const MAX_LIVE_LINKS_PER_GROUP = 100;
/** `maxUses` of an invite link, at most. */
export const MAX_INVITE_LINK_USES = 100_000;
/** How far ahead an invite link may expire. */
export const MAX_INVITE_LINK_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
/** How long an invitation (and a link given no `expiresAt`) lasts by default: `INVITATION_TTL_SECONDS`. */
export const DEFAULT_INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Pages of join requests, invitations and links. */
export const MAX_JOINING_PAGE = 100;
export const DEFAULT_JOINING_PAGE = 20;

export const joinMessageSchema = wellFormed.max(MAX_JOIN_MESSAGE, `Use at most ${MAX_JOIN_MESSAGE} characters`);

/** What `createGroupInviteLink` hands out: 32 base64url characters (192 random bits); a bound on what is looked up. */
export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'Not an invite code: paste the code as it was given');

/** A link's id, as `GroupInviteLink.linkId` gives it: 32 hex digits. */
export const inviteLinkIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not an invite link id: use `GroupInviteLink.linkId`');

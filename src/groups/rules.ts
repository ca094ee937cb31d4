import { z } from 'zod';
import { IM_LIMITS } from '../im/index.js';
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

import { MODERATION_LIMITS } from '../../im/index.js';
import type { OutboxOperation, Step } from './operations.js';

/**
 * The outbox operations of moderation (see src/im/moderation.ts for the endpoints). Every call is
 * idempotent (a gag set again, a ban or whitelist entry added or removed again), so a retry after
 * a crash is harmless; users go 20 to a call, the IM Service's limit, so a mute of 100 members is
 * five calls.
 */
export type ModerationOperation =
  /** `until`: when the mute ends (ms); each call asks for the minutes left then, so a late retry does not lengthen it. */
  | { kind: 'gagMembers'; groupId: string; userIds: string[]; until: number }
  | { kind: 'ungagMembers'; groupId: string; userIds: string[] }
  /** The whitelist (owner and admins) first, then the ban: those who may speak never lose their voice in between. */
  | { kind: 'banGroup'; groupId: string; whitelist: string[] }
  /** The ban lifted first, then the whitelist emptied: the whitelist is kept only while the group is muted. */
  | { kind: 'unbanGroup'; groupId: string; whitelist: string[] }
  /** Role changes while the group is muted: those who lost the right to speak removed, then those who gained it added. */
  | { kind: 'whitelistMembers'; groupId: string; add: string[]; remove: string[] };

export const MODERATION_KINDS: ReadonlySet<string> = new Set(['gagMembers', 'ungagMembers', 'banGroup', 'unbanGroup', 'whitelistMembers']);

export function isModeration(operation: OutboxOperation): operation is ModerationOperation {
  return MODERATION_KINDS.has(operation.kind);
}

const MINUTE_MS = 60_000;

/**
 * The minutes of a gag that should end at `until`, asked at `now`: rounded up (a mute never ends
 * early; at most a minute late), never more than the IM Service takes; 0 when it has already ended.
 */
export function minutesLeft(until: number, now: number): number {
  return Math.min(MODERATION_LIMITS.maxGagMinutes, Math.max(0, Math.ceil((until - now) / MINUTE_MS)));
}

export function moderationSteps(operation: ModerationOperation): Step[] {
  const { groupId } = operation;
  switch (operation.kind) {
    case 'gagMembers':
      return users(operation.userIds).map((userIds) => async (im, options) => {
        const minutes = minutesLeft(operation.until, Date.now());
        // Delivered after the mute's end: it must not outlive it, nor leave an earlier, longer gag in place.
        if (minutes === 0) return im.moderation.ungagMembers({ groupId, userIds }, options);
        return im.moderation.gagMembers({ groupId, userIds, minutes }, options);
      });
    case 'ungagMembers':
      return users(operation.userIds).map((userIds) => (im, options) => im.moderation.ungagMembers({ groupId, userIds }, options));
    case 'banGroup':
      return [...whitelistSteps(groupId, operation.whitelist, 'add'), (im, options) => im.moderation.banGroups([groupId], options)];
    case 'unbanGroup':
      return [(im, options) => im.moderation.unbanGroups([groupId], options), ...whitelistSteps(groupId, operation.whitelist, 'remove')];
    case 'whitelistMembers':
      return [...whitelistSteps(groupId, operation.remove, 'remove'), ...whitelistSteps(groupId, operation.add, 'add')];
  }
}

function whitelistSteps(groupId: string, userIds: readonly string[], change: 'add' | 'remove'): Step[] {
  return users(userIds).map((batch) => (im, options) =>
    change === 'add' ? im.moderation.whitelistMembers({ groupId, userIds: batch }, options) : im.moderation.unwhitelistMembers({ groupId, userIds: batch }, options),
  );
}

/**
 * What undoes the first `progress` steps at the IM Service when a later one was refused and the
 * store undone. An unmute refused halfway is not undone here (the store does not keep when each
 * mute ended): reconcile gags those members again from the store.
 */
export function moderationCompensation(operation: ModerationOperation, progress: number): OutboxOperation | null {
  if (progress === 0) return null;
  const { groupId } = operation;
  switch (operation.kind) {
    case 'gagMembers':
      return { kind: 'ungagMembers', groupId, userIds: applied(operation.userIds, progress) };
    case 'ungagMembers':
      return null;
    case 'banGroup':
      // The ban is the last step: a refusal means it was not applied, only whitelist batches were.
      return { kind: 'whitelistMembers', groupId, add: [], remove: applied(operation.whitelist, progress) };
    case 'unbanGroup':
      return { kind: 'banGroup', groupId, whitelist: applied(operation.whitelist, progress - 1) };
    case 'whitelistMembers': {
      const removeSteps = users(operation.remove).length;
      const removed = applied(operation.remove, Math.min(progress, removeSteps));
      const added = applied(operation.add, Math.max(0, progress - removeSteps));
      if (removed.length + added.length === 0) return null;
      return { kind: 'whitelistMembers', groupId, add: removed, remove: added };
    }
  }
}

/** The users of the first `steps` batches. */
function applied(userIds: readonly string[], steps: number): string[] {
  return userIds.slice(0, steps * MODERATION_LIMITS.usersPerCall);
}

function users(userIds: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < userIds.length; i += MODERATION_LIMITS.usersPerCall) batches.push(userIds.slice(i, i + MODERATION_LIMITS.usersPerCall));
  return batches;
}

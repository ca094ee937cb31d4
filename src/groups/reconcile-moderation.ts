import type { Kysely } from 'kysely';
import type { ImClient } from '../im/index.js';
import type { Group } from './entities.js';
import type { OutboxOperation } from './outbox/operations.js';
import type { MembersRepository } from './store/members.repository.js';
import type { Database } from './store/tables.js';
import { SPEAKS_WHEN_MUTED } from './use-cases/moderation.js';

/**
 * How who-may-speak at the IM Service differs from the store: the group ban against
 * `Group.muted`, the ban whitelist against the owner and admins (while muted; empty otherwise),
 * and member gags against the members whose `mutedUntil` is still ahead.
 */
export interface ModerationDrift {
  /** The store's `muted`, when the IM Service's ban says otherwise; null when they agree. */
  mutedHere: boolean | null;
  whitelistMissing: string[];
  whitelistExtra: string[];
  /** Muted here, not gagged there: gagged again until their recorded end. */
  gagMissing: Array<{ userId: string; until: number }>;
  /** Gagged there, not muted here (unmuted, gone, or a gag rounded up a minute past its end): ungagged. */
  gagExtra: string[];
}

/**
 * Three reads (the ban, the gags, and the whitelist only when either side says the group is
 * muted: it matters only then, and an unmute empties it). A gag's end is not compared: the IM
 * Service words it in its data center's time zone, to the second; who is gagged is.
 */
export async function compareModeration(
  { im, members, db }: { im: ImClient; members: MembersRepository; db: Kysely<Database> },
  group: Group,
  now = Date.now(),
): Promise<ModerationDrift | null> {
  const { groupId } = group;
  const [banned, gagged, muted] = await Promise.all([
    im.moderation.bannedGroups([groupId]).then((groups) => groups.has(groupId)),
    im.moderation.gaggedMembers(groupId),
    members.mutedAt(groupId, now),
  ]);
  const speaking = group.muted ? (await members.findByRoles(db, groupId, SPEAKS_WHEN_MUTED)).map((member) => member.userId) : [];
  const whitelisted = group.muted || banned ? await im.moderation.whitelist(groupId) : [];
  const gaggedIds = new Set(gagged.map((gag) => gag.userId));
  const mutedIds = new Set(muted.map((member) => member.userId));
  const drift: ModerationDrift = {
    mutedHere: banned === group.muted ? null : group.muted,
    whitelistMissing: speaking.filter((userId) => !whitelisted.includes(userId)),
    whitelistExtra: whitelisted.filter((userId) => !speaking.includes(userId)),
    gagMissing: muted.filter((member) => !gaggedIds.has(member.userId)).map((member) => ({ userId: member.userId, until: member.mutedUntil!.getTime() })),
    gagExtra: [...gaggedIds].filter((userId) => !mutedIds.has(userId)),
  };
  const differs = drift.mutedHere !== null || drift.whitelistMissing.length + drift.whitelistExtra.length + drift.gagMissing.length + drift.gagExtra.length > 0;
  return differs ? drift : null;
}

/** The IM operations that bring who-may-speak in step with the store: the whitelist before the ban, then the gags. */
export function moderationRepairs(groupId: string, drift: ModerationDrift): OutboxOperation[] {
  const operations: OutboxOperation[] = [];
  if (drift.whitelistMissing.length + drift.whitelistExtra.length > 0) {
    operations.push({ kind: 'whitelistMembers', groupId, add: drift.whitelistMissing, remove: drift.whitelistExtra });
  }
  if (drift.mutedHere !== null) operations.push({ kind: drift.mutedHere ? 'banGroup' : 'unbanGroup', groupId, whitelist: [] });
  const byEnd = new Map<number, string[]>();
  for (const { userId, until } of drift.gagMissing) byEnd.set(until, [...(byEnd.get(until) ?? []), userId]);
  for (const [until, userIds] of byEnd) operations.push({ kind: 'gagMembers', groupId, userIds, until });
  if (drift.gagExtra.length > 0) operations.push({ kind: 'ungagMembers', groupId, userIds: drift.gagExtra });
  return operations;
}

export function describeModerationDrift(groupId: string, drift: ModerationDrift): string[] {
  const lines: string[] = [];
  if (drift.mutedHere !== null) lines.push(`${groupId}: ${drift.mutedHere ? 'muted here, not banned' : 'not muted here, banned'} at the IM Service: ${drift.mutedHere ? 'ban' : 'unban'} it`);
  if (drift.whitelistMissing.length + drift.whitelistExtra.length > 0) {
    lines.push(`${groupId}: ban whitelist missing [${drift.whitelistMissing.join(', ')}], extra [${drift.whitelistExtra.join(', ')}]`);
  }
  if (drift.gagMissing.length + drift.gagExtra.length > 0) {
    lines.push(`${groupId}: gags missing [${drift.gagMissing.map((gag) => gag.userId).join(', ')}], extra [${drift.gagExtra.join(', ')}]`);
  }
  return lines;
}

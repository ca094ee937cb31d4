import { encodeEventCursor } from '../cursors.js';
import type { Group, GroupAttribute, Member } from '../entities.js';
import type { GroupEvent } from '../events/event.js';
import type { GroupEventRow, GroupRow, MemberRow } from './tables.js';

/** The one place a row becomes a domain value: the repositories call these, nothing else sees a row. */

export function toGroup(row: GroupRow): Group {
  return {
    groupId: row.group_id,
    name: row.name,
    avatarUrl: row.avatar_url,
    visibility: row.visibility,
    ownerId: row.owner_id,
    memberCount: Number(row.member_count),
    syncStatus: row.sync_status,
    syncError: row.sync_error,
    createdAt: new Date(Number(row.created_at)),
    dismissedAt: row.dismissed_at === null ? null : new Date(Number(row.dismissed_at)),
    description: row.description ?? null,
    announcement:
      row.announcement == null ? null : { text: row.announcement, setBy: row.announcement_set_by ?? '', setAt: new Date(Number(row.announcement_set_at ?? 0)) },
    attributes: attributesOf(row.attributes ?? null),
    muted: Number(row.muted) === 1,
  };
}

/** Attributes are stored as one JSON object; entities hold them as a list in key order. */
export function attributesOf(stored: string | null): GroupAttribute[] {
  if (!stored) return [];
  const parsed = JSON.parse(stored) as Record<string, string>;
  return Object.keys(parsed)
    .sort()
    .map((key) => ({ key, value: parsed[key]! }));
}

export function storedAttributes(attributes: readonly GroupAttribute[]): string | null {
  if (attributes.length === 0) return null;
  return JSON.stringify(Object.fromEntries(attributes.map(({ key, value }) => [key, value])));
}

export function toMember(row: MemberRow): Member {
  const mutedUntil = row.muted_until === null || row.muted_until === undefined ? null : new Date(Number(row.muted_until));
  return { groupId: row.group_id, userId: row.user_id, role: row.role, joinedAt: new Date(Number(row.joined_at)), nickname: row.nickname ?? null, mutedUntil };
}

export function fromMember(member: Member): MemberRow {
  return {
    group_id: member.groupId,
    user_id: member.userId,
    role: member.role,
    joined_at: member.joinedAt.getTime(),
    nickname: member.nickname,
    muted_until: member.mutedUntil?.getTime() ?? null,
  };
}

/** A released event (its row has a sequence). */
export function toGroupEvent(row: GroupEventRow & { sequence: number }): GroupEvent {
  const sequence = Number(row.sequence);
  return {
    kind: row.kind,
    cursor: encodeEventCursor(sequence),
    sequence,
    groupId: row.group_id,
    actorId: row.actor_id,
    occurredAt: new Date(Number(row.occurred_at)),
    userIds: JSON.parse(row.user_ids) as string[],
    data: JSON.parse(row.data),
  } as GroupEvent;
}

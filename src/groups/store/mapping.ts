import { encodeEventCursor } from '../cursors.js';
import type { Group, Member } from '../entities.js';
import type { GroupEvent } from '../events/event.js';
import type { GroupEventRow, GroupRow, MemberRow } from './tables.js';

/** The one place a row becomes a domain value: the repositories call these, nothing else sees a row. */

export function toGroup(row: GroupRow): Group {
  return {
    groupId: row.group_id,
    name: row.name,
    avatarUrl: row.avatar_url,
    ownerId: row.owner_id,
    memberCount: Number(row.member_count),
    syncStatus: row.sync_status,
    syncError: row.sync_error,
    createdAt: new Date(Number(row.created_at)),
    dismissedAt: row.dismissed_at === null ? null : new Date(Number(row.dismissed_at)),
  };
}

export function toMember(row: MemberRow): Member {
  return { groupId: row.group_id, userId: row.user_id, role: row.role, joinedAt: new Date(Number(row.joined_at)) };
}

export function fromMember(member: Member): MemberRow {
  return { group_id: member.groupId, user_id: member.userId, role: member.role, joined_at: member.joinedAt.getTime() };
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

import type { Group, Member } from '../entities.js';
import type { GroupRow, MemberRow } from './tables.js';

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
  };
}

export function toMember(row: MemberRow): Member {
  return { groupId: row.group_id, userId: row.user_id, role: row.role, joinedAt: new Date(Number(row.joined_at)) };
}

export function fromMember(member: Member): MemberRow {
  return { group_id: member.groupId, user_id: member.userId, role: member.role, joined_at: member.joinedAt.getTime() };
}

import { encodeEventCursor } from '../cursors.js';
import type { Group, GroupAttribute, Invitation, InviteLink, JoinRequest, Member } from '../entities.js';
import type { GroupEvent } from '../events/event.js';
import type { GroupEventRow, GroupRow, InvitationRow, InviteLinkRow, JoinRequestRow, MemberRow } from './tables.js';

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
    joinPolicy: row.join_policy,
    membersCanInvite: Number(row.members_can_invite) === 1,
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

export function toJoinRequest(row: JoinRequestRow): JoinRequest {
  return { groupId: row.group_id, userId: row.user_id, message: row.message, requestedAt: new Date(Number(row.created_at)) };
}

export function fromJoinRequest(request: JoinRequest): JoinRequestRow {
  return { group_id: request.groupId, user_id: request.userId, message: request.message, created_at: request.requestedAt.getTime() };
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    groupId: row.group_id,
    userId: row.user_id,
    inviterId: row.inviter_id,
    message: row.message,
    invitedAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
  };
}

export function fromInvitation(invitation: Invitation): InvitationRow {
  return {
    group_id: invitation.groupId,
    user_id: invitation.userId,
    inviter_id: invitation.inviterId,
    message: invitation.message,
    created_at: invitation.invitedAt.getTime(),
    expires_at: invitation.expiresAt.getTime(),
  };
}

export function toInviteLink(row: Omit<InviteLinkRow, 'code_hash'>): InviteLink {
  return {
    linkId: row.link_id,
    groupId: row.group_id,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    expiresAt: new Date(Number(row.expires_at)),
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    uses: Number(row.uses),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
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

import type { GroupVisibility, MemberRole, WayIn } from '../entities.js';
import type { EventDraft, GroupEventPayloads } from './event.js';

export type ProfileField = GroupEventPayloads['GroupProfileUpdated']['changed'][number];

/** One line per event in a use case's plan: `events: [drafts.membersAdded(newcomers)]`. */
export const drafts = {
  created: (name: string, memberIds: readonly string[]): EventDraft => ({ kind: 'GroupCreated', data: { name, memberIds: [...memberIds] }, userIds: memberIds }),
  membersAdded: (userIds: readonly string[], joinedBy: WayIn = 'ADDED'): EventDraft => ({ kind: 'MembersAdded', data: { userIds: [...userIds], joinedBy }, userIds }),
  membersRemoved: (userIds: readonly string[]): EventDraft => ({ kind: 'MembersRemoved', data: { userIds: [...userIds] }, userIds }),
  memberLeft: (userId: string): EventDraft => ({ kind: 'MemberLeft', data: { userId }, userIds: [userId] }),
  profileUpdated: (changed: ProfileField[], profile: { name: string; avatarUrl: string | null; description: string | null; visibility: GroupVisibility }): EventDraft => ({
    kind: 'GroupProfileUpdated',
    data: { changed, ...profile },
    userIds: [],
    toMembers: true,
  }),
  roleChanged: (userId: string, role: MemberRole, previousRole: MemberRole): EventDraft => ({ kind: 'MemberRoleChanged', data: { userId, role, previousRole }, userIds: [userId] }),
  ownershipTransferred: (previousOwnerId: string, newOwnerId: string): EventDraft => ({
    kind: 'OwnershipTransferred',
    data: { previousOwnerId, newOwnerId },
    userIds: [previousOwnerId, newOwnerId],
  }),
  /** Every member hears of it: their member lists show the name. */
  nicknameChanged: (userId: string, nickname: string | null): EventDraft => ({ kind: 'MemberNicknameChanged', data: { userId, nickname }, userIds: [userId], toMembers: true }),
  dismissed: (): EventDraft => ({ kind: 'GroupDismissed', data: {}, userIds: [], toMembers: true }),
  membersMuted: (userIds: readonly string[], mutedUntil: number): EventDraft => ({ kind: 'MembersMuted', data: { userIds: [...userIds], mutedUntil }, userIds }),
  membersUnmuted: (userIds: readonly string[]): EventDraft => ({ kind: 'MembersUnmuted', data: { userIds: [...userIds] }, userIds }),
  groupMuteChanged: (muted: boolean): EventDraft => ({ kind: 'GroupMuteChanged', data: { muted }, userIds: [], toMembers: true }),
};

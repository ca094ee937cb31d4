import type { MemberRole } from '../entities.js';
import type { EventDraft } from './event.js';

/** One line per event in a use case's plan: `events: [drafts.membersAdded(newcomers)]`. */
export const drafts = {
  created: (name: string, memberIds: readonly string[]): EventDraft => ({ kind: 'GroupCreated', data: { name, memberIds: [...memberIds] }, userIds: memberIds }),
  membersAdded: (userIds: readonly string[]): EventDraft => ({ kind: 'MembersAdded', data: { userIds: [...userIds] }, userIds }),
  membersRemoved: (userIds: readonly string[]): EventDraft => ({ kind: 'MembersRemoved', data: { userIds: [...userIds] }, userIds }),
  memberLeft: (userId: string): EventDraft => ({ kind: 'MemberLeft', data: { userId }, userIds: [userId] }),
  profileUpdated: (changed: Array<'name' | 'avatarUrl'>, profile: { name: string; avatarUrl: string | null }): EventDraft => ({
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
  dismissed: (): EventDraft => ({ kind: 'GroupDismissed', data: {}, userIds: [], toMembers: true }),
};

import type { Group, GroupVisibility, MemberRole } from './entities.js';
import { AlreadyAMemberError, ForbiddenError, JoinNotAllowedError, OwnerCannotLeaveError } from './errors.js';

/**
 * Who may read and do what in a group: the only place these rules live. Reads and writes alike
 * ask here; the GraphQL layer only translates a refusal into its error.
 * `role` is the actor's role in the group, or null for a signed-in outsider.
 */
export type GroupAction =
  | 'readProfile'
  | 'readMembers'
  | 'readEvents'
  | 'addMembers'
  | 'removeMembers'
  | 'updateProfile'
  | 'leave'
  | 'dismiss'
  | 'transferOwnership'
  | 'setRoles'
  | 'readAnnouncement'
  | 'readAttributes'
  | 'setOwnNickname'
  | 'clearNicknames'
  | 'muteMembers'
  | 'muteGroup'
  | 'changeJoinRules'
  | 'manageJoinRequests'
  | 'invite'
  | 'manageInviteLinks';

/** `readProfile` is a PRIVATE group's rule; a PUBLIC group's profile is anyone's who is signed in (`canReadProfile`). */
const ALLOWED: Record<GroupAction, readonly MemberRole[]> = {
  readProfile: ['OWNER', 'ADMIN', 'MEMBER'],
  readMembers: ['OWNER', 'ADMIN', 'MEMBER'],
  readEvents: ['OWNER', 'ADMIN', 'MEMBER'],
  addMembers: ['OWNER', 'ADMIN'],
  removeMembers: ['OWNER', 'ADMIN'],
  updateProfile: ['OWNER', 'ADMIN'],
  leave: ['ADMIN', 'MEMBER'],
  dismiss: ['OWNER'],
  transferOwnership: ['OWNER'],
  setRoles: ['OWNER'],
  // The announcement and the attributes are the members' (the description is profile: `canReadProfile`'s).
  readAnnouncement: ['OWNER', 'ADMIN', 'MEMBER'],
  readAttributes: ['OWNER', 'ADMIN', 'MEMBER'],
  setOwnNickname: ['OWNER', 'ADMIN', 'MEMBER'],
  clearNicknames: ['OWNER', 'ADMIN'],
  muteMembers: ['OWNER', 'ADMIN'],
  muteGroup: ['OWNER', 'ADMIN'],
  changeJoinRules: ['OWNER', 'ADMIN'],
  manageJoinRequests: ['OWNER', 'ADMIN'],
  // Plain members too where the group allows it: `authorizeInvite`.
  invite: ['OWNER', 'ADMIN'],
  manageInviteLinks: ['OWNER', 'ADMIN'],
};

const WHO: Record<GroupAction, string> = {
  readProfile: "Only members can read a private group's profile",
  readMembers: 'Only members can read the member list of a group',
  readEvents: 'Only members can read the events of a group',
  addMembers: 'Only the owner and admins can add members',
  removeMembers: 'Only the owner and admins can remove members',
  updateProfile: "Only the owner and admins can change the group's profile (name, picture, description, announcement, attributes)",
  leave: 'Only members can leave a group',
  dismiss: 'Only the owner can dismiss the group',
  transferOwnership: 'Only the owner can transfer ownership',
  setRoles: 'Only the owner can change roles',
  readAnnouncement: "Only members can read the group's announcement",
  readAttributes: "Only members can read the group's attributes",
  setOwnNickname: 'Only members can set a nickname in a group',
  clearNicknames: "Only the owner and admins can clear another member's nickname",
  muteMembers: 'Only the owner and admins can mute or unmute members',
  muteGroup: 'Only the owner and admins can mute or unmute the whole group',
  changeJoinRules: 'Only the owner and admins can change who may join',
  manageJoinRequests: 'Only the owner and admins can see and answer requests to join',
  invite: 'Only the owner and admins can invite to this group (its membersCanInvite is off)',
  manageInviteLinks: 'Only the owner and admins can see, create and revoke invite links',
};

export function can(action: GroupAction, role: MemberRole | null): boolean {
  return role !== null && ALLOWED[action].includes(role);
}

/**
 * A group's profile (and its owner's membership, part of it): anyone signed in reads a PUBLIC
 * group's; a PRIVATE group's, only those `readProfile` allows, and those the group has asked in
 * or who asked to come in: a user with an unexpired invitation or a pending request (`standing`).
 * A holder of a live invite link reads it through the link (`groupByInviteLink(code)`), the code
 * being their standing. The reader answers an unreadable group as unknown (null), so an outsider
 * learns nothing of a private group, not even that it exists.
 */
export function canReadProfile(group: { visibility: GroupVisibility }, role: MemberRole | null, standing: { invitedOrRequested?: boolean } = {}): boolean {
  return group.visibility === 'PUBLIC' || can('readProfile', role) || standing.invitedOrRequested === true;
}

export function authorize(action: GroupAction, role: MemberRole | null): void {
  if (!can(action, role)) throw new ForbiddenError(`${WHO[action]}.`);
}

/**
 * One membership (`node(id:)` of a GroupMember) is read as the member list is, members only,
 * except the owner's: it is part of the profile (`Group.owner`), read by whoever reads the profile.
 * `target` null (no such member) is refused like any other non-owner, so an outsider learns
 * nothing of who is in the group.
 */
export function authorizeMembershipRead(
  group: { visibility: GroupVisibility },
  role: MemberRole | null,
  target: { role: MemberRole } | null,
  standing: { invitedOrRequested?: boolean } = {},
): void {
  if (target?.role === 'OWNER' && canReadProfile(group, role, standing)) return;
  authorize(target?.role === 'OWNER' ? 'readProfile' : 'readMembers', role);
}

/** Admins manage members, not each other and not the owner. */
export function authorizeRemoval(actorRole: MemberRole | null, actorId: string, target: { userId: string; role: MemberRole }): void {
  authorize('removeMembers', actorRole);
  if (target.role === 'OWNER') throw new ForbiddenError('The owner cannot be removed: ownership must be transferred first.');
  if (actorRole === 'ADMIN' && target.role === 'ADMIN' && target.userId !== actorId) {
    throw new ForbiddenError('Admins cannot remove other admins; only the owner can.');
  }
}

/** The owner would leave the group ownerless: they transfer it or dismiss it instead. */
export function authorizeLeave(groupId: string, role: MemberRole | null): void {
  if (role === 'OWNER') throw new OwnerCannotLeaveError(groupId);
  authorize('leave', role);
}

/** Roles are ADMIN and MEMBER; the owner's changes only with the ownership (checked once `setRoles` is). */
export function authorizeRoleChange(target: { role: MemberRole }): void {
  if (target.role === 'OWNER') throw new ForbiddenError("The owner's role changes only by transferring ownership.");
}

/**
 * Each member sets their own nickname; the owner and admins may clear another's (never set it),
 * and an admin, as with removals, not the owner's nor another admin's. `target` is null when the
 * named user is not a member (checked only once the actor may act on others at all).
 */
export function authorizeNicknameChange(
  actorRole: MemberRole | null,
  actorId: string,
  targetId: string,
  nickname: string | null,
): void {
  if (targetId === actorId) return authorize('setOwnNickname', actorRole);
  if (nickname !== null) throw new ForbiddenError("Members set their own nickname; the owner and admins may only clear another member's (nickname: null).");
  authorize('clearNicknames', actorRole);
}

/** The second half of a clear of another's nickname, once the target is known to be a member. */
export function authorizeNicknameClear(actorRole: MemberRole | null, target: { role: MemberRole }): void {
  if (actorRole === 'ADMIN' && target.role !== 'MEMBER') throw new ForbiddenError("Admins may clear members' nicknames, not the owner's or another admin's.");
}

/**
 * Who may mute (or unmute) a member: the owner and admins; the owner is never muted, and admins
 * cannot mute admins (themselves included), only the owner can. One rule for mute and unmute, so
 * an admin cannot lift a mute the owner set on another admin.
 */
export function authorizeMute(actorRole: MemberRole | null, target: { role: MemberRole }): void {
  authorize('muteMembers', actorRole);
  if (target.role === 'OWNER') throw new ForbiddenError('The owner cannot be muted.');
  if (actorRole === 'ADMIN' && target.role === 'ADMIN') throw new ForbiddenError('Admins cannot mute or unmute admins; only the owner can.');
}

/** Invitations: the owner and admins, and plain members where the group lets them (`membersCanInvite`). */
export function authorizeInvite(role: MemberRole | null, group: Pick<Group, 'membersCanInvite'>): void {
  if (!inviterStands(role, group)) authorize('invite', role);
}

/**
 * A way in the caller takes on their own (`requestToJoinGroup` needs `REQUEST`, `joinGroup` needs
 * `OPEN`): refused to members, and where the group's policy is another.
 */
export function authorizeSelfJoin(group: Pick<Group, 'groupId' | 'joinPolicy'>, role: MemberRole | null, actorId: string, needs: 'REQUEST' | 'OPEN'): void {
  if (role !== null) throw new AlreadyAMemberError(group.groupId, actorId);
  if (group.joinPolicy !== needs) throw new JoinNotAllowedError(group.groupId, group.joinPolicy);
}

/**
 * An invitation is its inviter's: it admits only while they could still send it (a member, in
 * their role; a plain member only while `membersCanInvite` is on), as a link does its creator's.
 */
export function inviterStands(inviterRole: MemberRole | null, group: Pick<Group, 'membersCanInvite'>): boolean {
  return (inviterRole === 'MEMBER' && group.membersCanInvite) || can('invite', inviterRole);
}

/**
 * An invite link is its creator's invitation: it admits whatever the join policy, but only while
 * its creator could still make it (they are still the owner or an admin).
 */
export function inviteLinkCreatorStands(creatorRole: MemberRole | null): boolean {
  return can('manageInviteLinks', creatorRole);
}

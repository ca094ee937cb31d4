import type { MemberRole } from './entities.js';
import { ForbiddenError, OwnerCannotLeaveError } from './errors.js';

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
  | 'setRoles';

/** `everyone`: any signed-in user, member or not. */
const ALLOWED: Record<GroupAction, readonly MemberRole[] | 'everyone'> = {
  readProfile: 'everyone',
  readMembers: ['OWNER', 'ADMIN', 'MEMBER'],
  readEvents: ['OWNER', 'ADMIN', 'MEMBER'],
  addMembers: ['OWNER', 'ADMIN'],
  removeMembers: ['OWNER', 'ADMIN'],
  updateProfile: ['OWNER', 'ADMIN'],
  leave: ['ADMIN', 'MEMBER'],
  dismiss: ['OWNER'],
  transferOwnership: ['OWNER'],
  setRoles: ['OWNER'],
};

const WHO: Record<GroupAction, string> = {
  readProfile: 'Sign in to read a group',
  readMembers: 'Only members can read the member list of a group',
  readEvents: 'Only members can read the events of a group',
  addMembers: 'Only the owner and admins can add members',
  removeMembers: 'Only the owner and admins can remove members',
  updateProfile: "Only the owner and admins can change the group's name and picture",
  leave: 'Only members can leave a group',
  dismiss: 'Only the owner can dismiss the group',
  transferOwnership: 'Only the owner can transfer ownership',
  setRoles: 'Only the owner can change roles',
};

export function can(action: GroupAction, role: MemberRole | null): boolean {
  const allowed = ALLOWED[action];
  return allowed === 'everyone' || (role !== null && allowed.includes(role));
}

export function authorize(action: GroupAction, role: MemberRole | null): void {
  if (!can(action, role)) throw new ForbiddenError(`${WHO[action]}.`);
}

/**
 * One membership (`node(id:)` of a GroupMember) is read as the member list is, members only,
 * except the owner's: it is part of the profile (`Group.owner`), which every signed-in user reads.
 * `target` null (no such member) is refused like any other non-owner, so an outsider learns
 * nothing of who is in the group.
 */
export function authorizeMembershipRead(role: MemberRole | null, target: { role: MemberRole } | null): void {
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

import { ForbiddenError } from './errors.js';
import type { MemberRole } from './store/tables.js';

/**
 * Who may do what in a group: the only place these rules live.
 * `role` is the actor's role in the group, or null for a signed-in outsider.
 */
export type GroupAction =
  | 'readMembers'
  | 'addMembers'
  | 'removeMembers'
  | 'updateProfile'
  | 'leave'
  | 'dismiss'
  | 'transferOwnership'
  | 'setRoles';

const ALLOWED: Record<GroupAction, readonly MemberRole[]> = {
  readMembers: ['OWNER', 'ADMIN', 'MEMBER'],
  addMembers: ['OWNER', 'ADMIN'],
  removeMembers: ['OWNER', 'ADMIN'],
  updateProfile: ['OWNER', 'ADMIN'],
  leave: ['ADMIN', 'MEMBER'],
  dismiss: ['OWNER'],
  transferOwnership: ['OWNER'],
  setRoles: ['OWNER'],
};

const WHO: Record<GroupAction, string> = {
  readMembers: 'Only members can read the member list',
  addMembers: 'Only the owner and admins can add members',
  removeMembers: 'Only the owner and admins can remove members',
  updateProfile: "Only the owner and admins can change the group's name and picture",
  leave: 'Only members can leave a group',
  dismiss: 'Only the owner can dismiss the group',
  transferOwnership: 'Only the owner can transfer ownership',
  setRoles: 'Only the owner can change roles',
};

export function can(action: GroupAction, role: MemberRole | null): boolean {
  return role !== null && ALLOWED[action].includes(role);
}

export function authorize(action: GroupAction, role: MemberRole | null): void {
  if (!can(action, role)) throw new ForbiddenError(`${WHO[action]}.`);
}

/** Admins manage members, not each other and not the owner. */
export function authorizeRemoval(actorRole: MemberRole | null, actorId: string, target: { userId: string; role: MemberRole }): void {
  authorize('removeMembers', actorRole);
  if (target.role === 'OWNER') throw new ForbiddenError('The owner cannot be removed: ownership must be transferred first.');
  if (actorRole === 'ADMIN' && target.role === 'ADMIN' && target.userId !== actorId) {
    throw new ForbiddenError('Admins cannot remove other admins; only the owner can.');
  }
}

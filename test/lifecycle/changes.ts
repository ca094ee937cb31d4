import { MEMBER, OWNER, titled } from '../kit/factories.js';
import { type GatewayKit } from '../kit/gateway-kit.js';
import { type RequestOptions } from '../kit/http.js';

/** Each lifecycle mutation as a table row, for the specifications every mutation shares. */

/** The union member a mutation answered, with the fields the shared specifications read. */
export type Answer = { __typename: string } & Partial<{ message: string; groupId: string; retryAfterMs: number; imCode: number | null; retryable: boolean }>;

export interface Change {
  mutation: string;
  /** Who may make the change in a group made by `groupWithRoles`. */
  actor: string;
  /** Makes the change with arguments that suit a group made by `groupWithRoles`. */
  run(on: GatewayKit, groupId: string, options: RequestOptions & { notify?: boolean }): Promise<Answer>;
}

export const ADD: Change = {
  mutation: 'addGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => on.addGroupMembers({ groupId, userIds: ['newcomer'], notify }, options),
};
export const REMOVE: Change = {
  mutation: 'removeGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => on.removeGroupMembers({ groupId, userIds: [MEMBER], notify }, options),
};
export const LEAVE: Change = {
  mutation: 'leaveGroup',
  actor: MEMBER,
  run: (on, groupId, { notify, ...options }) => on.leaveGroup({ groupId, notify }, options),
};
export const UPDATE: Change = {
  mutation: 'updateGroup',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => on.updateGroup({ groupId, name: 'Renamed', notify }, options),
};
export const TRANSFER: Change = {
  mutation: 'transferGroupOwnership',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => on.transferGroupOwnership({ groupId, userId: MEMBER, notify }, options),
};
export const SET_ROLE: Change = {
  mutation: 'setGroupMemberRole',
  actor: OWNER,
  run: (on, groupId, options) => on.setGroupMemberRole({ groupId, userId: MEMBER, role: 'ADMIN' }, options),
};
export const DISMISS: Change = {
  mutation: 'dismissGroup',
  actor: OWNER,
  run: (on, groupId, { notify, ...options }) => on.dismissGroup({ groupId, notify }, options),
};

export const MUTE: Change = {
  mutation: 'muteGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify: _notify, ...options }) => on.muteGroupMembers({ groupId, userIds: [MEMBER], minutes: 10 }, options),
};
export const UNMUTE: Change = {
  mutation: 'unmuteGroupMembers',
  actor: OWNER,
  run: (on, groupId, { notify: _notify, ...options }) => on.unmuteGroupMembers({ groupId, userIds: [MEMBER] }, options),
};
export const MUTE_GROUP: Change = {
  mutation: 'setGroupMuted',
  actor: OWNER,
  run: (on, groupId, { notify: _notify, ...options }) => on.setGroupMuted({ groupId, muted: true }, options),
};

/** Each case titled by its mutation, for `it.for(...)('%s ...')`. */
export function byMutation<T extends Change>(changes: T[]): Array<readonly [string, T]> {
  return titled(changes, (change) => change.mutation);
}

export const EVERY_CHANGE = [ADD, REMOVE, LEAVE, UPDATE, TRANSFER, SET_ROLE, DISMISS, MUTE, UNMUTE, MUTE_GROUP];
/** The changes the IM Service must hear of: their unions hold RateLimitedError and UpstreamError. */
export const IM_CHANGES = [ADD, REMOVE, LEAVE, UPDATE, DISMISS, MUTE, UNMUTE, MUTE_GROUP];

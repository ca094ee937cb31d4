import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, MEMBER, OUTSIDER, OWNER, groupWithRoles, titled, type Caller } from '../kit/factories.js';
import { startKit, type GatewayKit } from '../kit/gateway-kit.js';

/**
 * Who may do what in a group (src/groups/permissions.ts and the README):
 * - any signed-in user reads a group's profile; only members read its member list and its events;
 * - the owner and admins add and remove members and rename the group, but admins cannot
 *   remove the owner or other admins;
 * - any member may leave, except the owner (OwnerCannotLeaveError);
 * - only the owner dismisses the group, transfers it and sets roles;
 * - a request that names no caller answers NotAuthenticatedError, whatever it asks.
 *
 * One cell, one fresh group, one assertion. Each group is made by `groupWithRoles` with a
 * second admin ('admin2') and a plain member ('bystander') that the changes act on, so that
 * no actor is ever the target of its own change.
 */

const ANONYMOUS = 'anonymous';
const BYSTANDER = 'bystander';
const SECOND_ADMIN = 'admin2';

const ACTORS = [OWNER, ADMIN, MEMBER, OUTSIDER, ANONYMOUS] as const;
type Actor = (typeof ACTORS)[number];

/** The caller as the request names it: nobody for the anonymous actor. */
function callerOf(actor: Actor): Caller {
  return actor === ANONYMOUS ? undefined : actor;
}

type Run = (gateway: GatewayKit, groupId: string, as: Caller) => Promise<{ __typename: string }>;

const ACTIONS = {
  addGroupMembers: (gateway, groupId, as) => gateway.addGroupMembers({ groupId, userIds: ['newcomer'], notify: false }, { as }),
  'removeGroupMembers (a plain member)': (gateway, groupId, as) =>
    gateway.removeGroupMembers({ groupId, userIds: [BYSTANDER], notify: false }, { as }),
  leaveGroup: (gateway, groupId, as) => gateway.leaveGroup({ groupId, notify: false }, { as }),
  updateGroup: (gateway, groupId, as) => gateway.updateGroup({ groupId, name: 'Renamed', notify: false }, { as }),
  transferGroupOwnership: (gateway, groupId, as) => gateway.transferGroupOwnership({ groupId, userId: BYSTANDER, notify: false }, { as }),
  setGroupMemberRole: (gateway, groupId, as) => gateway.setGroupMemberRole({ groupId, userId: BYSTANDER, role: 'ADMIN' }, { as }),
  dismissGroup: (gateway, groupId, as) => gateway.dismissGroup({ groupId, notify: false }, { as }),
} satisfies Record<string, Run>;
type ActionName = keyof typeof ACTIONS;

const FORBIDDEN = 'ForbiddenError';
const ANON = 'NotAuthenticatedError';

/** The `__typename` each actor gets, in the order of ACTORS: owner, admin, member, outsider, anonymous. */
const MATRIX: Record<ActionName, readonly [string, string, string, string, string]> = {
  addGroupMembers: ['AddGroupMembersSuccess', 'AddGroupMembersSuccess', FORBIDDEN, FORBIDDEN, ANON],
  'removeGroupMembers (a plain member)': ['RemoveGroupMembersSuccess', 'RemoveGroupMembersSuccess', FORBIDDEN, FORBIDDEN, ANON],
  leaveGroup: ['OwnerCannotLeaveError', 'LeaveGroupSuccess', 'LeaveGroupSuccess', FORBIDDEN, ANON],
  updateGroup: ['UpdateGroupSuccess', 'UpdateGroupSuccess', FORBIDDEN, FORBIDDEN, ANON],
  transferGroupOwnership: ['TransferGroupOwnershipSuccess', FORBIDDEN, FORBIDDEN, FORBIDDEN, ANON],
  setGroupMemberRole: ['SetGroupMemberRoleSuccess', FORBIDDEN, FORBIDDEN, FORBIDDEN, ANON],
  dismissGroup: ['DismissGroupSuccess', FORBIDDEN, FORBIDDEN, FORBIDDEN, ANON],
};

interface Cell {
  actor: Actor;
  action: string;
  expected: string;
  run: Run;
}

const MATRIX_CELLS: Cell[] = (Object.keys(MATRIX) as ActionName[]).flatMap((action) =>
  ACTORS.map((actor, column) => ({ actor, action, expected: MATRIX[action][column]!, run: ACTIONS[action] })),
);

/** Removal depends on whom: admins manage members, not each other and not the owner. */
const REMOVAL_CELLS: Cell[] = [
  {
    actor: ADMIN,
    action: 'removeGroupMembers (the owner)',
    expected: FORBIDDEN,
    run: (gateway, groupId, as) => gateway.removeGroupMembers({ groupId, userIds: [OWNER], notify: false }, { as }),
  },
  {
    actor: ADMIN,
    action: 'removeGroupMembers (another admin)',
    expected: FORBIDDEN,
    run: (gateway, groupId, as) => gateway.removeGroupMembers({ groupId, userIds: [SECOND_ADMIN], notify: false }, { as }),
  },
  {
    actor: OWNER,
    action: 'removeGroupMembers (an admin)',
    expected: 'RemoveGroupMembersSuccess',
    run: (gateway, groupId, as) => gateway.removeGroupMembers({ groupId, userIds: [SECOND_ADMIN], notify: false }, { as }),
  },
];

/** What a reader got: the profile, the member list, and the codes of any errors. */
interface Reading {
  profile: { name: string; memberCount: number } | null;
  members: string[] | null;
  errors: unknown[];
}

/** In join order: the owner first, then the others (who joined together) by user id. */
const EVERYONE = [OWNER, ADMIN, SECOND_ADMIN, BYSTANDER, MEMBER];
const PROFILE = { name: 'Roles', memberCount: EVERYONE.length };

const READING: Record<Actor, Reading> = {
  [OWNER]: { profile: PROFILE, members: EVERYONE, errors: [] },
  [ADMIN]: { profile: PROFILE, members: EVERYONE, errors: [] },
  [MEMBER]: { profile: PROFILE, members: EVERYONE, errors: [] },
  [OUTSIDER]: { profile: PROFILE, members: null, errors: [{ code: 'FORBIDDEN', path: ['group', 'members'] }] },
  [ANONYMOUS]: { profile: null, members: null, errors: [{ code: 'UNAUTHENTICATED', path: ['group'] }] },
};

let gateway: GatewayKit;
beforeAll(async () => {
  gateway = await startKit({ settleNotices: true });
});
afterAll(() => gateway.close());

/** A fresh group per cell, so that no cell sees what another did. */
function freshGroup(): Promise<string> {
  return groupWithRoles(gateway, { admins: [SECOND_ADMIN], members: [BYSTANDER], notify: false });
}

describe('the permission matrix of lifecycle mutations', () => {
  it.for(titled([...MATRIX_CELLS, ...REMOVAL_CELLS], (cell) => `${cell.actor}: ${cell.action} → ${cell.expected}`))('%s', async ([, { actor, run, expected }]) => {
    const groupId = await freshGroup();
    expect((await run(gateway, groupId, callerOf(actor))).__typename).toBe(expected);
  });
});

describe('reading group { members }', () => {
  it.for(titled(ACTORS.map((actor) => ({ actor, expected: READING[actor] })), ({ actor }) => actor))('as %s', async ([, { actor, expected }]) => {
    const groupId = await freshGroup();
    const caller = callerOf(actor);
    const response = await gateway.group({ groupId }, caller === undefined ? {} : { as: caller });
    const group = response.data?.group ?? null;

    expect({
      profile: group && { name: group.name, memberCount: group.memberCount },
      members: group?.members ? group.members.edges.map((edge) => edge.node.userId) : null,
      errors: (response.errors ?? []).map((error) => ({ code: error.extensions?.code, path: (error as { path?: unknown }).path })),
    } satisfies Reading).toEqual(expected);
  });
});

describe('reading group { events }', () => {
  const EXPECTED: Record<Actor, { events: string[] | null; errors: unknown[] }> = {
    [OWNER]: { events: ['GroupCreated', 'MemberRoleChanged', 'MemberRoleChanged'], errors: [] },
    [ADMIN]: { events: ['GroupCreated', 'MemberRoleChanged', 'MemberRoleChanged'], errors: [] },
    [MEMBER]: { events: ['GroupCreated', 'MemberRoleChanged', 'MemberRoleChanged'], errors: [] },
    [OUTSIDER]: { events: null, errors: [{ code: 'FORBIDDEN', path: ['group', 'events'] }] },
    [ANONYMOUS]: { events: null, errors: [{ code: 'UNAUTHENTICATED', path: ['group'] }] },
  };
  it.for(titled(ACTORS.map((actor) => ({ actor, expected: EXPECTED[actor] })), ({ actor }) => actor))('as %s', async ([, { actor, expected }]) => {
    const groupId = await freshGroup();
    const caller = callerOf(actor);
    const response = await gateway.groupEvents({ groupId }, caller === undefined ? {} : { as: caller });
    expect({
      events: response.data?.group?.events?.edges.map((edge) => edge.node.__typename) ?? null,
      errors: (response.errors ?? []).map((error) => ({ code: error.extensions?.code, path: (error as { path?: unknown }).path })),
    }).toEqual(expected);
  });
});

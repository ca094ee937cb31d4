import type { GatewayFixture } from '../fixtures/gateway.js';
import type { GatewayKit } from './gateway-kit.js';

/**
 * The world a test starts from, built through the public mutations over HTTP: each step must
 * succeed, or the test fails at once with the whole response (`kit.must`).
 */

export const OWNER = 'owner';
export const ADMIN = 'admin';
export const MEMBER = 'member';
export const OUTSIDER = 'outsider';

/** A caller's user id; undefined: an anonymous request. */
export type Caller = string | undefined;
export type Role = 'OWNER' | 'ADMIN' | 'MEMBER';

let groupSequence = 0;

/** A group id no other group of this test file has. */
export function nextGroupId(prefix = 'life'): string {
  groupSequence += 1;
  return `${prefix}${groupSequence}`;
}

export interface GroupSpec {
  groupId: string;
  owner: string;
  /** The other members, besides the owner. */
  members?: string[];
  name?: string;
  avatarUrl?: string;
  /** Whether creating it publishes a `Create` notification (default false: it only costs publish budget). */
  notify?: boolean;
}

/** Creates the group as its owner and expects it SYNCED at the IM Service; answers the group as createGroup did. */
export async function syncedGroup(kit: GatewayKit, { owner, members = [], name, notify = false, ...spec }: GroupSpec) {
  const input = { ...spec, name: name ?? `Group ${spec.groupId}`, memberIds: members, notify };
  const { group } = await kit.must.createGroup(input, { as: owner });
  if (group.syncStatus !== 'SYNCED') throw new Error(`group ${spec.groupId} is ${group.syncStatus} at the IM Service, expected SYNCED`);
  return group;
}

/** The changes a test builds its world with, each expected to succeed; notifications off. */
export function groupFactory(kit: GatewayKit) {
  return {
    /** Creates the group as its owner; answers its creation time (epoch ms). */
    async create(spec: GroupSpec): Promise<{ createdAt: number }> {
      return { createdAt: Date.parse((await syncedGroup(kit, spec)).createdAt) };
    },

    async add(groupId: string, by: string, userIds: string[]): Promise<string[]> {
      return (await kit.must.addGroupMembers({ groupId, userIds, notify: false }, { as: by })).addedUserIds;
    },

    async remove(groupId: string, by: string, userIds: string[]): Promise<string[]> {
      return (await kit.must.removeGroupMembers({ groupId, userIds, notify: false }, { as: by })).removedUserIds;
    },

    async setRole(groupId: string, by: string, userId: string, role: 'ADMIN' | 'MEMBER'): Promise<void> {
      const { member } = await kit.must.setGroupMemberRole({ groupId, userId, role }, { as: by });
      if (member.userId !== userId || member.role !== role) throw new Error(`setGroupMemberRole answered ${JSON.stringify(member)}`);
    },

    async dismiss(groupId: string, by: string): Promise<void> {
      await kit.must.dismissGroup({ groupId, notify: false }, { as: by });
    },
  };
}

export type GroupFactory = ReturnType<typeof groupFactory>;

export interface GroupWithRolesOptions {
  /** Further plain members besides 'member'. */
  members?: string[];
  /** Further admins besides 'admin'. */
  admins?: string[];
  name?: string;
  /** Whether creating it publishes a `Create` notification (default true). */
  notify?: boolean;
}

/**
 * A group owned by 'owner', with 'admin' (promoted with setGroupMemberRole) and 'member',
 * created through the gateway and SYNCED at the IM Service. Answers its id.
 */
export async function groupWithRoles(kit: GatewayKit, options: GroupWithRolesOptions = {}): Promise<string> {
  const groupId = nextGroupId();
  const admins = [ADMIN, ...(options.admins ?? [])];
  const memberIds = [...admins, MEMBER, ...(options.members ?? [])];
  await syncedGroup(kit, { groupId, owner: OWNER, name: options.name ?? 'Roles', members: memberIds, notify: options.notify ?? true });
  for (const userId of admins) await kit.must.setGroupMemberRole({ groupId, userId, role: 'ADMIN' }, { as: OWNER });
  return groupId;
}

export interface StoredGroup {
  name: string;
  avatarUrl: string | null | undefined;
  memberCount: number;
  syncStatus: string;
  owner: string;
  /** `[userId, role]` in join order. */
  members: Array<[string, string]>;
}

/** The group as the gateway's store answers it to `as` (a member, to see the member list); null when gone. */
export async function storedGroup(kit: GatewayKit, groupId: string, as: string = OWNER): Promise<StoredGroup | null> {
  const group = (await kit.group({ groupId }, { as })).data?.group;
  if (!group) return null;
  return {
    name: group.name,
    avatarUrl: group.avatarUrl,
    memberCount: group.memberCount,
    syncStatus: group.syncStatus,
    owner: group.owner.userId,
    members: (group.members?.edges ?? []).map((edge) => [edge.node.userId, edge.node.role]),
  };
}

/** The caller's role in the group as `group { viewerRole }` says, or 'gone' when the group reads as null. */
export async function viewerRole(kit: GatewayKit, groupId: string, as: string): Promise<string | null> {
  const group = (await kit.group({ groupId }, { as })).data?.group;
  return group ? (group.viewerRole ?? null) : 'gone';
}

/** The ids of the caller's groups (the first 100), as `viewer { groups }` lists them. */
export async function viewerGroupIds(kit: GatewayKit, as: string): Promise<string[]> {
  const response = await kit.viewerGroups({ first: 100 }, { as });
  return (response.data?.viewer?.groups.edges ?? []).map((edge) => edge.node.groupId);
}

/** Table cases as `[title, case]`, so that `it.for(cases)('%s ...')` prints the title unquoted. */
export function titled<T>(cases: readonly T[], title: (row: T) => string): Array<readonly [string, T]> {
  return cases.map((row) => [title(row), row] as const);
}

/**
 * Waits until the clock has moved on by at least 2 ms, so that the next change gets a later
 * timestamp than the last one (members created with a group join 1 ms after it).
 */
export async function laterMillisecond(): Promise<void> {
  const until = Date.now() + 2;
  while (Date.now() <= until) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** The statements the store ran while `work` ran. Stop the dispatcher first, or its polling counts too. */
export async function countStatements<T>(fixture: GatewayFixture, work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = fixture.app.store.statementCount();
  const result = await work();
  return { result, statements: fixture.app.store.statementCount() - before };
}

/** A group's whole event history as `Group.events` pages it to `as` (a member), oldest first. */
export async function groupHistory(kit: GatewayKit, groupId: string, as: string = OWNER, pageSize = 50) {
  type Events = NonNullable<NonNullable<NonNullable<Awaited<ReturnType<GatewayKit['groupEvents']>>['data']>['group']>['events']>;
  const nodes: Array<Events['edges'][number]['node']> = [];
  let after: string | null = null;
  for (;;) {
    const response = await kit.groupEvents({ groupId, first: pageSize, after }, { as });
    const events: Events | null | undefined = response.data?.group?.events;
    if (!events) throw new Error(`Group.events answered ${JSON.stringify(response)}`);
    nodes.push(...events.edges.map((edge) => edge.node));
    if (!events.pageInfo.hasNextPage) return nodes;
    after = events.pageInfo.endCursor ?? null;
  }
}

/** The kinds (`__typename`) of a group's events, oldest first. */
export async function eventKinds(kit: GatewayKit, groupId: string, as: string = OWNER): Promise<string[]> {
  return (await groupHistory(kit, groupId, as)).map((event) => event.__typename);
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { graphql } from '../generated/index.js';
import { noticesSettled, startGateway, type GatewayFixture, type GraphQLResponse, type RequestOptions } from '../fixtures/gateway.js';
import { emulatorGroup, emulatorLog, emulatorMessages, startFixtureEmulator } from '../fixtures/im.js';
import { readNotice } from '../fixtures/notices.js';

/**
 * Small factories for the lifecycle specifications: a group with every role in it, typed
 * runners for each lifecycle mutation, and what a member, the IM Service and its log see.
 */

export const OWNER = 'owner';
export const ADMIN = 'admin';
export const MEMBER = 'member';
export const OUTSIDER = 'outsider';

export type Caller = string | undefined;

// ---------------------------------------------------------------------------------------------
// Documents

const CreateGroup = graphql(`
  mutation LifecycleCreateGroup($input: CreateGroupInput!, $notify: Boolean) {
    createGroup(input: $input, notify: $notify) {
      __typename
      ... on CreateGroupSuccess {
        group {
          groupId
          syncStatus
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const AddGroupMembers = graphql(`
  mutation LifecycleAddGroupMembers($groupId: String!, $userIds: [String!]!, $notify: Boolean) {
    addGroupMembers(groupId: $groupId, userIds: $userIds, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on AddGroupMembersSuccess {
        addedUserIds
        group {
          groupId
          memberCount
          syncStatus
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on MemberLimitExceededError {
        limit
        requested
      }
      ... on RateLimitedError {
        retryAfterMs
      }
      ... on UpstreamError {
        imCode
        retryable
      }
    }
  }
`);

const RemoveGroupMembers = graphql(`
  mutation LifecycleRemoveGroupMembers($groupId: String!, $userIds: [String!]!, $notify: Boolean) {
    removeGroupMembers(groupId: $groupId, userIds: $userIds, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on RemoveGroupMembersSuccess {
        removedUserIds
        group {
          groupId
          memberCount
          syncStatus
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on RateLimitedError {
        retryAfterMs
      }
      ... on UpstreamError {
        imCode
        retryable
      }
    }
  }
`);

const LeaveGroup = graphql(`
  mutation LifecycleLeaveGroup($groupId: String!, $notify: Boolean) {
    leaveGroup(groupId: $groupId, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on LeaveGroupSuccess {
        groupId
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on OwnerCannotLeaveError {
        groupId
      }
      ... on RateLimitedError {
        retryAfterMs
      }
      ... on UpstreamError {
        imCode
        retryable
      }
    }
  }
`);

const UpdateGroup = graphql(`
  mutation LifecycleUpdateGroup($groupId: String!, $name: String, $avatarUrl: String, $notify: Boolean) {
    updateGroup(groupId: $groupId, name: $name, avatarUrl: $avatarUrl, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on UpdateGroupSuccess {
        group {
          groupId
          name
          avatarUrl
          syncStatus
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on RateLimitedError {
        retryAfterMs
      }
      ... on UpstreamError {
        imCode
        retryable
      }
    }
  }
`);

const TransferGroupOwnership = graphql(`
  mutation LifecycleTransferGroupOwnership($groupId: String!, $userId: String!, $notify: Boolean) {
    transferGroupOwnership(groupId: $groupId, userId: $userId, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on TransferGroupOwnershipSuccess {
        group {
          groupId
          memberCount
          owner {
            userId
            role
          }
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on NotAMemberError {
        groupId
        userId
      }
    }
  }
`);

const SetGroupMemberRole = graphql(`
  mutation LifecycleSetGroupMemberRole($groupId: String!, $userId: String!, $role: MemberRole!) {
    setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) {
      __typename
      ... on Error {
        message
      }
      ... on SetGroupMemberRoleSuccess {
        member {
          userId
          role
        }
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on NotAMemberError {
        groupId
        userId
      }
    }
  }
`);

const DismissGroup = graphql(`
  mutation LifecycleDismissGroup($groupId: String!, $notify: Boolean) {
    dismissGroup(groupId: $groupId, notify: $notify) {
      __typename
      ... on Error {
        message
      }
      ... on DismissGroupSuccess {
        groupId
      }
      ... on ValidationError {
        issues {
          path
          message
        }
      }
      ... on GroupNotFoundError {
        groupId
      }
      ... on RateLimitedError {
        retryAfterMs
      }
      ... on UpstreamError {
        imCode
        retryable
      }
    }
  }
`);

const GroupView = graphql(`
  query LifecycleGroupView($groupId: String!) {
    group(groupId: $groupId) {
      groupId
      name
      avatarUrl
      memberCount
      syncStatus
      viewerRole
      owner {
        userId
        role
      }
      members(first: 200) {
        edges {
          node {
            userId
            role
          }
        }
      }
    }
  }
`);

const ViewerGroups = graphql(`
  query LifecycleViewerGroups {
    viewer {
      groups(first: 100) {
        edges {
          role
          node {
            groupId
          }
        }
      }
    }
  }
`);

// ---------------------------------------------------------------------------------------------
// One runner per mutation: the union member it answered (the test fails loudly on a GraphQL error)

/** `as` names the caller (none: anonymous); `headers` e.g. an `x-request-id` to find its IM calls. */
export interface CallOptions {
  as?: Caller;
  headers?: Record<string, string>;
}

function requestOptions({ as, headers }: CallOptions): RequestOptions {
  return { ...(as === undefined ? {} : { as }), ...(headers ? { headers } : {}) };
}

function answerOf<T, K extends keyof T>(response: GraphQLResponse<T>, field: K): NonNullable<T[K]> {
  const answer = response.data?.[field];
  if (answer == null) throw new Error(`no ${String(field)} in the answer: ${JSON.stringify(response)}`);
  return answer as NonNullable<T[K]>;
}

export async function addGroupMembers(gateway: GatewayFixture, vars: { groupId: string; userIds: string[]; notify?: boolean }, options: CallOptions) {
  const response = await gateway.execute(AddGroupMembers, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'addGroupMembers');
}

export async function removeGroupMembers(gateway: GatewayFixture, vars: { groupId: string; userIds: string[]; notify?: boolean }, options: CallOptions) {
  const response = await gateway.execute(RemoveGroupMembers, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'removeGroupMembers');
}

export async function leaveGroup(gateway: GatewayFixture, vars: { groupId: string; notify?: boolean }, options: CallOptions) {
  const response = await gateway.execute(LeaveGroup, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'leaveGroup');
}

/** Leave `name` or `avatarUrl` out to keep it; `avatarUrl: null` removes the picture. */
export async function updateGroup(
  gateway: GatewayFixture,
  vars: { groupId: string; name?: string; avatarUrl?: string | null; notify?: boolean },
  options: CallOptions,
) {
  const response = await gateway.execute(UpdateGroup, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'updateGroup');
}

export async function transferGroupOwnership(gateway: GatewayFixture, vars: { groupId: string; userId: string; notify?: boolean }, options: CallOptions) {
  const response = await gateway.execute(TransferGroupOwnership, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'transferGroupOwnership');
}

export async function setGroupMemberRole(
  gateway: GatewayFixture,
  vars: { groupId: string; userId: string; role: 'OWNER' | 'ADMIN' | 'MEMBER' },
  options: CallOptions,
) {
  const response = await gateway.execute(SetGroupMemberRole, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'setGroupMemberRole');
}

export async function dismissGroup(gateway: GatewayFixture, vars: { groupId: string; notify?: boolean }, options: CallOptions) {
  const response = await gateway.execute(DismissGroup, vars, requestOptions(options));
  await noticesSettled(gateway);
  return answerOf(response, 'dismissGroup');
}

/** Table cases as `[title, case]`, so that `it.for(cases)('%s ...')` prints the title unquoted. */
export function titled<T>(cases: readonly T[], title: (row: T) => string): Array<readonly [string, T]> {
  return cases.map((row) => [title(row), row] as const);
}

// ---------------------------------------------------------------------------------------------
// Groups

let groupSequence = 0;

/** A group id no other group of this test file has. */
export function nextGroupId(prefix = 'life'): string {
  groupSequence += 1;
  return `${prefix}${groupSequence}`;
}

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
export async function groupWithRoles(gateway: GatewayFixture, options: GroupWithRolesOptions = {}): Promise<string> {
  const groupId = nextGroupId();
  const admins = [ADMIN, ...(options.admins ?? [])];
  const memberIds = [...admins, MEMBER, ...(options.members ?? [])];
  const created = await gateway.execute(
    CreateGroup,
    { input: { groupId, name: options.name ?? 'Roles', memberIds }, ...(options.notify === undefined ? {} : { notify: options.notify }) },
    { as: OWNER },
  );
  const answer = answerOf(created, 'createGroup');
  if (answer.__typename !== 'CreateGroupSuccess' || answer.group.syncStatus !== 'SYNCED') {
    throw new Error(`groupWithRoles: createGroup answered ${JSON.stringify(answer)}`);
  }
  for (const userId of admins) {
    const promoted = await setGroupMemberRole(gateway, { groupId, userId, role: 'ADMIN' }, { as: OWNER });
    if (promoted.__typename !== 'SetGroupMemberRoleSuccess') throw new Error(`groupWithRoles: promoting ${userId} answered ${JSON.stringify(promoted)}`);
  }
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
export async function storedGroup(gateway: GatewayFixture, groupId: string, as: string = OWNER): Promise<StoredGroup | null> {
  const response = await gateway.execute(GroupView, { groupId }, { as });
  const group = response.data?.group;
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
export async function viewerRole(gateway: GatewayFixture, groupId: string, as: string): Promise<string | null> {
  const response = await gateway.execute(GroupView, { groupId }, { as });
  return response.data?.group ? (response.data.group.viewerRole ?? null) : 'gone';
}

/** The ids of the caller's groups, as `viewer { groups }` lists them. */
export async function viewerGroupIds(gateway: GatewayFixture, as: string): Promise<string[]> {
  const response = await gateway.execute(ViewerGroups, {}, { as });
  return (response.data?.viewer?.groups.edges ?? []).map((edge) => edge.node.groupId);
}

// ---------------------------------------------------------------------------------------------
// The IM Service, as its introspection routes show it

/** The group's members at the IM Service, in join order; null when it does not have the group. */
export async function imMembers(emulator: RunningEmulator, groupId: string): Promise<string[] | null> {
  return (await emulatorGroup(emulator, groupId))?.members ?? null;
}

export interface Notice {
  operation: string;
  operatorUserId: string;
  targetUserIds: string[];
  data: Record<string, unknown>;
}

/** The group notices (`RC:GrpNtf`, and `RC:CmdNtf` for a transfer) published to the group, in order, read as clients read them. */
export async function noticesTo(emulator: RunningEmulator, groupId: string): Promise<Notice[]> {
  const messages = (await emulatorMessages(emulator)) as Array<{ toGroupId: string; objectName: string; content: unknown }>;
  return messages
    .filter((message) => message.toGroupId === groupId && ['RC:GrpNtf', 'RC:CmdNtf'].includes(message.objectName))
    .map((message) => {
      const { operation, operatorUserId, targetUserIds, data } = readNotice(message);
      return { operation, operatorUserId, targetUserIds, data };
    });
}

let requestSequence = 0;

/** A request id to send as `x-request-id`, so the IM calls of that one request can be found. */
export function traced(): { requestId: string; headers: Record<string, string> } {
  requestSequence += 1;
  const requestId = `lifecycle-${process.pid}-${requestSequence}`;
  return { requestId, headers: { 'x-request-id': requestId } };
}

/** The IM paths one request called, in order. */
export async function imCallsOf(emulator: RunningEmulator, requestId: string): Promise<string[]> {
  return (await emulatorLog(emulator)).filter((entry) => entry.requestId === requestId).map((entry) => entry.path);
}

// ---------------------------------------------------------------------------------------------
// A gateway configured for trouble, over groups made while all was well

export interface StagedGateway {
  /** The gateway under test: same store file and same IM Service as the one that made the groups. */
  gateway: GatewayFixture;
  emulator: RunningEmulator;
  /** The groups, each made with `groupWithRoles` and SYNCED. */
  groupIds: string[];
  close(): Promise<void>;
}

/**
 * Makes `count` groups through a well-configured gateway on a store file, stops it, and starts
 * the gateway the test needs (a wrong IM secret, a tiny rate budget, ...) on the same file and
 * the same IM Service: the groups exist in its store, as they do at the IM Service.
 */
export async function stageGroups(
  count: number,
  configFor: (emulator: RunningEmulator) => Partial<Config>,
  options: GroupWithRolesOptions = {},
): Promise<StagedGateway> {
  const emulator = await startFixtureEmulator();
  const directory = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  const databaseUrl = join(directory, 'gateway.sqlite');
  const groupIds: string[] = [];
  const maker = await startGateway({ emulator, config: { databaseUrl } });
  try {
    for (let i = 0; i < count; i++) groupIds.push(await groupWithRoles(maker, options));
  } finally {
    await maker.close();
  }
  const gateway = await startGateway({ emulator, config: { databaseUrl, ...configFor(emulator) } });
  return {
    gateway,
    emulator,
    groupIds,
    async close() {
      await gateway.close();
      await emulator.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

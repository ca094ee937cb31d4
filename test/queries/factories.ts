import { afterEach, expect } from 'vitest';
import { graphql } from '../generated/index.js';
import { startGateway, type GatewayFixture, type GraphQLResponse } from '../fixtures/gateway.js';

/**
 * Fixture factories for the query specifications: each builds state through the public
 * mutations, over HTTP, and fails the test at once (with the whole response) when a step
 * does not succeed. Notifications are off: they only cost publish-rate budget here.
 */

const CreateGroup = graphql(`
  mutation QueriesFactoryCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input, notify: false) {
      __typename
      ... on CreateGroupSuccess {
        group {
          groupId
          createdAt
          syncStatus
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const AddMembers = graphql(`
  mutation QueriesFactoryAddMembers($groupId: String!, $userIds: [String!]!) {
    addGroupMembers(groupId: $groupId, userIds: $userIds, notify: false) {
      __typename
      ... on AddGroupMembersSuccess {
        addedUserIds
        group {
          memberCount
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const RemoveMembers = graphql(`
  mutation QueriesFactoryRemoveMembers($groupId: String!, $userIds: [String!]!) {
    removeGroupMembers(groupId: $groupId, userIds: $userIds, notify: false) {
      __typename
      ... on RemoveGroupMembersSuccess {
        removedUserIds
        group {
          memberCount
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const SetRole = graphql(`
  mutation QueriesFactorySetRole($groupId: String!, $userId: String!, $role: MemberRole!) {
    setGroupMemberRole(groupId: $groupId, userId: $userId, role: $role) {
      __typename
      ... on SetGroupMemberRoleSuccess {
        member {
          userId
          role
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const Dismiss = graphql(`
  mutation QueriesFactoryDismiss($groupId: String!) {
    dismissGroup(groupId: $groupId, notify: false) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

/** A fresh gateway per call, closed after the test that asked for it. Call at the top of a test file. */
export function useGateways(): () => Promise<GatewayFixture> {
  const open: GatewayFixture[] = [];
  afterEach(async () => {
    for (const fixture of open.splice(0)) await fixture.close();
  });
  return async () => {
    const fixture = await startGateway();
    open.push(fixture);
    return fixture;
  };
}

export interface GroupSpec {
  groupId: string;
  owner: string;
  /** The other members, besides the owner. */
  members?: string[];
  name?: string;
}

/** The mutations a test builds its world with, each expected to succeed. */
export function groupFactory(fixture: GatewayFixture) {
  return {
    /** Creates the group as its owner; answers its creation time (epoch ms). */
    async create({ groupId, owner, members = [], name = `Group ${groupId}` }: GroupSpec): Promise<{ createdAt: number }> {
      const response = await fixture.execute(CreateGroup, { input: { groupId, name, memberIds: members } }, { as: owner });
      const result = succeeded(response, response.data?.createGroup, 'CreateGroupSuccess');
      expect(result.group.syncStatus, `group ${groupId} at the IM Service`).toBe('SYNCED');
      return { createdAt: Date.parse(result.group.createdAt) };
    },

    async add(groupId: string, by: string, userIds: string[]): Promise<string[]> {
      const response = await fixture.execute(AddMembers, { groupId, userIds }, { as: by });
      return succeeded(response, response.data?.addGroupMembers, 'AddGroupMembersSuccess').addedUserIds;
    },

    async remove(groupId: string, by: string, userIds: string[]): Promise<string[]> {
      const response = await fixture.execute(RemoveMembers, { groupId, userIds }, { as: by });
      return succeeded(response, response.data?.removeGroupMembers, 'RemoveGroupMembersSuccess').removedUserIds;
    },

    async setRole(groupId: string, by: string, userId: string, role: 'ADMIN' | 'MEMBER'): Promise<void> {
      const response = await fixture.execute(SetRole, { groupId, userId, role }, { as: by });
      expect(succeeded(response, response.data?.setGroupMemberRole, 'SetGroupMemberRoleSuccess').member).toEqual({ userId, role });
    },

    async dismiss(groupId: string, by: string): Promise<void> {
      const response = await fixture.execute(Dismiss, { groupId }, { as: by });
      succeeded(response, response.data?.dismissGroup, 'DismissGroupSuccess');
    },
  };
}

export type GroupFactory = ReturnType<typeof groupFactory>;

/** Narrows a mutation's union to its success member, or fails with the whole response. */
function succeeded<R extends { __typename: string }, N extends R['__typename']>(
  response: GraphQLResponse<unknown>,
  result: R | null | undefined,
  typename: N,
): Extract<R, { __typename: N }> {
  if (result?.__typename !== typename) throw new Error(`expected ${typename}, got ${JSON.stringify(response)}`);
  return result as Extract<R, { __typename: N }>;
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

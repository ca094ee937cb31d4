import { graphql } from '../generated/index.js';

/**
 * What a frontend team's screens would ask, written as such a team writes them: each change
 * selects the same group fields its screens read, so a normalized cache follows the change.
 * Every mutation answers a union, so normalized caches need the schema's possible types to
 * match its fragments (`schema/possible-types.json`, `schema/introspection.json`; the README).
 */

/** A member as every screen shows one: the cache's one record per membership. */
export const ClientMember = graphql(`
  fragment ClientMember on GroupMember {
    id
    userId
    role
    joinedAt
  }
`);

/** A group's page as any signed-in user reads it. */
export const ClientGroupProfile = graphql(`
  fragment ClientGroupProfile on Group {
    id
    groupId
    name
    avatarUrl
    memberCount
    syncStatus
    dismissedAt
    viewerRole
    owner {
      ...ClientMember
    }
  }
`);

/** A group's page as its members read it: the profile and the member list. */
export const ClientGroup = graphql(`
  fragment ClientGroup on Group {
    ...ClientGroupProfile
    members(first: 10) {
      totalCount
      edges {
        cursor
        node {
          ...ClientMember
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const GroupPage = graphql(`
  query ClientGroupPage($groupId: String!) {
    viewer {
      id
      userId
    }
    group(groupId: $groupId) {
      ...ClientGroup
    }
  }
`);

export const GroupProfilePage = graphql(`
  query ClientGroupProfilePage($groupId: String!) {
    viewer {
      id
      userId
    }
    group(groupId: $groupId) {
      ...ClientGroupProfile
    }
  }
`);

export const CreateGroup = graphql(`
  mutation ClientCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on CreateGroupSuccess {
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const AddMembers = graphql(`
  mutation ClientAddMembers($input: AddGroupMembersInput!) {
    addGroupMembers(input: $input) {
      __typename
      ... on AddGroupMembersSuccess {
        addedUserIds
        addedMembers {
          ...ClientMember
        }
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const SetRole = graphql(`
  mutation ClientSetRole($input: SetGroupMemberRoleInput!) {
    setGroupMemberRole(input: $input) {
      __typename
      ... on SetGroupMemberRoleSuccess {
        member {
          ...ClientMember
        }
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const RemoveMembers = graphql(`
  mutation ClientRemoveMembers($input: RemoveGroupMembersInput!) {
    removeGroupMembers(input: $input) {
      __typename
      ... on RemoveGroupMembersSuccess {
        removedUserIds
        removedMemberIds
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const UpdateGroup = graphql(`
  mutation ClientUpdateGroup($input: UpdateGroupInput!) {
    updateGroup(input: $input) {
      __typename
      ... on UpdateGroupSuccess {
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const TransferOwnership = graphql(`
  mutation ClientTransferOwnership($input: TransferGroupOwnershipInput!) {
    transferGroupOwnership(input: $input) {
      __typename
      ... on TransferGroupOwnershipSuccess {
        changedMembers {
          ...ClientMember
        }
        group {
          ...ClientGroup
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

/** The one who left reads no member list any more: the answer's group is the profile. */
export const LeaveGroup = graphql(`
  mutation ClientLeaveGroup($input: LeaveGroupInput!) {
    leaveGroup(input: $input) {
      __typename
      ... on LeaveGroupSuccess {
        groupId
        removedMemberIds
        group {
          ...ClientGroupProfile
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

export const DismissGroup = graphql(`
  mutation ClientDismissGroup($input: DismissGroupInput!) {
    dismissGroup(input: $input) {
      __typename
      ... on DismissGroupSuccess {
        groupId
        group {
          id
          dismissedAt
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

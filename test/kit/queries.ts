import { graphql } from '../generated/index.js';

/** One document per read the tests make; each answers the whole response (reads assert on errors too). */

/**
 * A group's profile and its first 100 members (a member's view; others get a FORBIDDEN error on
 * `members`). 100, not 200: the query cost limit counts the member fields once per member asked for.
 */
const Group = graphql(`
  query KitGroup($groupId: String!) {
    group(groupId: $groupId) {
      ...KitGroupFields
      syncError
      viewerRole
      members(first: 100) {
        edges {
          node {
            userId
            role
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
`);

/** One page of a group's members, for paging specifications. */
const GroupMembers = graphql(`
  query KitGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {
    group(groupId: $groupId) {
      memberCount
      members(first: $first, after: $after, role: $role) {
        edges {
          cursor
          node {
            userId
            role
            joinedAt
          }
        }
        pageInfo {
          ...KitPageInfoFields
        }
      }
    }
  }
`);

const Groups = graphql(`
  query KitGroups($groupIds: [String!]!) {
    groups(groupIds: $groupIds) {
      groupId
      name
      memberCount
      owner {
        userId
      }
    }
  }
`);

/** A conversation list's line per group: what bench:graphql reads against a bare Yoga (one statement per read). */
const ConversationList = graphql(`
  query KitConversationList($groupIds: [String!]!) {
    groups(groupIds: $groupIds) {
      name
      memberCount
    }
  }
`);

/** Whether the IM Service is in step with each group: what a benchmark waits on. */
const SyncStatuses = graphql(`
  query KitSyncStatuses($groupIds: [String!]!) {
    groups(groupIds: $groupIds) {
      groupId
      syncStatus
    }
  }
`);

const Node = graphql(`
  query KitNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Group {
        groupId
        name
      }
      ... on GroupMember {
        userId
        role
      }
      ... on Viewer {
        userId
      }
    }
  }
`);

/** The global ids a client cache keys a group's memberships by, and the counts of its lists. */
const MemberNodes = graphql(`
  query KitMemberNodes($groupId: String!, $role: MemberRole) {
    group(groupId: $groupId) {
      owner {
        id
        userId
      }
      members(first: 100, role: $role) {
        totalCount
        edges {
          node {
            id
            userId
            role
          }
        }
      }
    }
  }
`);

const Viewer = graphql(`
  query KitViewer {
    viewer {
      userId
    }
  }
`);

/** The caller's global id, as client caches key the viewer. */
const ViewerId = graphql(`
  query KitViewerId {
    viewer {
      id
      userId
    }
  }
`);

/** How many groups the caller is in (with `role`, when given). */
const ViewerGroupCount = graphql(`
  query KitViewerGroupCount($role: MemberRole) {
    viewer {
      groups(first: 1, role: $role) {
        totalCount
      }
    }
  }
`);

/** One page of the caller's groups. */
const ViewerGroups = graphql(`
  query KitViewerGroups($first: Int, $after: String, $role: MemberRole) {
    viewer {
      userId
      groups(first: $first, after: $after, role: $role) {
        edges {
          cursor
          role
          joinedAt
          node {
            groupId
            name
            memberCount
            createdAt
            owner {
              userId
            }
            viewerRole
          }
        }
        pageInfo {
          ...KitPageInfoFields
        }
      }
    }
  }
`);

/** One page of a group's event history, every event type's own fields included. */
const GroupEvents = graphql(`
  query KitGroupEvents($groupId: String!, $first: Int, $after: String, $users: Int) {
    group(groupId: $groupId) {
      events(first: $first, after: $after) {
        edges {
          cursor
          node {
            __typename
            cursor
            occurredAt
            groupId
            actor {
              userId
            }
            group {
              groupId
            }
            ... on GroupCreated {
              name
              memberCount
              members(first: $users) {
                userId
              }
            }
            ... on MembersAdded {
              userCount
              users(first: $users) {
                userId
                membership {
                  role
                }
              }
            }
            ... on MembersRemoved {
              userCount
              users(first: $users) {
                userId
                membership {
                  role
                }
              }
            }
            ... on MemberLeft {
              user {
                userId
              }
            }
            ... on GroupProfileUpdated {
              changedFields
              name
              avatarUrl
            }
            ... on MemberRoleChanged {
              user {
                userId
              }
              role
              previousRole
            }
            ... on OwnershipTransferred {
              previousOwner {
                userId
              }
              newOwner {
                userId
                membership {
                  role
                }
              }
            }
          }
        }
        pageInfo {
          ...KitPageInfoFields
        }
      }
    }
  }
`);

type Role = 'OWNER' | 'ADMIN' | 'MEMBER';

export const QUERIES = {
  group: { document: Group, variables: (args: { groupId: string }) => args },
  groupMembers: {
    document: GroupMembers,
    variables: (args: { groupId: string; first?: number; after?: string | null; role?: Role | null }) => args,
  },
  groups: { document: Groups, variables: (args: { groupIds: string[] }) => args },
  conversationList: { document: ConversationList, variables: (args: { groupIds: string[] }) => args },
  groupEvents: { document: GroupEvents, variables: (args: { groupId: string; first?: number; after?: string | null; users?: number }) => args },
  syncStatuses: { document: SyncStatuses, variables: (args: { groupIds: string[] }) => args },
  node: { document: Node, variables: (args: { id: string }) => args },
  memberNodes: { document: MemberNodes, variables: (args: { groupId: string; role?: Role | null }) => args },
  viewerGroupCount: { document: ViewerGroupCount, variables: (args: { role?: Role | null }) => args },
  viewer: { document: Viewer, variables: (_args: Record<string, never>) => ({}) },
  viewerId: { document: ViewerId, variables: (_args: Record<string, never>) => ({}) },
  viewerGroups: {
    document: ViewerGroups,
    variables: (args: { first?: number; after?: string | null; role?: Role | null }) => args,
  },
} as const;

export type QueryName = keyof typeof QUERIES;

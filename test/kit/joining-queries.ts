import { graphql } from '../generated/index.js';

/** The joining reads' documents (README, "Joining groups"); `queries.ts` merges them into QUERIES. */

const GroupJoining = graphql(`
  query KitGroupJoining($groupId: String!, $first: Int, $after: String) {
    group(groupId: $groupId) {
      groupId
      joinPolicy
      membersCanInvite
      joinRequests(first: $first, after: $after) {
        edges {
          cursor
          node {
            userId
            message
            requestedAt
          }
        }
        pageInfo {
          ...KitPageInfoFields
        }
      }
    }
  }
`);

const GroupInviteLinks = graphql(`
  query KitGroupInviteLinks($groupId: String!, $first: Int, $after: String) {
    group(groupId: $groupId) {
      inviteLinks(first: $first, after: $after) {
        edges {
          node {
            ...KitInviteLinkFields
          }
        }
        pageInfo {
          ...KitPageInfoFields
        }
      }
    }
  }
`);

const ViewerJoining = graphql(`
  query KitViewerJoining($first: Int) {
    viewer {
      joinRequests(first: $first) {
        edges {
          node {
            groupId
            message
            group {
              name
            }
          }
        }
      }
      invitations(first: $first) {
        edges {
          node {
            groupId
            inviterId
            message
            expiresAt
            group {
              name
            }
          }
        }
      }
    }
  }
`);

const GroupByInviteLink = graphql(`
  query KitGroupByInviteLink($code: String!) {
    groupByInviteLink(code: $code) {
      groupId
      name
      memberCount
    }
  }
`);

export const JOINING_QUERIES = {
  groupJoining: { document: GroupJoining, variables: (args: { groupId: string; first?: number; after?: string | null }) => args },
  groupInviteLinks: { document: GroupInviteLinks, variables: (args: { groupId: string; first?: number; after?: string | null }) => args },
  viewerJoining: { document: ViewerJoining, variables: (args: { first?: number }) => args },
  groupByInviteLink: { document: GroupByInviteLink, variables: (args: { code: string }) => args },
} as const;

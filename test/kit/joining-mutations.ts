import { graphql } from '../generated/index.js';

/** The joining mutations' documents and inputs (README, "Joining groups"); `mutations.ts` merges them into MUTATIONS. */

type Notify = { notify?: boolean };
type Idempotent = { idempotencyKey?: string };

export interface GroupOnlyInput extends Idempotent {
  groupId: string;
}
export interface JoinRequestInput extends Idempotent {
  groupId: string;
  message?: string | null;
}
export interface JoinRequestsInput extends Notify, Idempotent {
  groupId: string;
  userIds: string[];
}
export interface JoinInput extends Notify, Idempotent {
  groupId: string;
}
export interface InviteInput extends Idempotent {
  groupId: string;
  userIds: string[];
  message?: string | null;
}
export interface CreateInviteLinkInput extends Idempotent {
  groupId: string;
  /** ISO-8601. */
  expiresAt?: string | null;
  maxUses?: number | null;
}
export interface RevokeInviteLinkInput extends Idempotent {
  linkId: string;
}
export interface JoinByLinkInput extends Notify, Idempotent {
  code: string;
}

const RequestToJoinGroup = graphql(`
  mutation KitRequestToJoinGroup($input: RequestToJoinGroupInput!) {
    requestToJoinGroup(input: $input) {
      __typename
      ... on RequestToJoinGroupSuccess {
        joinRequest {
          groupId
          userId
          message
          requestedAt
        }
      }
      ...KitErrorFields
    }
  }
`);

const ApproveJoinRequests = graphql(`
  mutation KitApproveJoinRequests($input: ApproveJoinRequestsInput!) {
    approveJoinRequests(input: $input) {
      __typename
      ... on ApproveJoinRequestsSuccess {
        approvedUserIds
        addedMembers {
          userId
          role
        }
        group {
          groupId
          memberCount
          syncStatus
        }
      }
      ...KitErrorFields
    }
  }
`);

const DeclineJoinRequests = graphql(`
  mutation KitDeclineJoinRequests($input: DeclineJoinRequestsInput!) {
    declineJoinRequests(input: $input) {
      __typename
      ... on DeclineJoinRequestsSuccess {
        groupId
        declinedUserIds
      }
      ...KitErrorFields
    }
  }
`);

const CancelJoinRequest = graphql(`
  mutation KitCancelJoinRequest($input: CancelJoinRequestInput!) {
    cancelJoinRequest(input: $input) {
      __typename
      ... on CancelJoinRequestSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

const JoinGroup = graphql(`
  mutation KitJoinGroup($input: JoinGroupInput!) {
    joinGroup(input: $input) {
      __typename
      ... on JoinGroupSuccess {
        group {
          groupId
          memberCount
          syncStatus
          viewerRole
        }
        member {
          userId
          role
        }
      }
      ...KitErrorFields
    }
  }
`);

const InviteToGroup = graphql(`
  mutation KitInviteToGroup($input: InviteToGroupInput!) {
    inviteToGroup(input: $input) {
      __typename
      ... on InviteToGroupSuccess {
        groupId
        invitedUserIds
      }
      ...KitErrorFields
    }
  }
`);

const AcceptGroupInvitation = graphql(`
  mutation KitAcceptGroupInvitation($input: AcceptGroupInvitationInput!) {
    acceptGroupInvitation(input: $input) {
      __typename
      ... on AcceptGroupInvitationSuccess {
        group {
          groupId
          memberCount
          syncStatus
          viewerRole
        }
        member {
          userId
          role
        }
      }
      ...KitErrorFields
    }
  }
`);

const DeclineGroupInvitation = graphql(`
  mutation KitDeclineGroupInvitation($input: DeclineGroupInvitationInput!) {
    declineGroupInvitation(input: $input) {
      __typename
      ... on DeclineGroupInvitationSuccess {
        groupId
      }
      ...KitErrorFields
    }
  }
`);

const CreateGroupInviteLink = graphql(`
  mutation KitCreateGroupInviteLink($input: CreateGroupInviteLinkInput!) {
    createGroupInviteLink(input: $input) {
      __typename
      ... on CreateGroupInviteLinkSuccess {
        link {
          ...KitInviteLinkFields
        }
      }
      ...KitErrorFields
    }
  }
`);

const RevokeGroupInviteLink = graphql(`
  mutation KitRevokeGroupInviteLink($input: RevokeGroupInviteLinkInput!) {
    revokeGroupInviteLink(input: $input) {
      __typename
      ... on RevokeGroupInviteLinkSuccess {
        link {
          ...KitInviteLinkFields
        }
      }
      ...KitErrorFields
    }
  }
`);

const JoinGroupByInviteLink = graphql(`
  mutation KitJoinGroupByInviteLink($input: JoinGroupByInviteLinkInput!) {
    joinGroupByInviteLink(input: $input) {
      __typename
      ... on JoinGroupByInviteLinkSuccess {
        group {
          groupId
          memberCount
          syncStatus
          viewerRole
        }
        member {
          userId
          role
        }
      }
      ...KitErrorFields
    }
  }
`);

export const JOINING_MUTATIONS = {
  requestToJoinGroup: { document: RequestToJoinGroup, success: 'RequestToJoinGroupSuccess', variables: (input: JoinRequestInput) => ({ input }) },
  approveJoinRequests: { document: ApproveJoinRequests, success: 'ApproveJoinRequestsSuccess', variables: (input: JoinRequestsInput) => ({ input }) },
  declineJoinRequests: { document: DeclineJoinRequests, success: 'DeclineJoinRequestsSuccess', variables: (input: Omit<JoinRequestsInput, 'notify'>) => ({ input }) },
  cancelJoinRequest: { document: CancelJoinRequest, success: 'CancelJoinRequestSuccess', variables: (input: GroupOnlyInput) => ({ input }) },
  joinGroup: { document: JoinGroup, success: 'JoinGroupSuccess', variables: (input: JoinInput) => ({ input }) },
  inviteToGroup: { document: InviteToGroup, success: 'InviteToGroupSuccess', variables: (input: InviteInput) => ({ input }) },
  acceptGroupInvitation: { document: AcceptGroupInvitation, success: 'AcceptGroupInvitationSuccess', variables: (input: JoinInput) => ({ input }) },
  declineGroupInvitation: { document: DeclineGroupInvitation, success: 'DeclineGroupInvitationSuccess', variables: (input: GroupOnlyInput) => ({ input }) },
  createGroupInviteLink: { document: CreateGroupInviteLink, success: 'CreateGroupInviteLinkSuccess', variables: (input: CreateInviteLinkInput) => ({ input }) },
  revokeGroupInviteLink: { document: RevokeGroupInviteLink, success: 'RevokeGroupInviteLinkSuccess', variables: (input: RevokeInviteLinkInput) => ({ input }) },
  joinGroupByInviteLink: { document: JoinGroupByInviteLink, success: 'JoinGroupByInviteLinkSuccess', variables: (input: JoinByLinkInput) => ({ input }) },
} as const;

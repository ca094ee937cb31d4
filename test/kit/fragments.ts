import { graphql } from '../generated/index.js';

/**
 * The selections the kit's operations share. Each mutation's success member has one fragment
 * (what a client reads after that change); every error member is read through `KitErrorFields`,
 * so a new typed error needs one line here, not one per test file.
 */

export const ErrorFields = graphql(`
  fragment KitErrorFields on Error {
    message
    ... on ValidationError {
      issues {
        path
        message
      }
    }
    ... on GroupNotFoundError {
      groupId
    }
    ... on GroupIdTakenError {
      groupId
    }
    ... on MemberLimitExceededError {
      limit
      requested
    }
    ... on AttributeLimitExceededError {
      limit
      requested
    }
    ... on OwnerCannotLeaveError {
      groupId
    }
    ... on NotAMemberError {
      groupId
      userId
    }
    ... on IdempotencyKeyReusedError {
      idempotencyKey
    }
    ... on RateLimitedError {
      retryAfterMs
    }
    ... on UpstreamError {
      imCode
      retryable
    }
    ... on MuteTooLongError {
      maxMinutes
      requestedMinutes
    }
    ... on AlreadyAMemberError {
      groupId
      userId
    }
    ... on JoinNotAllowedError {
      joinPolicy
    }
    ... on JoinRequestNotFoundError {
      userIds
    }
    ... on InvitationNotFoundError {
      groupId
      userId
    }
    ... on InvitationExpiredError {
      expiredAt
    }
    ... on InviteLinkRevokedError {
      revokedAt
    }
    ... on InviteLinkExpiredError {
      expiredAt
    }
    ... on InviteLinkExhaustedError {
      maxUses
    }
    ... on PendingLimitReachedError {
      limit
    }
  }
`);

/** A group's profile, as its members (and anyone signed in, for a PUBLIC group) read it. */
export const GroupFields = graphql(`
  fragment KitGroupFields on Group {
    groupId
    name
    avatarUrl
    visibility
    memberCount
    createdAt
    syncStatus
    owner {
      userId
      role
    }
  }
`);

/** The group a createGroup answers: its profile and its global id (for `node(id:)`). */
export const CreatedGroupFields = graphql(`
  fragment KitCreatedGroupFields on Group {
    id
    ...KitGroupFields
  }
`);

export const CreateGroupSuccessFields = graphql(`
  fragment KitCreateGroupSuccessFields on CreateGroupSuccess {
    group {
      ...KitCreatedGroupFields
    }
  }
`);

export const AddGroupMembersSuccessFields = graphql(`
  fragment KitAddGroupMembersSuccessFields on AddGroupMembersSuccess {
    addedUserIds
    group {
      groupId
      memberCount
      syncStatus
    }
  }
`);

export const RemoveGroupMembersSuccessFields = graphql(`
  fragment KitRemoveGroupMembersSuccessFields on RemoveGroupMembersSuccess {
    removedUserIds
    group {
      groupId
      memberCount
      syncStatus
    }
  }
`);

export const UpdateGroupSuccessFields = graphql(`
  fragment KitUpdateGroupSuccessFields on UpdateGroupSuccess {
    group {
      id
      groupId
      name
      avatarUrl
      visibility
      description
      syncStatus
    }
  }
`);

export const TransferGroupOwnershipSuccessFields = graphql(`
  fragment KitTransferGroupOwnershipSuccessFields on TransferGroupOwnershipSuccess {
    group {
      groupId
      memberCount
      owner {
        userId
        role
      }
    }
  }
`);

export const MuteGroupMembersSuccessFields = graphql(`
  fragment KitMuteGroupMembersSuccessFields on MuteGroupMembersSuccess {
    mutedUserIds
    mutedMembers {
      userId
      role
      mutedUntil
    }
    group {
      groupId
      muted
      syncStatus
    }
  }
`);

export const UnmuteGroupMembersSuccessFields = graphql(`
  fragment KitUnmuteGroupMembersSuccessFields on UnmuteGroupMembersSuccess {
    unmutedUserIds
    unmutedMembers {
      userId
      mutedUntil
    }
    group {
      groupId
      syncStatus
    }
  }
`);

export const SetGroupMutedSuccessFields = graphql(`
  fragment KitSetGroupMutedSuccessFields on SetGroupMutedSuccess {
    group {
      groupId
      muted
      syncStatus
    }
  }
`);

/** Where a page of a connection stands. */
export const PageInfoFields = graphql(`
  fragment KitPageInfoFields on PageInfo {
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`);

/** An invite link as its admins see it (`code` only in the answer that made it). */
export const InviteLinkFields = graphql(`
  fragment KitInviteLinkFields on GroupInviteLink {
    linkId
    code
    groupId
    createdBy
    expiresAt
    maxUses
    uses
    revokedAt
  }
`);

/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, as an ISO-8601 string in UTC, e.g. `2026-11-26T09:07:00.000Z`. */
  DateTime: { input: string; output: string; }
};

/** What became of an addGroupMembers request. */
export type AddGroupMembersResult = AddGroupMembersSuccess | ForbiddenError | GroupNotFoundError | IdempotencyKeyReusedError | MemberLimitExceededError | NotAuthenticatedError | RateLimitedError | UpstreamError | ValidationError;

/** The users are members now. */
export type AddGroupMembersSuccess = {
  __typename?: 'AddGroupMembersSuccess';
  /** Who was added; users already in are left out. */
  addedUserIds: Array<Scalars['String']['output']>;
  /** The group after the change. */
  group: Group;
};

/** A new group. The caller becomes its owner. */
export type CreateGroupInput = {
  /** An http(s) URL of the group's picture. */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /** The IM group id: 1 to 64 letters and digits. Left out, one is generated. */
  groupId?: InputMaybe<Scalars['String']['input']>;
  /** A key of your choosing (1 to 128 printable characters), new for each group you mean to create. Sending the same request again with it answers the first result instead of creating a second group; the same key with another input answers `IdempotencyKeyReusedError`. Keys are remembered, per caller, for at least 24 hours. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The other members' user ids (duplicates count once). With the owner, at most 3000. */
  memberIds?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The display name, 1 to 64 characters after trimming; shown in push notifications. */
  name: Scalars['String']['input'];
};

/** What became of a createGroup request. */
export type CreateGroupResult = CreateGroupSuccess | GroupIdTakenError | IdempotencyKeyReusedError | MemberLimitExceededError | NotAuthenticatedError | RateLimitedError | UpstreamError | ValidationError;

/** The group was created. */
export type CreateGroupSuccess = {
  __typename?: 'CreateGroupSuccess';
  /** The new group. */
  group: Group;
};

/** What became of a dismissGroup request. */
export type DismissGroupResult = DismissGroupSuccess | ForbiddenError | GroupNotFoundError | NotAuthenticatedError | RateLimitedError | UpstreamError | ValidationError;

/** The group is dismissed: gone from every list, and its id answers GroupNotFoundError from now on. */
export type DismissGroupSuccess = {
  __typename?: 'DismissGroupSuccess';
  /** The dismissed group. */
  groupId: Scalars['String']['output'];
};

/** An expected failure. Each implementation adds the fields a client needs to act on it. */
export type Error = {
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** The caller's role in the group does not allow this. Nothing was changed; `message` says who may. */
export type ForbiddenError = Error & {
  __typename?: 'ForbiddenError';
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** A chat group: its profile and members, as stored by the gateway and mirrored to the IM Service. */
export type Group = Node & {
  __typename?: 'Group';
  /** The group's picture, when it has one. */
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** When the group was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The id the IM Service knows the group by. */
  groupId: Scalars['String']['output'];
  /** A globally unique id, for `node(id:)` and client caches. */
  id: Scalars['ID']['output'];
  /** How many members, the owner included. */
  memberCount: Scalars['Int']['output'];
  /** Members in join order, a page at a time; only members may read it (others get a FORBIDDEN error and null). Cursors are positions, stable while members come and go. */
  members?: Maybe<GroupMemberConnection>;
  /** The display name, also shown in push notifications. */
  name: Scalars['String']['output'];
  /** The owner's membership. */
  owner: GroupMember;
  /** Why the IM Service refused a change, when `syncStatus` is FAILED. */
  syncError?: Maybe<Scalars['String']['output']>;
  /** Whether the IM Service is in step with this group. */
  syncStatus: SyncStatus;
  /** The caller's role in this group; null when the caller is not a member. */
  viewerRole?: Maybe<MemberRole>;
};


/** A chat group: its profile and members, as stored by the gateway and mirrored to the IM Service. */
export type GroupMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<MemberRole>;
};

/** Another group already has this id. Nothing was changed. */
export type GroupIdTakenError = Error & {
  __typename?: 'GroupIdTakenError';
  /** The id that is taken. */
  groupId: Scalars['String']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** A user in a group. */
export type GroupMember = {
  __typename?: 'GroupMember';
  /** When the user joined. */
  joinedAt: Scalars['DateTime']['output'];
  /** What the user may do in the group. */
  role: MemberRole;
  /** The user's id in the chat app. */
  userId: Scalars['String']['output'];
};

/** A page of members, in join order. */
export type GroupMemberConnection = {
  __typename?: 'GroupMemberConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<GroupMemberEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** A member and its cursor. */
export type GroupMemberEdge = {
  __typename?: 'GroupMemberEdge';
  /** Pass as `after` to read the page that follows this item. */
  cursor: Scalars['String']['output'];
  /** The item. */
  node: GroupMember;
};

/** No such group, or it was dismissed. Nothing was changed. */
export type GroupNotFoundError = Error & {
  __typename?: 'GroupNotFoundError';
  /** The id that was asked for. */
  groupId: Scalars['String']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** This idempotency key was already used for a different request. Nothing was changed; use a new key. */
export type IdempotencyKeyReusedError = Error & {
  __typename?: 'IdempotencyKeyReusedError';
  /** The key that was reused. */
  idempotencyKey: Scalars['String']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** What became of a leaveGroup request. */
export type LeaveGroupResult = ForbiddenError | GroupNotFoundError | LeaveGroupSuccess | NotAuthenticatedError | OwnerCannotLeaveError | RateLimitedError | UpstreamError | ValidationError;

/** The caller is no longer a member. */
export type LeaveGroupSuccess = {
  __typename?: 'LeaveGroupSuccess';
  /** The group the caller left. */
  groupId: Scalars['String']['output'];
};

/** The group would have more members than the IM Service allows. Nothing was changed. */
export type MemberLimitExceededError = Error & {
  __typename?: 'MemberLimitExceededError';
  /** The most members a group may have, the owner included. */
  limit: Scalars['Int']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
  /** How many members the request would have made. */
  requested: Scalars['Int']['output'];
};

/** A member's role in a group. */
export type MemberRole =
  /** Adds and removes members (not the owner or other admins) and renames the group. */
  | 'ADMIN'
  /** Takes part in the chat, reads the member list, may leave. */
  | 'MEMBER'
  /** Created the group or received it; one per group. Manages everything, dismisses the group. */
  | 'OWNER';

/** Changes. Every mutation answers a union: switch on `__typename`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Adds users to a group (owner and admins). Users already in are not an error. The IM Service is told in joins of at most 1000 users; new members get an `Add` notification. */
  addGroupMembers: AddGroupMembersResult;
  /** Creates a group, stores it, and creates it at the IM Service (in calls of 1000 members). Answers `CreateGroupSuccess` once the IM Service has it, or with `syncStatus: PENDING` when the IM Service is slow: the gateway keeps trying until it has. Every failure is a typed member of the union. */
  createGroup: CreateGroupResult;
  /** Dismisses a group (owner only). Members get a `Dismiss` notification first; the IM Service keeps the chat history. */
  dismissGroup: DismissGroupResult;
  /** The caller leaves a group; the others get a `Quit` notification. The owner must transfer ownership or dismiss the group instead. */
  leaveGroup: LeaveGroupResult;
  /** Removes members (owner and admins; admins cannot remove the owner or other admins). The removed get a `Kicked` notification before they leave the IM group, so they still receive it. */
  removeGroupMembers: RemoveGroupMembersResult;
  /** Makes a member an ADMIN or a plain MEMBER (owner only). Ownership moves only with transferGroupOwnership. */
  setGroupMemberRole: SetGroupMemberRoleResult;
  /** Hands the group to another member (owner only). The previous owner stays as an admin; members get a `Transfer` notification. */
  transferGroupOwnership: TransferGroupOwnershipResult;
  /** Changes a group's name and/or picture (owner and admins). A new name is also pushed to the IM Service, which shows it in push notifications, and members get a `Rename` notification. Leave a field out to keep it; `avatarUrl: null` removes the picture. */
  updateGroup: UpdateGroupResult;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationAddGroupMembersArgs = {
  groupId: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  userIds: Array<Scalars['String']['input']>;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationCreateGroupArgs = {
  input: CreateGroupInput;
  notify?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationDismissGroupArgs = {
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationLeaveGroupArgs = {
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationRemoveGroupMembersArgs = {
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  userIds: Array<Scalars['String']['input']>;
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationSetGroupMemberRoleArgs = {
  groupId: Scalars['String']['input'];
  role: MemberRole;
  userId: Scalars['String']['input'];
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationTransferGroupOwnershipArgs = {
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  userId: Scalars['String']['input'];
};


/** Changes. Every mutation answers a union: switch on `__typename`. */
export type MutationUpdateGroupArgs = {
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  groupId: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  notify?: InputMaybe<Scalars['Boolean']['input']>;
};

/** An object with a globally unique `id`. */
export type Node = {
  /** A globally unique id, for `node(id:)` and client caches. */
  id: Scalars['ID']['output'];
};

/** The user the request names is not a member of the group. Nothing was changed. */
export type NotAMemberError = Error & {
  __typename?: 'NotAMemberError';
  /** The group. */
  groupId: Scalars['String']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
  /** The user who is not in it. */
  userId: Scalars['String']['output'];
};

/** The request names no caller. Sign in (or send `X-User-Id` in embedded mode) and retry. */
export type NotAuthenticatedError = Error & {
  __typename?: 'NotAuthenticatedError';
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** The owner cannot leave: transfer ownership to another member first, or dismiss the group. */
export type OwnerCannotLeaveError = Error & {
  __typename?: 'OwnerCannotLeaveError';
  /** The group. */
  groupId: Scalars['String']['output'];
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** Where a page of a connection stands: whether more follow, and the cursors at its ends. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page: pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items come before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Reads. */
export type Query = {
  __typename?: 'Query';
  /** One group by its IM group id; null when there is none (or it was dismissed). Any signed-in user may read a profile. */
  group?: Maybe<Group>;
  /** Many groups at once, for a conversation list: answers in the order asked, null where a group is unknown. At most 100 ids. */
  groups: Array<Maybe<Group>>;
  /** Fetches any object by its global `id`. */
  node?: Maybe<Node>;
  /** The signed-in caller; null when the request names no caller. */
  viewer?: Maybe<Viewer>;
};


/** Reads. */
export type QueryGroupArgs = {
  groupId: Scalars['String']['input'];
};


/** Reads. */
export type QueryGroupsArgs = {
  groupIds: Array<Scalars['String']['input']>;
};


/** Reads. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};

/** The IM Service's rate limit cannot serve the request in time. Nothing was changed. */
export type RateLimitedError = Error & {
  __typename?: 'RateLimitedError';
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
  /** Wait at least this long before retrying. */
  retryAfterMs: Scalars['Int']['output'];
};

/** What became of a removeGroupMembers request. */
export type RemoveGroupMembersResult = ForbiddenError | GroupNotFoundError | NotAuthenticatedError | RateLimitedError | RemoveGroupMembersSuccess | UpstreamError | ValidationError;

/** The users are no longer members. */
export type RemoveGroupMembersSuccess = {
  __typename?: 'RemoveGroupMembersSuccess';
  /** The group after the change. */
  group: Group;
  /** Who was removed; users who were not members are left out. */
  removedUserIds: Array<Scalars['String']['output']>;
};

/** What became of a setGroupMemberRole request. */
export type SetGroupMemberRoleResult = ForbiddenError | GroupNotFoundError | NotAMemberError | NotAuthenticatedError | SetGroupMemberRoleSuccess | ValidationError;

/** The member has the new role. */
export type SetGroupMemberRoleSuccess = {
  __typename?: 'SetGroupMemberRoleSuccess';
  /** The membership after the change. */
  member: GroupMember;
};

/** Whether the IM Service already knows the group as the gateway stores it. */
export type SyncStatus =
  /** The IM Service refused a change for good; see `syncError`. */
  | 'FAILED'
  /** Stored here; the IM Service is being brought in step and will be shortly. */
  | 'PENDING'
  /** The IM Service has the group and its members: chat works. */
  | 'SYNCED';

/** What became of a transferGroupOwnership request. */
export type TransferGroupOwnershipResult = ForbiddenError | GroupNotFoundError | NotAMemberError | NotAuthenticatedError | TransferGroupOwnershipSuccess | ValidationError;

/** The group has its new owner; the previous owner is now an admin. */
export type TransferGroupOwnershipSuccess = {
  __typename?: 'TransferGroupOwnershipSuccess';
  /** The group after the change. */
  group: Group;
};

/** What became of an updateGroup request. */
export type UpdateGroupResult = ForbiddenError | GroupNotFoundError | NotAuthenticatedError | RateLimitedError | UpdateGroupSuccess | UpstreamError | ValidationError;

/** The group has its new profile. */
export type UpdateGroupSuccess = {
  __typename?: 'UpdateGroupSuccess';
  /** The group after the change. */
  group: Group;
};

/** The IM Service refused or could not be reached. Nothing was changed. */
export type UpstreamError = Error & {
  __typename?: 'UpstreamError';
  /** The IM Service's business code, when it answered one. */
  imCode?: Maybe<Scalars['Int']['output']>;
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
  /** True when the same request may succeed later; false when it never will as it is. */
  retryable: Scalars['Boolean']['output'];
};

/** The input was refused before anything happened; nothing was changed. Fix the listed issues and retry. */
export type ValidationError = Error & {
  __typename?: 'ValidationError';
  /** Every problem found. */
  issues: Array<ValidationIssue>;
  /** What went wrong and what to do, for people. */
  message: Scalars['String']['output'];
};

/** One problem with the input. */
export type ValidationIssue = {
  __typename?: 'ValidationIssue';
  /** What is wrong with it. */
  message: Scalars['String']['output'];
  /** Where in the input, e.g. `["input", "memberIds", "3"]`. */
  path: Array<Scalars['String']['output']>;
};

/** The signed-in caller and what they belong to. */
export type Viewer = {
  __typename?: 'Viewer';
  /** The caller's groups, newest membership first, a page at a time (dismissed groups are gone). */
  groups: ViewerGroupConnection;
  /** The caller's user id. */
  userId: Scalars['String']['output'];
};


/** The signed-in caller and what they belong to. */
export type ViewerGroupsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  role?: InputMaybe<MemberRole>;
};

/** A page of the caller's groups. */
export type ViewerGroupConnection = {
  __typename?: 'ViewerGroupConnection';
  /** The items of this page, each with its cursor. */
  edges: Array<ViewerGroupEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** A group and the caller’s membership in it. */
export type ViewerGroupEdge = {
  __typename?: 'ViewerGroupEdge';
  /** Pass as `after` to read the page that follows this item. */
  cursor: Scalars['String']['output'];
  /** When the caller joined the group. */
  joinedAt: Scalars['DateTime']['output'];
  /** The item. */
  node: Group;
  /** The caller's role in the group. */
  role: MemberRole;
};

export type CreateGroupMutationVariables = Exact<{
  input?: CreateGroupInput;
}>;


export type CreateGroupMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', id: string, groupId: string, name: string, memberCount: number, syncStatus: SyncStatus, owner: { __typename?: 'GroupMember', userId: string }, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string, role: MemberRole, joinedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } }
    | { __typename: 'GroupIdTakenError', groupId: string, message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', limit: number, requested: number, message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterMs: number, message: string }
    | { __typename: 'UpstreamError', imCode?: number | null, retryable: boolean, message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type ConversationListQueryVariables = Exact<{
  groupIds?: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type ConversationListQuery = { __typename?: 'Query', groups: Array<{ __typename?: 'Group', groupId: string, name: string, avatarUrl?: string | null, memberCount: number, syncStatus: SyncStatus, owner: { __typename?: 'GroupMember', userId: string } } | null> };

export type MyGroupsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MyGroupsQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', userId: string, groups: { __typename?: 'ViewerGroupConnection', edges: Array<{ __typename?: 'ViewerGroupEdge', role: MemberRole, joinedAt: string, node: { __typename?: 'Group', groupId: string, name: string, memberCount: number, syncStatus: SyncStatus, owner: { __typename?: 'GroupMember', userId: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type AddMembersMutationVariables = Exact<{
  groupId?: Scalars['String']['input'];
  userIds?: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type AddMembersMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess', addedUserIds: Array<string>, group: { __typename?: 'Group', groupId: string, memberCount: number, syncStatus: SyncStatus } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', limit: number, requested: number, message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', retryAfterMs: number, message: string }
    | { __typename: 'UpstreamError', imCode?: number | null, retryable: boolean, message: string }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type RemoveMembersMutationVariables = Exact<{
  groupId?: Scalars['String']['input'];
  userIds?: Array<Scalars['String']['input']> | Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type RemoveMembersMutation = { __typename?: 'Mutation', removeGroupMembers:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'RemoveGroupMembersSuccess', removedUserIds: Array<string>, group: { __typename?: 'Group', memberCount: number } }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type DismissGroupMutationVariables = Exact<{
  groupId?: Scalars['String']['input'];
}>;


export type DismissGroupMutation = { __typename?: 'Mutation', dismissGroup:
    | { __typename: 'DismissGroupSuccess', groupId: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type AuthSpecCreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type AuthSpecCreateGroupMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, owner: { __typename?: 'GroupMember', userId: string } } }
    | { __typename: 'GroupIdTakenError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type CreateGroupSpecMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CreateGroupSpecMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, name: string, avatarUrl?: string | null, memberCount: number, syncStatus: SyncStatus, owner: { __typename?: 'GroupMember', userId: string, role: MemberRole } } }
    | { __typename: 'GroupIdTakenError', message: string, groupId: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string, limit: number, requested: number }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type GroupWithMembersSpecQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type GroupWithMembersSpecQuery = { __typename?: 'Query', group?: { __typename?: 'Group', groupId: string, name: string, syncStatus: SyncStatus, memberCount: number, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string, role: MemberRole } }> } | null } | null };

export type GroupQueriesSpecCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type GroupQueriesSpecCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', id: string, groupId: string, syncStatus: SyncStatus } }
    | { __typename: 'GroupIdTakenError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type GroupQueriesSpecGroupQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type GroupQueriesSpecGroupQuery = { __typename?: 'Query', group?: { __typename?: 'Group', groupId: string, name: string, avatarUrl?: string | null, memberCount: number, createdAt: string, syncStatus: SyncStatus, syncError?: string | null, owner: { __typename?: 'GroupMember', userId: string, role: MemberRole }, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string, role: MemberRole } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } } | null } | null };

export type GroupQueriesSpecGroupsQueryVariables = Exact<{
  groupIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type GroupQueriesSpecGroupsQuery = { __typename?: 'Query', groups: Array<{ __typename?: 'Group', groupId: string, name: string, memberCount: number, owner: { __typename?: 'GroupMember', userId: string } } | null> };

export type GroupQueriesSpecNodeQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type GroupQueriesSpecNodeQuery = { __typename?: 'Query', node?: { __typename: 'Group', groupId: string, name: string, id: string } | null };

export type GroupQueriesSpecMembersQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type GroupQueriesSpecMembersQuery = { __typename?: 'Query', group?: { __typename?: 'Group', memberCount: number, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', cursor: string, node: { __typename?: 'GroupMember', userId: string, role: MemberRole } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null } } | null } | null };

export type LifecycleCreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleCreateGroupMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, syncStatus: SyncStatus } }
    | { __typename: 'GroupIdTakenError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type LifecycleAddGroupMembersMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleAddGroupMembersMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess', addedUserIds: Array<string>, group: { __typename?: 'Group', groupId: string, memberCount: number, syncStatus: SyncStatus } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string, limit: number, requested: number }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleRemoveGroupMembersMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleRemoveGroupMembersMutation = { __typename?: 'Mutation', removeGroupMembers:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'RemoveGroupMembersSuccess', removedUserIds: Array<string>, group: { __typename?: 'Group', groupId: string, memberCount: number, syncStatus: SyncStatus } }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleLeaveGroupMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleLeaveGroupMutation = { __typename?: 'Mutation', leaveGroup:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'LeaveGroupSuccess', groupId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'OwnerCannotLeaveError', message: string, groupId: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleUpdateGroupMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleUpdateGroupMutation = { __typename?: 'Mutation', updateGroup:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'UpdateGroupSuccess', group: { __typename?: 'Group', groupId: string, name: string, avatarUrl?: string | null, syncStatus: SyncStatus } }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleTransferGroupOwnershipMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleTransferGroupOwnershipMutation = { __typename?: 'Mutation', transferGroupOwnership:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'NotAMemberError', message: string, groupId: string, userId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'TransferGroupOwnershipSuccess', group: { __typename?: 'Group', groupId: string, memberCount: number, owner: { __typename?: 'GroupMember', userId: string, role: MemberRole } } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleSetGroupMemberRoleMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userId: Scalars['String']['input'];
  role: MemberRole;
}>;


export type LifecycleSetGroupMemberRoleMutation = { __typename?: 'Mutation', setGroupMemberRole:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'NotAMemberError', message: string, groupId: string, userId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'SetGroupMemberRoleSuccess', member: { __typename?: 'GroupMember', userId: string, role: MemberRole } }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleDismissGroupMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  notify?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type LifecycleDismissGroupMutation = { __typename?: 'Mutation', dismissGroup:
    | { __typename: 'DismissGroupSuccess', groupId: string }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string, groupId: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string, retryAfterMs: number }
    | { __typename: 'UpstreamError', message: string, imCode?: number | null, retryable: boolean }
    | { __typename: 'ValidationError', message: string, issues: Array<{ __typename?: 'ValidationIssue', path: Array<string>, message: string }> }
   };

export type LifecycleGroupViewQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type LifecycleGroupViewQuery = { __typename?: 'Query', group?: { __typename?: 'Group', groupId: string, name: string, avatarUrl?: string | null, memberCount: number, syncStatus: SyncStatus, viewerRole?: MemberRole | null, owner: { __typename?: 'GroupMember', userId: string, role: MemberRole }, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string, role: MemberRole } }> } | null } | null };

export type LifecycleViewerGroupsQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleViewerGroupsQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', groups: { __typename?: 'ViewerGroupConnection', edges: Array<{ __typename?: 'ViewerGroupEdge', role: MemberRole, node: { __typename?: 'Group', groupId: string } }> } } | null };

export type LifecyclePermissionsReadGroupQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type LifecyclePermissionsReadGroupQuery = { __typename?: 'Query', group?: { __typename?: 'Group', name: string, memberCount: number, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string } }> } | null } | null };

export type ScenarioCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type ScenarioCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess' }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioAddMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type ScenarioAddMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioRemoveMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type ScenarioRemoveMutation = { __typename?: 'Mutation', removeGroupMembers:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'RemoveGroupMembersSuccess' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioLeaveMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type ScenarioLeaveMutation = { __typename?: 'Mutation', leaveGroup:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'LeaveGroupSuccess' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'OwnerCannotLeaveError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioRenameMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  name: Scalars['String']['input'];
}>;


export type ScenarioRenameMutation = { __typename?: 'Mutation', updateGroup:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpdateGroupSuccess' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioTransferMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userId: Scalars['String']['input'];
}>;


export type ScenarioTransferMutation = { __typename?: 'Mutation', transferGroupOwnership:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'NotAMemberError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'TransferGroupOwnershipSuccess' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioDismissMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type ScenarioDismissMutation = { __typename?: 'Mutation', dismissGroup:
    | { __typename: 'DismissGroupSuccess' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ScenarioMembersQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type ScenarioMembersQuery = { __typename?: 'Query', group?: { __typename?: 'Group', name: string, syncStatus: SyncStatus, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string } }> } | null } | null };

export type MetricsCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type MetricsCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess' }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type MetricsAddMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type MetricsAddMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type LoggedCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type LoggedCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess' }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type QueriesFactoryCreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type QueriesFactoryCreateGroupMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, createdAt: string, syncStatus: SyncStatus } }
    | { __typename: 'GroupIdTakenError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type QueriesFactoryAddMembersMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type QueriesFactoryAddMembersMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess', addedUserIds: Array<string>, group: { __typename?: 'Group', memberCount: number } }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type QueriesFactoryRemoveMembersMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type QueriesFactoryRemoveMembersMutation = { __typename?: 'Mutation', removeGroupMembers:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'RemoveGroupMembersSuccess', removedUserIds: Array<string>, group: { __typename?: 'Group', memberCount: number } }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type QueriesFactorySetRoleMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userId: Scalars['String']['input'];
  role: MemberRole;
}>;


export type QueriesFactorySetRoleMutation = { __typename?: 'Mutation', setGroupMemberRole:
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'NotAMemberError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'SetGroupMemberRoleSuccess', member: { __typename?: 'GroupMember', userId: string, role: MemberRole } }
    | { __typename: 'ValidationError', message: string }
   };

export type QueriesFactoryDismissMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type QueriesFactoryDismissMutation = { __typename?: 'Mutation', dismissGroup:
    | { __typename: 'DismissGroupSuccess' }
    | { __typename: 'ForbiddenError', message: string }
    | { __typename: 'GroupNotFoundError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type MembersPagingSpecPageQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<MemberRole>;
}>;


export type MembersPagingSpecPageQuery = { __typename?: 'Query', group?: { __typename?: 'Group', memberCount: number, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', cursor: string, node: { __typename?: 'GroupMember', userId: string, role: MemberRole, joinedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, endCursor?: string | null } } | null } | null };

export type ViewerGroupsSpecViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerGroupsSpecViewerQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', userId: string } | null };

export type ViewerGroupsSpecGroupsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<MemberRole>;
}>;


export type ViewerGroupsSpecGroupsQuery = { __typename?: 'Query', viewer?: { __typename?: 'Viewer', userId: string, groups: { __typename?: 'ViewerGroupConnection', edges: Array<{ __typename?: 'ViewerGroupEdge', cursor: string, role: MemberRole, joinedAt: string, node: { __typename?: 'Group', groupId: string, name: string, memberCount: number, createdAt: string, viewerRole?: MemberRole | null, owner: { __typename?: 'GroupMember', userId: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, hasPreviousPage: boolean, startCursor?: string | null, endCursor?: string | null } } } | null };

export type ViewerGroupsSpecMemberCursorQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type ViewerGroupsSpecMemberCursorQuery = { __typename?: 'Query', group?: { __typename?: 'Group', members?: { __typename?: 'GroupMemberConnection', pageInfo: { __typename?: 'PageInfo', endCursor?: string | null } } | null } | null };

export type CrashCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type CrashCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string } }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type FaultCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type FaultCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string } }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError', retryAfterMs: number }
    | { __typename: 'UpstreamError', retryable: boolean }
    | { __typename: 'ValidationError' }
   };

export type FaultAddMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type FaultAddMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess' }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError', retryable: boolean }
    | { __typename: 'ValidationError' }
   };

export type FaultRemoveMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
}>;


export type FaultRemoveMutation = { __typename?: 'Mutation', removeGroupMembers:
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'RemoveGroupMembersSuccess' }
    | { __typename: 'UpstreamError', retryable: boolean }
    | { __typename: 'ValidationError' }
   };

export type IdempotentCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type IdempotentCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, memberCount: number } }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError', idempotencyKey: string, message: string }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError', retryable: boolean }
    | { __typename: 'ValidationError' }
   };

export type IdempotentAddMutationVariables = Exact<{
  groupId: Scalars['String']['input'];
  userIds: Array<Scalars['String']['input']> | Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
}>;


export type IdempotentAddMutation = { __typename?: 'Mutation', addGroupMembers:
    | { __typename: 'AddGroupMembersSuccess', addedUserIds: Array<string>, group: { __typename?: 'Group', memberCount: number } }
    | { __typename: 'ForbiddenError' }
    | { __typename: 'GroupNotFoundError' }
    | { __typename: 'IdempotencyKeyReusedError', idempotencyKey: string }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type ReconcileCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type ReconcileCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess' }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type FailingCreateMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type FailingCreateMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', syncStatus: SyncStatus } }
    | { __typename: 'GroupIdTakenError' }
    | { __typename: 'IdempotencyKeyReusedError' }
    | { __typename: 'MemberLimitExceededError' }
    | { __typename: 'NotAuthenticatedError' }
    | { __typename: 'RateLimitedError' }
    | { __typename: 'UpstreamError' }
    | { __typename: 'ValidationError' }
   };

export type FailingStatusQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type FailingStatusQuery = { __typename?: 'Query', group?: { __typename?: 'Group', syncStatus: SyncStatus, syncError?: string | null } | null };

export type StartupSpecCreateGroupMutationVariables = Exact<{
  input: CreateGroupInput;
}>;


export type StartupSpecCreateGroupMutation = { __typename?: 'Mutation', createGroup:
    | { __typename: 'CreateGroupSuccess', group: { __typename?: 'Group', groupId: string, syncStatus: SyncStatus } }
    | { __typename: 'GroupIdTakenError', message: string }
    | { __typename: 'IdempotencyKeyReusedError', message: string }
    | { __typename: 'MemberLimitExceededError', message: string }
    | { __typename: 'NotAuthenticatedError', message: string }
    | { __typename: 'RateLimitedError', message: string }
    | { __typename: 'UpstreamError', message: string }
    | { __typename: 'ValidationError', message: string }
   };

export type StartupSpecGroupQueryVariables = Exact<{
  groupId: Scalars['String']['input'];
}>;


export type StartupSpecGroupQuery = { __typename?: 'Query', group?: { __typename?: 'Group', groupId: string, name: string, memberCount: number, syncStatus: SyncStatus, owner: { __typename?: 'GroupMember', userId: string }, members?: { __typename?: 'GroupMemberConnection', edges: Array<{ __typename?: 'GroupMemberEdge', node: { __typename?: 'GroupMember', userId: string, role: MemberRole } }> } | null } | null };


export const CreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}},"defaultValue":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"Book club","block":false}},{"kind":"ObjectField","name":{"kind":"Name","value":"memberIds"},"value":{"kind":"ListValue","values":[{"kind":"StringValue","value":"bob","block":false},{"kind":"StringValue","value":"carol","block":false}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupIdTakenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberLimitExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateGroupMutation, CreateGroupMutationVariables>;
export const ConversationListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConversationList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"replace","block":false},{"kind":"StringValue","value":"with","block":false},{"kind":"StringValue","value":"group","block":false},{"kind":"StringValue","value":"ids","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<ConversationListQuery, ConversationListQueryVariables>;
export const MyGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MyGroupsQuery, MyGroupsQueryVariables>;
export const AddMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"bookclub","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"dave","block":false},{"kind":"StringValue","value":"erin","block":false}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberLimitExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AddMembersMutation, AddMembersMutationVariables>;
export const RemoveMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"bookclub","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}},"defaultValue":{"kind":"ListValue","values":[{"kind":"StringValue","value":"erin","block":false}]}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}},"defaultValue":{"kind":"BooleanValue","value":true}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveMembersMutation, RemoveMembersMutationVariables>;
export const DismissGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DismissGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"bookclub","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DismissGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<DismissGroupMutation, DismissGroupMutationVariables>;
export const AuthSpecCreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AuthSpecCreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<AuthSpecCreateGroupMutation, AuthSpecCreateGroupMutationVariables>;
export const CreateGroupSpecDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateGroupSpec"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupIdTakenError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberLimitExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<CreateGroupSpecMutation, CreateGroupSpecMutationVariables>;
export const GroupWithMembersSpecDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupWithMembersSpec"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupWithMembersSpecQuery, GroupWithMembersSpecQueryVariables>;
export const GroupQueriesSpecCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"GroupQueriesSpecCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<GroupQueriesSpecCreateMutation, GroupQueriesSpecCreateMutationVariables>;
export const GroupQueriesSpecGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupQueriesSpecGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"syncError"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupQueriesSpecGroupQuery, GroupQueriesSpecGroupQueryVariables>;
export const GroupQueriesSpecGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupQueriesSpecGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<GroupQueriesSpecGroupsQuery, GroupQueriesSpecGroupsQueryVariables>;
export const GroupQueriesSpecNodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupQueriesSpecNode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Group"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<GroupQueriesSpecNodeQuery, GroupQueriesSpecNodeQueryVariables>;
export const GroupQueriesSpecMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GroupQueriesSpecMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GroupQueriesSpecMembersQuery, GroupQueriesSpecMembersQueryVariables>;
export const LifecycleCreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleCreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleCreateGroupMutation, LifecycleCreateGroupMutationVariables>;
export const LifecycleAddGroupMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleAddGroupMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MemberLimitExceededError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"requested"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleAddGroupMembersMutation, LifecycleAddGroupMembersMutationVariables>;
export const LifecycleRemoveGroupMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleRemoveGroupMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleRemoveGroupMembersMutation, LifecycleRemoveGroupMembersMutationVariables>;
export const LifecycleLeaveGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleLeaveGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"LeaveGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OwnerCannotLeaveError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleLeaveGroupMutation, LifecycleLeaveGroupMutationVariables>;
export const LifecycleUpdateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleUpdateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"avatarUrl"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"avatarUrl"},"value":{"kind":"Variable","name":{"kind":"Name","value":"avatarUrl"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleUpdateGroupMutation, LifecycleUpdateGroupMutationVariables>;
export const LifecycleTransferGroupOwnershipDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleTransferGroupOwnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferGroupOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TransferGroupOwnershipSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotAMemberError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleTransferGroupOwnershipMutation, LifecycleTransferGroupOwnershipMutationVariables>;
export const LifecycleSetGroupMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleSetGroupMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGroupMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetGroupMemberRoleSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"NotAMemberError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleSetGroupMemberRoleMutation, LifecycleSetGroupMemberRoleMutationVariables>;
export const LifecycleDismissGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LifecycleDismissGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notify"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notify"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DismissGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ValidationError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"GroupNotFoundError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"imCode"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleDismissGroupMutation, LifecycleDismissGroupMutationVariables>;
export const LifecycleGroupViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleGroupView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleGroupViewQuery, LifecycleGroupViewQueryVariables>;
export const LifecycleViewerGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleViewerGroups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecycleViewerGroupsQuery, LifecycleViewerGroupsQueryVariables>;
export const LifecyclePermissionsReadGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecyclePermissionsReadGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<LifecyclePermissionsReadGroupQuery, LifecyclePermissionsReadGroupQueryVariables>;
export const ScenarioCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioCreateMutation, ScenarioCreateMutationVariables>;
export const ScenarioAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioAddMutation, ScenarioAddMutationVariables>;
export const ScenarioRemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioRemoveMutation, ScenarioRemoveMutationVariables>;
export const ScenarioLeaveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioLeave"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioLeaveMutation, ScenarioLeaveMutationVariables>;
export const ScenarioRenameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioRename"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioRenameMutation, ScenarioRenameMutationVariables>;
export const ScenarioTransferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferGroupOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioTransferMutation, ScenarioTransferMutationVariables>;
export const ScenarioDismissDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScenarioDismiss"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ScenarioDismissMutation, ScenarioDismissMutationVariables>;
export const ScenarioMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ScenarioMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"200"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ScenarioMembersQuery, ScenarioMembersQueryVariables>;
export const MetricsCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MetricsCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<MetricsCreateMutation, MetricsCreateMutationVariables>;
export const MetricsAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MetricsAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<MetricsAddMutation, MetricsAddMutationVariables>;
export const LoggedCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LoggedCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<LoggedCreateMutation, LoggedCreateMutationVariables>;
export const QueriesFactoryCreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QueriesFactoryCreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QueriesFactoryCreateGroupMutation, QueriesFactoryCreateGroupMutationVariables>;
export const QueriesFactoryAddMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QueriesFactoryAddMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QueriesFactoryAddMembersMutation, QueriesFactoryAddMembersMutationVariables>;
export const QueriesFactoryRemoveMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QueriesFactoryRemoveMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QueriesFactoryRemoveMembersMutation, QueriesFactoryRemoveMembersMutationVariables>;
export const QueriesFactorySetRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QueriesFactorySetRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setGroupMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SetGroupMemberRoleSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QueriesFactorySetRoleMutation, QueriesFactorySetRoleMutationVariables>;
export const QueriesFactoryDismissDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QueriesFactoryDismiss"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dismissGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QueriesFactoryDismissMutation, QueriesFactoryDismissMutationVariables>;
export const MembersPagingSpecPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MembersPagingSpecPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersPagingSpecPageQuery, MembersPagingSpecPageQueryVariables>;
export const ViewerGroupsSpecViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerGroupsSpecViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}}]}}]} as unknown as DocumentNode<ViewerGroupsSpecViewerQuery, ViewerGroupsSpecViewerQueryVariables>;
export const ViewerGroupsSpecGroupsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerGroupsSpecGroups"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"MemberRole"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerGroupsSpecGroupsQuery, ViewerGroupsSpecGroupsQueryVariables>;
export const ViewerGroupsSpecMemberCursorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ViewerGroupsSpecMemberCursor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ViewerGroupsSpecMemberCursorQuery, ViewerGroupsSpecMemberCursorQueryVariables>;
export const CrashCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CrashCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CrashCreateMutation, CrashCreateMutationVariables>;
export const FaultCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"RateLimitedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryAfterMs"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<FaultCreateMutation, FaultCreateMutationVariables>;
export const FaultAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<FaultAddMutation, FaultAddMutationVariables>;
export const FaultRemoveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FaultRemove"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<FaultRemoveMutation, FaultRemoveMutationVariables>;
export const IdempotentCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IdempotentCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpstreamError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryable"}}]}}]}}]}}]} as unknown as DocumentNode<IdempotentCreateMutation, IdempotentCreateMutationVariables>;
export const IdempotentAddDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IdempotentAdd"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addGroupMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}},{"kind":"Argument","name":{"kind":"Name","value":"userIds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userIds"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AddGroupMembersSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addedUserIds"}},{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"IdempotencyKeyReusedError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"idempotencyKey"}}]}}]}}]}}]} as unknown as DocumentNode<IdempotentAddMutation, IdempotentAddMutationVariables>;
export const ReconcileCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReconcileCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}}]}}]}}]} as unknown as DocumentNode<ReconcileCreateMutation, ReconcileCreateMutationVariables>;
export const FailingCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"FailingCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"notify"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FailingCreateMutation, FailingCreateMutationVariables>;
export const FailingStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FailingStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"syncError"}}]}}]}}]} as unknown as DocumentNode<FailingStatusQuery, FailingStatusQueryVariables>;
export const StartupSpecCreateGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartupSpecCreateGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createGroup"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateGroupSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Error"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<StartupSpecCreateGroupMutation, StartupSpecCreateGroupMutationVariables>;
export const StartupSpecGroupDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StartupSpecGroup"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"group"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"groupId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"groupId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"groupId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"syncStatus"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartupSpecGroupQuery, StartupSpecGroupQueryVariables>;
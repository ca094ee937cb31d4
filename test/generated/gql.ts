/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.CreateGroupDocument,
    "query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}": typeof types.ConversationListDocument,
    "query MyGroups($first: Int = 20, $after: String) {\n  viewer {\n    userId\n    groups(first: $first, after: $after) {\n      edges {\n        role\n        joinedAt\n        node {\n          groupId\n          name\n          memberCount\n          syncStatus\n          owner {\n            userId\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyGroupsDocument,
    "mutation AddMembers($input: AddGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"dave\", \"erin\"]}) {\n  addGroupMembers(input: $input) {\n    __typename\n    ... on AddGroupMembersSuccess {\n      addedUserIds\n      group {\n        groupId\n        memberCount\n        syncStatus\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.AddMembersDocument,
    "mutation RemoveMembers($input: RemoveGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"erin\"], notify: true}) {\n  removeGroupMembers(input: $input) {\n    __typename\n    ... on RemoveGroupMembersSuccess {\n      removedUserIds\n      group {\n        memberCount\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.RemoveMembersDocument,
    "mutation DismissGroup($input: DismissGroupInput! = {groupId: \"bookclub\"}) {\n  dismissGroup(input: $input) {\n    __typename\n    ... on DismissGroupSuccess {\n      groupId\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.DismissGroupDocument,
    "\n  fragment KitErrorFields on Error {\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupNotFoundError {\n      groupId\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on OwnerCannotLeaveError {\n      groupId\n    }\n    ... on NotAMemberError {\n      groupId\n      userId\n    }\n    ... on IdempotencyKeyReusedError {\n      idempotencyKey\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n  }\n": typeof types.KitErrorFieldsFragmentDoc,
    "\n  fragment KitGroupFields on Group {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    createdAt\n    syncStatus\n    owner {\n      userId\n      role\n    }\n  }\n": typeof types.KitGroupFieldsFragmentDoc,
    "\n  fragment KitCreatedGroupFields on Group {\n    id\n    ...KitGroupFields\n  }\n": typeof types.KitCreatedGroupFieldsFragmentDoc,
    "\n  fragment KitCreateGroupSuccessFields on CreateGroupSuccess {\n    group {\n      ...KitCreatedGroupFields\n    }\n  }\n": typeof types.KitCreateGroupSuccessFieldsFragmentDoc,
    "\n  fragment KitAddGroupMembersSuccessFields on AddGroupMembersSuccess {\n    addedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n": typeof types.KitAddGroupMembersSuccessFieldsFragmentDoc,
    "\n  fragment KitRemoveGroupMembersSuccessFields on RemoveGroupMembersSuccess {\n    removedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n": typeof types.KitRemoveGroupMembersSuccessFieldsFragmentDoc,
    "\n  fragment KitUpdateGroupSuccessFields on UpdateGroupSuccess {\n    group {\n      groupId\n      name\n      avatarUrl\n      syncStatus\n    }\n  }\n": typeof types.KitUpdateGroupSuccessFieldsFragmentDoc,
    "\n  fragment KitTransferGroupOwnershipSuccessFields on TransferGroupOwnershipSuccess {\n    group {\n      groupId\n      memberCount\n      owner {\n        userId\n        role\n      }\n    }\n  }\n": typeof types.KitTransferGroupOwnershipSuccessFieldsFragmentDoc,
    "\n  fragment KitPageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": typeof types.KitPageInfoFieldsFragmentDoc,
    "\n  mutation KitCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ...KitCreateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitCreateGroupDocument,
    "\n  mutation KitAddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      __typename\n      ...KitAddGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitAddGroupMembersDocument,
    "\n  mutation KitRemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      __typename\n      ...KitRemoveGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitRemoveGroupMembersDocument,
    "\n  mutation KitLeaveGroup($input: LeaveGroupInput!) {\n    leaveGroup(input: $input) {\n      __typename\n      ... on LeaveGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitLeaveGroupDocument,
    "\n  mutation KitUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ...KitUpdateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitUpdateGroupDocument,
    "\n  mutation KitTransferGroupOwnership($input: TransferGroupOwnershipInput!) {\n    transferGroupOwnership(input: $input) {\n      __typename\n      ...KitTransferGroupOwnershipSuccessFields\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitTransferGroupOwnershipDocument,
    "\n  mutation KitSetGroupMemberRole($input: SetGroupMemberRoleInput!) {\n    setGroupMemberRole(input: $input) {\n      __typename\n      ... on SetGroupMemberRoleSuccess {\n        member {\n          userId\n          role\n        }\n      }\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitSetGroupMemberRoleDocument,
    "\n  mutation KitDismissGroup($input: DismissGroupInput!) {\n    dismissGroup(input: $input) {\n      __typename\n      ... on DismissGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n": typeof types.KitDismissGroupDocument,
    "\n  query KitGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      ...KitGroupFields\n      syncError\n      viewerRole\n      members(first: 100) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.KitGroupDocument,
    "\n  query KitGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n            joinedAt\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.KitGroupMembersDocument,
    "\n  query KitGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n": typeof types.KitGroupsDocument,
    "\n  query KitConversationList($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      name\n      memberCount\n    }\n  }\n": typeof types.KitConversationListDocument,
    "\n  query KitSyncStatuses($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      syncStatus\n    }\n  }\n": typeof types.KitSyncStatusesDocument,
    "\n  query KitNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n": typeof types.KitNodeDocument,
    "\n  query KitViewer {\n    viewer {\n      userId\n    }\n  }\n": typeof types.KitViewerDocument,
    "\n  query KitViewerGroups($first: Int, $after: String, $role: MemberRole) {\n    viewer {\n      userId\n      groups(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          role\n          joinedAt\n          node {\n            groupId\n            name\n            memberCount\n            createdAt\n            owner {\n              userId\n            }\n            viewerRole\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n": typeof types.KitViewerGroupsDocument,
};
const documents: Documents = {
    "mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.CreateGroupDocument,
    "query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}": types.ConversationListDocument,
    "query MyGroups($first: Int = 20, $after: String) {\n  viewer {\n    userId\n    groups(first: $first, after: $after) {\n      edges {\n        role\n        joinedAt\n        node {\n          groupId\n          name\n          memberCount\n          syncStatus\n          owner {\n            userId\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyGroupsDocument,
    "mutation AddMembers($input: AddGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"dave\", \"erin\"]}) {\n  addGroupMembers(input: $input) {\n    __typename\n    ... on AddGroupMembersSuccess {\n      addedUserIds\n      group {\n        groupId\n        memberCount\n        syncStatus\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.AddMembersDocument,
    "mutation RemoveMembers($input: RemoveGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"erin\"], notify: true}) {\n  removeGroupMembers(input: $input) {\n    __typename\n    ... on RemoveGroupMembersSuccess {\n      removedUserIds\n      group {\n        memberCount\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.RemoveMembersDocument,
    "mutation DismissGroup($input: DismissGroupInput! = {groupId: \"bookclub\"}) {\n  dismissGroup(input: $input) {\n    __typename\n    ... on DismissGroupSuccess {\n      groupId\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.DismissGroupDocument,
    "\n  fragment KitErrorFields on Error {\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupNotFoundError {\n      groupId\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on OwnerCannotLeaveError {\n      groupId\n    }\n    ... on NotAMemberError {\n      groupId\n      userId\n    }\n    ... on IdempotencyKeyReusedError {\n      idempotencyKey\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n  }\n": types.KitErrorFieldsFragmentDoc,
    "\n  fragment KitGroupFields on Group {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    createdAt\n    syncStatus\n    owner {\n      userId\n      role\n    }\n  }\n": types.KitGroupFieldsFragmentDoc,
    "\n  fragment KitCreatedGroupFields on Group {\n    id\n    ...KitGroupFields\n  }\n": types.KitCreatedGroupFieldsFragmentDoc,
    "\n  fragment KitCreateGroupSuccessFields on CreateGroupSuccess {\n    group {\n      ...KitCreatedGroupFields\n    }\n  }\n": types.KitCreateGroupSuccessFieldsFragmentDoc,
    "\n  fragment KitAddGroupMembersSuccessFields on AddGroupMembersSuccess {\n    addedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n": types.KitAddGroupMembersSuccessFieldsFragmentDoc,
    "\n  fragment KitRemoveGroupMembersSuccessFields on RemoveGroupMembersSuccess {\n    removedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n": types.KitRemoveGroupMembersSuccessFieldsFragmentDoc,
    "\n  fragment KitUpdateGroupSuccessFields on UpdateGroupSuccess {\n    group {\n      groupId\n      name\n      avatarUrl\n      syncStatus\n    }\n  }\n": types.KitUpdateGroupSuccessFieldsFragmentDoc,
    "\n  fragment KitTransferGroupOwnershipSuccessFields on TransferGroupOwnershipSuccess {\n    group {\n      groupId\n      memberCount\n      owner {\n        userId\n        role\n      }\n    }\n  }\n": types.KitTransferGroupOwnershipSuccessFieldsFragmentDoc,
    "\n  fragment KitPageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n": types.KitPageInfoFieldsFragmentDoc,
    "\n  mutation KitCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ...KitCreateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n": types.KitCreateGroupDocument,
    "\n  mutation KitAddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      __typename\n      ...KitAddGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n": types.KitAddGroupMembersDocument,
    "\n  mutation KitRemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      __typename\n      ...KitRemoveGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n": types.KitRemoveGroupMembersDocument,
    "\n  mutation KitLeaveGroup($input: LeaveGroupInput!) {\n    leaveGroup(input: $input) {\n      __typename\n      ... on LeaveGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n": types.KitLeaveGroupDocument,
    "\n  mutation KitUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ...KitUpdateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n": types.KitUpdateGroupDocument,
    "\n  mutation KitTransferGroupOwnership($input: TransferGroupOwnershipInput!) {\n    transferGroupOwnership(input: $input) {\n      __typename\n      ...KitTransferGroupOwnershipSuccessFields\n      ...KitErrorFields\n    }\n  }\n": types.KitTransferGroupOwnershipDocument,
    "\n  mutation KitSetGroupMemberRole($input: SetGroupMemberRoleInput!) {\n    setGroupMemberRole(input: $input) {\n      __typename\n      ... on SetGroupMemberRoleSuccess {\n        member {\n          userId\n          role\n        }\n      }\n      ...KitErrorFields\n    }\n  }\n": types.KitSetGroupMemberRoleDocument,
    "\n  mutation KitDismissGroup($input: DismissGroupInput!) {\n    dismissGroup(input: $input) {\n      __typename\n      ... on DismissGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n": types.KitDismissGroupDocument,
    "\n  query KitGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      ...KitGroupFields\n      syncError\n      viewerRole\n      members(first: 100) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.KitGroupDocument,
    "\n  query KitGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n            joinedAt\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n": types.KitGroupMembersDocument,
    "\n  query KitGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n": types.KitGroupsDocument,
    "\n  query KitConversationList($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      name\n      memberCount\n    }\n  }\n": types.KitConversationListDocument,
    "\n  query KitSyncStatuses($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      syncStatus\n    }\n  }\n": types.KitSyncStatusesDocument,
    "\n  query KitNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n": types.KitNodeDocument,
    "\n  query KitViewer {\n    viewer {\n      userId\n    }\n  }\n": types.KitViewerDocument,
    "\n  query KitViewerGroups($first: Int, $after: String, $role: MemberRole) {\n    viewer {\n      userId\n      groups(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          role\n          joinedAt\n          node {\n            groupId\n            name\n            memberCount\n            createdAt\n            owner {\n              userId\n            }\n            viewerRole\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n": types.KitViewerGroupsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}"): (typeof documents)["query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyGroups($first: Int = 20, $after: String) {\n  viewer {\n    userId\n    groups(first: $first, after: $after) {\n      edges {\n        role\n        joinedAt\n        node {\n          groupId\n          name\n          memberCount\n          syncStatus\n          owner {\n            userId\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query MyGroups($first: Int = 20, $after: String) {\n  viewer {\n    userId\n    groups(first: $first, after: $after) {\n      edges {\n        role\n        joinedAt\n        node {\n          groupId\n          name\n          memberCount\n          syncStatus\n          owner {\n            userId\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMembers($input: AddGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"dave\", \"erin\"]}) {\n  addGroupMembers(input: $input) {\n    __typename\n    ... on AddGroupMembersSuccess {\n      addedUserIds\n      group {\n        groupId\n        memberCount\n        syncStatus\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation AddMembers($input: AddGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"dave\", \"erin\"]}) {\n  addGroupMembers(input: $input) {\n    __typename\n    ... on AddGroupMembersSuccess {\n      addedUserIds\n      group {\n        groupId\n        memberCount\n        syncStatus\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveMembers($input: RemoveGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"erin\"], notify: true}) {\n  removeGroupMembers(input: $input) {\n    __typename\n    ... on RemoveGroupMembersSuccess {\n      removedUserIds\n      group {\n        memberCount\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation RemoveMembers($input: RemoveGroupMembersInput! = {groupId: \"bookclub\", userIds: [\"erin\"], notify: true}) {\n  removeGroupMembers(input: $input) {\n    __typename\n    ... on RemoveGroupMembersSuccess {\n      removedUserIds\n      group {\n        memberCount\n      }\n    }\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DismissGroup($input: DismissGroupInput! = {groupId: \"bookclub\"}) {\n  dismissGroup(input: $input) {\n    __typename\n    ... on DismissGroupSuccess {\n      groupId\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation DismissGroup($input: DismissGroupInput! = {groupId: \"bookclub\"}) {\n  dismissGroup(input: $input) {\n    __typename\n    ... on DismissGroupSuccess {\n      groupId\n    }\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitErrorFields on Error {\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupNotFoundError {\n      groupId\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on OwnerCannotLeaveError {\n      groupId\n    }\n    ... on NotAMemberError {\n      groupId\n      userId\n    }\n    ... on IdempotencyKeyReusedError {\n      idempotencyKey\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n  }\n"): (typeof documents)["\n  fragment KitErrorFields on Error {\n    message\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupNotFoundError {\n      groupId\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on OwnerCannotLeaveError {\n      groupId\n    }\n    ... on NotAMemberError {\n      groupId\n      userId\n    }\n    ... on IdempotencyKeyReusedError {\n      idempotencyKey\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitGroupFields on Group {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    createdAt\n    syncStatus\n    owner {\n      userId\n      role\n    }\n  }\n"): (typeof documents)["\n  fragment KitGroupFields on Group {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    createdAt\n    syncStatus\n    owner {\n      userId\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitCreatedGroupFields on Group {\n    id\n    ...KitGroupFields\n  }\n"): (typeof documents)["\n  fragment KitCreatedGroupFields on Group {\n    id\n    ...KitGroupFields\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitCreateGroupSuccessFields on CreateGroupSuccess {\n    group {\n      ...KitCreatedGroupFields\n    }\n  }\n"): (typeof documents)["\n  fragment KitCreateGroupSuccessFields on CreateGroupSuccess {\n    group {\n      ...KitCreatedGroupFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitAddGroupMembersSuccessFields on AddGroupMembersSuccess {\n    addedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n"): (typeof documents)["\n  fragment KitAddGroupMembersSuccessFields on AddGroupMembersSuccess {\n    addedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitRemoveGroupMembersSuccessFields on RemoveGroupMembersSuccess {\n    removedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n"): (typeof documents)["\n  fragment KitRemoveGroupMembersSuccessFields on RemoveGroupMembersSuccess {\n    removedUserIds\n    group {\n      groupId\n      memberCount\n      syncStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitUpdateGroupSuccessFields on UpdateGroupSuccess {\n    group {\n      groupId\n      name\n      avatarUrl\n      syncStatus\n    }\n  }\n"): (typeof documents)["\n  fragment KitUpdateGroupSuccessFields on UpdateGroupSuccess {\n    group {\n      groupId\n      name\n      avatarUrl\n      syncStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitTransferGroupOwnershipSuccessFields on TransferGroupOwnershipSuccess {\n    group {\n      groupId\n      memberCount\n      owner {\n        userId\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment KitTransferGroupOwnershipSuccessFields on TransferGroupOwnershipSuccess {\n    group {\n      groupId\n      memberCount\n      owner {\n        userId\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KitPageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"): (typeof documents)["\n  fragment KitPageInfoFields on PageInfo {\n    hasNextPage\n    hasPreviousPage\n    startCursor\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ...KitCreateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ...KitCreateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitAddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      __typename\n      ...KitAddGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitAddGroupMembers($input: AddGroupMembersInput!) {\n    addGroupMembers(input: $input) {\n      __typename\n      ...KitAddGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitRemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      __typename\n      ...KitRemoveGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitRemoveGroupMembers($input: RemoveGroupMembersInput!) {\n    removeGroupMembers(input: $input) {\n      __typename\n      ...KitRemoveGroupMembersSuccessFields\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitLeaveGroup($input: LeaveGroupInput!) {\n    leaveGroup(input: $input) {\n      __typename\n      ... on LeaveGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitLeaveGroup($input: LeaveGroupInput!) {\n    leaveGroup(input: $input) {\n      __typename\n      ... on LeaveGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ...KitUpdateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitUpdateGroup($input: UpdateGroupInput!) {\n    updateGroup(input: $input) {\n      __typename\n      ...KitUpdateGroupSuccessFields\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitTransferGroupOwnership($input: TransferGroupOwnershipInput!) {\n    transferGroupOwnership(input: $input) {\n      __typename\n      ...KitTransferGroupOwnershipSuccessFields\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitTransferGroupOwnership($input: TransferGroupOwnershipInput!) {\n    transferGroupOwnership(input: $input) {\n      __typename\n      ...KitTransferGroupOwnershipSuccessFields\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitSetGroupMemberRole($input: SetGroupMemberRoleInput!) {\n    setGroupMemberRole(input: $input) {\n      __typename\n      ... on SetGroupMemberRoleSuccess {\n        member {\n          userId\n          role\n        }\n      }\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitSetGroupMemberRole($input: SetGroupMemberRoleInput!) {\n    setGroupMemberRole(input: $input) {\n      __typename\n      ... on SetGroupMemberRoleSuccess {\n        member {\n          userId\n          role\n        }\n      }\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KitDismissGroup($input: DismissGroupInput!) {\n    dismissGroup(input: $input) {\n      __typename\n      ... on DismissGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n"): (typeof documents)["\n  mutation KitDismissGroup($input: DismissGroupInput!) {\n    dismissGroup(input: $input) {\n      __typename\n      ... on DismissGroupSuccess {\n        groupId\n      }\n      ...KitErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      ...KitGroupFields\n      syncError\n      viewerRole\n      members(first: 100) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KitGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      ...KitGroupFields\n      syncError\n      viewerRole\n      members(first: 100) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n            joinedAt\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KitGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n            joinedAt\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n"): (typeof documents)["\n  query KitGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitConversationList($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      name\n      memberCount\n    }\n  }\n"): (typeof documents)["\n  query KitConversationList($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      name\n      memberCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitSyncStatuses($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      syncStatus\n    }\n  }\n"): (typeof documents)["\n  query KitSyncStatuses($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      syncStatus\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query KitNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitViewer {\n    viewer {\n      userId\n    }\n  }\n"): (typeof documents)["\n  query KitViewer {\n    viewer {\n      userId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KitViewerGroups($first: Int, $after: String, $role: MemberRole) {\n    viewer {\n      userId\n      groups(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          role\n          joinedAt\n          node {\n            groupId\n            name\n            memberCount\n            createdAt\n            owner {\n              userId\n            }\n            viewerRole\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KitViewerGroups($first: Int, $after: String, $role: MemberRole) {\n    viewer {\n      userId\n      groups(first: $first, after: $after, role: $role) {\n        edges {\n          cursor\n          role\n          joinedAt\n          node {\n            groupId\n            name\n            memberCount\n            createdAt\n            owner {\n              userId\n            }\n            viewerRole\n          }\n        }\n        pageInfo {\n          ...KitPageInfoFields\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
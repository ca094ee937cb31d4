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
    "\n  mutation AuthSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          owner {\n            userId\n          }\n        }\n      }\n    }\n  }\n": typeof types.AuthSpecCreateGroupDocument,
    "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n": typeof types.CreateGroupSpecDocument,
    "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupWithMembersSpecDocument,
    "\n  mutation GroupQueriesSpecCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          id\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.GroupQueriesSpecCreateDocument,
    "\n  query GroupQueriesSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      avatarUrl\n      memberCount\n      createdAt\n      syncStatus\n      syncError\n      owner {\n        userId\n        role\n      }\n      members(first: 10) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.GroupQueriesSpecGroupDocument,
    "\n  query GroupQueriesSpecGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n": typeof types.GroupQueriesSpecGroupsDocument,
    "\n  query GroupQueriesSpecNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n": typeof types.GroupQueriesSpecNodeDocument,
    "\n  query GroupQueriesSpecMembers($groupId: String!, $first: Int, $after: String) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.GroupQueriesSpecMembersDocument,
    "\n  mutation ScenarioCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n    }\n  }\n": typeof types.ScenarioCreateDocument,
    "\n  mutation ScenarioAdd($groupId: String!, $userIds: [String!]!) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n": typeof types.ScenarioAddDocument,
    "\n  mutation ScenarioRemove($groupId: String!, $userIds: [String!]!) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n": typeof types.ScenarioRemoveDocument,
    "\n  mutation ScenarioLeave($groupId: String!) {\n    leaveGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n": typeof types.ScenarioLeaveDocument,
    "\n  mutation ScenarioRename($groupId: String!, $name: String!) {\n    updateGroup(groupId: $groupId, name: $name) {\n      __typename\n    }\n  }\n": typeof types.ScenarioRenameDocument,
    "\n  mutation ScenarioTransfer($groupId: String!, $userId: String!) {\n    transferGroupOwnership(groupId: $groupId, userId: $userId) {\n      __typename\n    }\n  }\n": typeof types.ScenarioTransferDocument,
    "\n  mutation ScenarioDismiss($groupId: String!) {\n    dismissGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n": typeof types.ScenarioDismissDocument,
    "\n  query ScenarioMembers($groupId: String!) {\n    group(groupId: $groupId) {\n      name\n      syncStatus\n      members(first: 200) {\n        edges {\n          node {\n            userId\n          }\n        }\n      }\n    }\n  }\n": typeof types.ScenarioMembersDocument,
    "\n  mutation StartupSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": typeof types.StartupSpecCreateGroupDocument,
    "\n  query StartupSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      memberCount\n      syncStatus\n      owner {\n        userId\n      }\n      members {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.StartupSpecGroupDocument,
};
const documents: Documents = {
    "mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.CreateGroupDocument,
    "query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}": types.ConversationListDocument,
    "\n  mutation AuthSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          owner {\n            userId\n          }\n        }\n      }\n    }\n  }\n": types.AuthSpecCreateGroupDocument,
    "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n": types.CreateGroupSpecDocument,
    "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": types.GroupWithMembersSpecDocument,
    "\n  mutation GroupQueriesSpecCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          id\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.GroupQueriesSpecCreateDocument,
    "\n  query GroupQueriesSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      avatarUrl\n      memberCount\n      createdAt\n      syncStatus\n      syncError\n      owner {\n        userId\n        role\n      }\n      members(first: 10) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.GroupQueriesSpecGroupDocument,
    "\n  query GroupQueriesSpecGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n": types.GroupQueriesSpecGroupsDocument,
    "\n  query GroupQueriesSpecNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n": types.GroupQueriesSpecNodeDocument,
    "\n  query GroupQueriesSpecMembers($groupId: String!, $first: Int, $after: String) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.GroupQueriesSpecMembersDocument,
    "\n  mutation ScenarioCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n    }\n  }\n": types.ScenarioCreateDocument,
    "\n  mutation ScenarioAdd($groupId: String!, $userIds: [String!]!) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n": types.ScenarioAddDocument,
    "\n  mutation ScenarioRemove($groupId: String!, $userIds: [String!]!) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n": types.ScenarioRemoveDocument,
    "\n  mutation ScenarioLeave($groupId: String!) {\n    leaveGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n": types.ScenarioLeaveDocument,
    "\n  mutation ScenarioRename($groupId: String!, $name: String!) {\n    updateGroup(groupId: $groupId, name: $name) {\n      __typename\n    }\n  }\n": types.ScenarioRenameDocument,
    "\n  mutation ScenarioTransfer($groupId: String!, $userId: String!) {\n    transferGroupOwnership(groupId: $groupId, userId: $userId) {\n      __typename\n    }\n  }\n": types.ScenarioTransferDocument,
    "\n  mutation ScenarioDismiss($groupId: String!) {\n    dismissGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n": types.ScenarioDismissDocument,
    "\n  query ScenarioMembers($groupId: String!) {\n    group(groupId: $groupId) {\n      name\n      syncStatus\n      members(first: 200) {\n        edges {\n          node {\n            userId\n          }\n        }\n      }\n    }\n  }\n": types.ScenarioMembersDocument,
    "\n  mutation StartupSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n": types.StartupSpecCreateGroupDocument,
    "\n  query StartupSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      memberCount\n      syncStatus\n      owner {\n        userId\n      }\n      members {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": types.StartupSpecGroupDocument,
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
export function graphql(source: "\n  mutation AuthSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          owner {\n            userId\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AuthSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          owner {\n            userId\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GroupQueriesSpecCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          id\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation GroupQueriesSpecCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          id\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupQueriesSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      avatarUrl\n      memberCount\n      createdAt\n      syncStatus\n      syncError\n      owner {\n        userId\n        role\n      }\n      members(first: 10) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupQueriesSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      avatarUrl\n      memberCount\n      createdAt\n      syncStatus\n      syncError\n      owner {\n        userId\n        role\n      }\n      members(first: 10) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupQueriesSpecGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupQueriesSpecGroups($groupIds: [String!]!) {\n    groups(groupIds: $groupIds) {\n      groupId\n      name\n      memberCount\n      owner {\n        userId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupQueriesSpecNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupQueriesSpecNode($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Group {\n        groupId\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupQueriesSpecMembers($groupId: String!, $first: Int, $after: String) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupQueriesSpecMembers($groupId: String!, $first: Int, $after: String) {\n    group(groupId: $groupId) {\n      memberCount\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            userId\n            role\n          }\n        }\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioCreate($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioAdd($groupId: String!, $userIds: [String!]!) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioAdd($groupId: String!, $userIds: [String!]!) {\n    addGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioRemove($groupId: String!, $userIds: [String!]!) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioRemove($groupId: String!, $userIds: [String!]!) {\n    removeGroupMembers(groupId: $groupId, userIds: $userIds) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioLeave($groupId: String!) {\n    leaveGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioLeave($groupId: String!) {\n    leaveGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioRename($groupId: String!, $name: String!) {\n    updateGroup(groupId: $groupId, name: $name) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioRename($groupId: String!, $name: String!) {\n    updateGroup(groupId: $groupId, name: $name) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioTransfer($groupId: String!, $userId: String!) {\n    transferGroupOwnership(groupId: $groupId, userId: $userId) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioTransfer($groupId: String!, $userId: String!) {\n    transferGroupOwnership(groupId: $groupId, userId: $userId) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScenarioDismiss($groupId: String!) {\n    dismissGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation ScenarioDismiss($groupId: String!) {\n    dismissGroup(groupId: $groupId) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScenarioMembers($groupId: String!) {\n    group(groupId: $groupId) {\n      name\n      syncStatus\n      members(first: 200) {\n        edges {\n          node {\n            userId\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScenarioMembers($groupId: String!) {\n    group(groupId: $groupId) {\n      name\n      syncStatus\n      members(first: 200) {\n        edges {\n          node {\n            userId\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartupSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartupSpecCreateGroup($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          syncStatus\n        }\n      }\n      ... on Error {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StartupSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      memberCount\n      syncStatus\n      owner {\n        userId\n      }\n      members {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StartupSpecGroup($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      memberCount\n      syncStatus\n      owner {\n        userId\n      }\n      members {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
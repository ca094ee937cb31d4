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
    "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n": typeof types.CreateGroupSpecDocument,
    "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": typeof types.GroupWithMembersSpecDocument,
};
const documents: Documents = {
    "mutation CreateGroup($input: CreateGroupInput! = {name: \"Book club\", memberIds: [\"bob\", \"carol\"]}) {\n  createGroup(input: $input) {\n    __typename\n    ... on CreateGroupSuccess {\n      group {\n        id\n        groupId\n        name\n        memberCount\n        syncStatus\n        owner {\n          userId\n        }\n        members(first: 10) {\n          edges {\n            node {\n              userId\n              role\n              joinedAt\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n    ... on ValidationError {\n      issues {\n        path\n        message\n      }\n    }\n    ... on GroupIdTakenError {\n      groupId\n    }\n    ... on MemberLimitExceededError {\n      limit\n      requested\n    }\n    ... on RateLimitedError {\n      retryAfterMs\n    }\n    ... on UpstreamError {\n      imCode\n      retryable\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.CreateGroupDocument,
    "query ConversationList($groupIds: [String!]! = [\"replace\", \"with\", \"group\", \"ids\"]) {\n  groups(groupIds: $groupIds) {\n    groupId\n    name\n    avatarUrl\n    memberCount\n    syncStatus\n    owner {\n      userId\n    }\n  }\n}": types.ConversationListDocument,
    "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n": types.CreateGroupSpecDocument,
    "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n": types.GroupWithMembersSpecDocument,
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
export function graphql(source: "\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateGroupSpec($input: CreateGroupInput!) {\n    createGroup(input: $input) {\n      __typename\n      ... on Error {\n        message\n      }\n      ... on CreateGroupSuccess {\n        group {\n          groupId\n          name\n          avatarUrl\n          memberCount\n          syncStatus\n          owner {\n            userId\n            role\n          }\n        }\n      }\n      ... on ValidationError {\n        issues {\n          path\n          message\n        }\n      }\n      ... on GroupIdTakenError {\n        groupId\n      }\n      ... on MemberLimitExceededError {\n        limit\n        requested\n      }\n      ... on RateLimitedError {\n        retryAfterMs\n      }\n      ... on UpstreamError {\n        imCode\n        retryable\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupWithMembersSpec($groupId: String!) {\n    group(groupId: $groupId) {\n      groupId\n      name\n      syncStatus\n      memberCount\n      members(first: 200) {\n        edges {\n          node {\n            userId\n            role\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
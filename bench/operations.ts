/**
 * Every GraphQL document the benchmarks send, in one place: when the schema changes (or the
 * shared test kit takes them over), this is the one file to follow.
 */

/** bench:graphql's baseline, sent to a bare GraphQL Yoga server, not to the gateway. */
export const HELLO_QUERY = '{ hello }';

/** bench:graphql's create case and its set-up: the group's figures are checked on every answer. */
export const BENCH_CREATE_GROUP = `mutation Create($input: CreateGroupInput!) {
  createGroup(input: $input) {
    __typename
    ... on CreateGroupSuccess { group { groupId memberCount syncStatus } }
    ... on Error { message }
  }
}`;

/** bench:graphql's groups case: one read of several groups by id. */
export const BENCH_GROUPS = 'query Groups($ids: [String!]!) { groups(groupIds: $ids) { name memberCount } }';

/** The cluster scenario's create (sent with `notify: false`): the fields that say whether (and when) to retry. */
export const CLUSTER_CREATE_GROUP = `mutation ClusterCreate($input: CreateGroupInput!) {
  createGroup(input: $input) {
    __typename
    ... on CreateGroupSuccess { group { groupId syncStatus memberCount } }
    ... on RateLimitedError { retryAfterMs }
    ... on UpstreamError { retryable imCode }
    ... on Error { message }
  }
}`;

/** The soak's two changes: only what says whether to retry. */
export const SOAK_CREATE_GROUP = `mutation SoakCreate($input: CreateGroupInput!) { createGroup(input: $input) { __typename ... on RateLimitedError { retryAfterMs } ... on UpstreamError { retryable } } }`;
export const SOAK_ADD_MEMBERS = `mutation SoakAdd($input: AddGroupMembersInput!) { addGroupMembers(input: $input) { __typename ... on RateLimitedError { retryAfterMs } ... on UpstreamError { retryable } } }`;

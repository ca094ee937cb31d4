import fc from 'fast-check';
import { getNullableType, isUnionType } from 'graphql';
import { schema } from '../../src/graphql/schema.js';
import { ADMIN, DISMISSABLE_GROUPS, MEMBER, OUTSIDER, OWNER, avatarUrl, createGroupInput, cursor, dismissableGroupId, first, groupId, hostileString, idempotencyKey, maybe, name, nodeId, notify, plausibleAvatarUrl, plausibleGroupId, plausibleKey, plausibleName, plausibleOrHostile, plausibleUserId, plausibleUserIds, role, userId, userIds, wrongScalar } from './fuzz-values.js';

/** The operations and requests the fuzz suite (fuzz.test.ts) sends. */

// ---------------------------------------------------------------------------------------------
// Documents: every mutation, selecting every member of its union, and a few queries.

export const GROUP_FIELDS = `
  fragment FuzzGroup on Group {
    id groupId name avatarUrl memberCount syncStatus syncError createdAt viewerRole
    owner { userId role joinedAt }
  }
`;
/** What each union member selects: every field, so every resolver runs. */
export const MEMBER_FIELDS: Record<string, string> = {
  CreateGroupSuccess: 'group { ...FuzzGroup }',
  AddGroupMembersSuccess: 'addedUserIds group { ...FuzzGroup }',
  RemoveGroupMembersSuccess: 'removedUserIds group { ...FuzzGroup }',
  UpdateGroupSuccess: 'group { ...FuzzGroup }',
  TransferGroupOwnershipSuccess: 'group { ...FuzzGroup }',
  SetGroupMemberRoleSuccess: 'member { userId role joinedAt }',
  SetGroupMemberNicknameSuccess: 'member { userId role nickname }',
  LeaveGroupSuccess: 'groupId',
  DismissGroupSuccess: 'groupId',
  ValidationError: 'issues { path message }',
  NotAuthenticatedError: 'message',
  ForbiddenError: 'message',
  GroupNotFoundError: 'groupId',
  GroupIdTakenError: 'groupId',
  NotAMemberError: 'groupId userId',
  OwnerCannotLeaveError: 'groupId',
  MemberLimitExceededError: 'limit requested',
  AttributeLimitExceededError: 'limit requested',
  RateLimitedError: 'retryAfterMs',
  UpstreamError: 'imCode retryable',
  IdempotencyKeyReusedError: 'idempotencyKey',
};

/** The members of a mutation's result union, from the schema itself. */
export function unionMembers(field: string): string[] {
  const type = getNullableType(schema.getMutationType()!.getFields()[field]!.type);
  if (!isUnionType(type)) throw new Error(`${field} does not answer a union`);
  return type.getTypes().map((member) => member.name);
}

/** `__typename`, `message` of any Error, and each member's own fields. */
export function resultSelection(field: string): string {
  const members = unionMembers(field).map((member) => {
    const fields = MEMBER_FIELDS[member];
    if (!fields) throw new Error(`no fuzz selection for ${member}: add it to MEMBER_FIELDS`);
    return `... on ${member} { ${fields} }`;
  });
  return `__typename ... on Error { message } ${members.join(' ')}`;
}

/** A mutation document (its one `$input` variable) selecting every member of its union; the Group fragment when it is used. */
export function mutation(name: string, field: string): string {
  const selection = resultSelection(field);
  const inputType = `${field.charAt(0).toUpperCase()}${field.slice(1)}Input`;
  return `mutation ${name}($input: ${inputType}!) { ${field}(input: $input) { ${selection} } } ${selection.includes('...FuzzGroup') ? GROUP_FIELDS : ''}`;
}

export interface Operation {
  kind: 'mutation' | 'query';
  /** The root field the operation selects. */
  field: string;
  query: string;
  variables: fc.Arbitrary<unknown>;
}

export const OPERATIONS: Record<string, Operation> = {
  createGroup: {
    kind: 'mutation',
    field: 'createGroup',
    query: mutation('FuzzCreate', 'createGroup'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: fc.option(fc.stringMatching(/^[A-Za-z0-9]{6,12}$/), { nil: undefined }), name: plausibleName, memberIds: fc.array(plausibleUserId, { maxLength: 4 }), avatarUrl: plausibleAvatarUrl, idempotencyKey: plausibleKey, notify: fc.boolean() }) }),
      fc.record({ input: createGroupInput }),
    ),
  },
  addGroupMembers: {
    kind: 'mutation',
    field: 'addGroupMembers',
    query: mutation('FuzzAdd', 'addGroupMembers'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, userIds: plausibleUserIds, notify: fc.boolean(), idempotencyKey: plausibleKey }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), userIds: maybe(userIds), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  removeGroupMembers: {
    kind: 'mutation',
    field: 'removeGroupMembers',
    query: mutation('FuzzRemove', 'removeGroupMembers'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, userIds: plausibleUserIds, notify: fc.boolean() }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), userIds: maybe(userIds), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  leaveGroup: {
    kind: 'mutation',
    field: 'leaveGroup',
    query: mutation('FuzzLeave', 'leaveGroup'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, notify: fc.boolean() }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  updateGroup: {
    kind: 'mutation',
    field: 'updateGroup',
    query: mutation('FuzzUpdate', 'updateGroup'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, name: fc.option(plausibleName, { nil: undefined }), avatarUrl: plausibleAvatarUrl, notify: fc.boolean() }) }),
      fc.record({
        input: maybe(
          fc.record({
            groupId: maybe(groupId),
            name: maybe(name),
            avatarUrl: maybe(avatarUrl),
            description: maybe(name),
            announcement: maybe(name),
            attributes: maybe(fc.array(fc.record({ key: maybe(name), value: maybe(name) }), { maxLength: 12 })),
            notify: maybe(notify),
            idempotencyKey: maybe(idempotencyKey),
          }),
        ),
      }),
    ),
  },
  setGroupMemberNickname: {
    kind: 'mutation',
    field: 'setGroupMemberNickname',
    query: mutation('FuzzNickname', 'setGroupMemberNickname'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, nickname: fc.option(plausibleName, { nil: null }) }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), userId: maybe(userId), nickname: maybe(name), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  transferGroupOwnership: {
    kind: 'mutation',
    field: 'transferGroupOwnership',
    query: mutation('FuzzTransfer', 'transferGroupOwnership'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, userId: plausibleUserId, notify: fc.boolean() }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), userId: maybe(userId), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  setGroupMemberRole: {
    kind: 'mutation',
    field: 'setGroupMemberRole',
    query: mutation('FuzzSetRole', 'setGroupMemberRole'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: plausibleGroupId, userId: plausibleUserId, role: fc.constantFrom('ADMIN', 'MEMBER') }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(groupId), userId: maybe(userId), role: maybe(role), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  dismissGroup: {
    kind: 'mutation',
    field: 'dismissGroup',
    query: mutation('FuzzDismiss', 'dismissGroup'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: fc.constantFrom(...DISMISSABLE_GROUPS), notify: fc.boolean() }) }),
      fc.record({ input: maybe(fc.record({ groupId: maybe(dismissableGroupId), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) })) }),
    ),
  },
  viewer: {
    kind: 'query',
    field: 'viewer',
    query: `query FuzzViewer($first: Int, $after: String, $role: MemberRole) {
      viewer { userId groups(first: $first, after: $after, role: $role) {
        edges { cursor role joinedAt node { ...FuzzGroup } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      } }
    } ${GROUP_FIELDS}`,
    variables: fc.record({ first: maybe(first), after: maybe(cursor), role: maybe(role) }),
  },
  group: {
    kind: 'query',
    field: 'group',
    query: `query FuzzGroupMembers($groupId: String!, $first: Int, $after: String, $role: MemberRole) {
      group(groupId: $groupId) {
        ...FuzzGroup
        members(first: $first, after: $after, role: $role) {
          edges { cursor node { userId role joinedAt } }
          pageInfo { hasNextPage endCursor }
        }
      }
    } ${GROUP_FIELDS}`,
    variables: fc.record({ groupId: maybe(groupId), first: maybe(first), after: maybe(cursor), role: maybe(role) }),
  },
  groups: {
    kind: 'query',
    field: 'groups',
    query: `query FuzzGroups($groupIds: [String!]!) { groups(groupIds: $groupIds) { ...FuzzGroup } } ${GROUP_FIELDS}`,
    variables: fc.record({ groupIds: maybe(fc.oneof(fc.array(groupId, { maxLength: 120 }), userIds)) }),
  },
  node: {
    kind: 'query',
    field: 'node',
    query: `query FuzzNode($id: ID!) { node(id: $id) { id ... on Group { ...FuzzGroup } } } ${GROUP_FIELDS}`,
    variables: fc.record({ id: maybe(nodeId) }),
  },
};

export const MUTATION_NAMES = Object.keys(OPERATIONS).filter((key) => OPERATIONS[key]!.kind === 'mutation');

export const UNION_MEMBERS = new Map(MUTATION_NAMES.map((field) => [field, new Set(unionMembers(field))] as const));

// ---------------------------------------------------------------------------------------------
// Callers: anonymous, a member, an admin, the owner, an outsider, an odd X-User-Id; sometimes a garbage Authorization.

/** Header values a client can send at all: Latin-1 without CR, LF or NUL. */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 100 }),
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'bearer x..', `Bearer ${'a'.repeat(9_000)}.b.c`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG0xIn0.'),
);
export const caller = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom(OWNER, ADMIN, MEMBER, 'mem2', OUTSIDER) },
  { weight: 1, arbitrary: headerValue },
);
export const authorization = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: headerValue });

export interface FuzzRequest {
  operation: string;
  variables: unknown;
  caller: string | undefined;
  authorization: string | undefined;
}

export const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
  ...Object.entries(OPERATIONS).map(([operation, { kind, variables }]) => ({
    weight: kind === 'mutation' ? 4 : 3,
    arbitrary: fc.record({ operation: fc.constant(operation), variables, caller, authorization }),
  })),
  // A variables value that is not an object at all.
  {
    weight: 1,
    arbitrary: fc.record({ operation: fc.constantFrom(...MUTATION_NAMES), variables: fc.oneof(wrongScalar, hostileString, fc.array(wrongScalar)), caller, authorization }),
  },
);


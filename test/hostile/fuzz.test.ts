import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { getNullableType, isUnionType, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { eventually, startGateway, type GatewayFixture } from '../fixtures/gateway.js';
import { emulatorGroup, expectSecretAbsent } from '../fixtures/im.js';

/**
 * Property-based fuzzing of the whole request pipeline (Yoga, limits, coercion, validation,
 * authentication, resolvers, the store and the IM emulator) with arbitrary variables and
 * callers. Requests go through `app.graphql.fetch`, in-process: no socket, same pipeline.
 *
 * On failure fast-check prints the seed and path; rerun with them (and `endOnFailure: false`
 * to shrink) to replay the exact requests.
 */

/** Fixed, so a run is repeatable; FUZZ_SEED explores others. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
/** Requests per property run, sent at once. */
const CONCURRENCY = 8;
const RUNS = 1_250;
const MIN_REQUESTS = 10_000;
/** Heap growth tolerated across the whole run, after forced collections; log lines are kept in memory and count. */
const MAX_HEAP_GROWTH_BYTES = 64 * 1024 * 1024;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const OWNER = 'owner1';
const ADMIN = 'adm1';
const MEMBER = 'mem1';
const OUTSIDER = 'outsider';
/** Groups seeded before the run, owned by OWNER with ADMIN as admin: the first few may be dismissed, the rest stay. */
const SEED_GROUPS = Array.from({ length: 12 }, (_, i) => `seed${i}`);
const DISMISSABLE_GROUPS = SEED_GROUPS.slice(0, 3);
const LASTING_GROUPS = SEED_GROUPS.slice(3);
const KNOWN_USERS = [OWNER, ADMIN, MEMBER, 'mem2', 'mem3', OUTSIDER, 'newbie'];

// ---------------------------------------------------------------------------------------------
// Documents: every mutation, selecting every member of its union, and a few queries.

const GROUP_FIELDS = `
  fragment FuzzGroup on Group {
    id groupId name avatarUrl memberCount syncStatus syncError createdAt viewerRole
    owner { userId role joinedAt }
  }
`;
/** What each union member selects: every field, so every resolver runs. */
const MEMBER_FIELDS: Record<string, string> = {
  CreateGroupSuccess: 'group { ...FuzzGroup }',
  AddGroupMembersSuccess: 'addedUserIds group { ...FuzzGroup }',
  RemoveGroupMembersSuccess: 'removedUserIds group { ...FuzzGroup }',
  UpdateGroupSuccess: 'group { ...FuzzGroup }',
  TransferGroupOwnershipSuccess: 'group { ...FuzzGroup }',
  SetGroupMemberRoleSuccess: 'member { userId role joinedAt }',
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
  RateLimitedError: 'retryAfterMs',
  UpstreamError: 'imCode retryable',
  IdempotencyKeyReusedError: 'idempotencyKey',
};

/** The members of a mutation's result union, from the schema itself. */
function unionMembers(field: string): string[] {
  const type = getNullableType(schema.getMutationType()!.getFields()[field]!.type);
  if (!isUnionType(type)) throw new Error(`${field} does not answer a union`);
  return type.getTypes().map((member) => member.name);
}

/** `__typename`, `message` of any Error, and each member's own fields. */
function resultSelection(field: string): string {
  const members = unionMembers(field).map((member) => {
    const fields = MEMBER_FIELDS[member];
    if (!fields) throw new Error(`no fuzz selection for ${member}: add it to MEMBER_FIELDS`);
    return `... on ${member} { ${fields} }`;
  });
  return `__typename ... on Error { message } ${members.join(' ')}`;
}

/** A mutation document selecting every member of its union; the Group fragment when it is used. */
function mutation(name: string, field: string, variables: string, args: string): string {
  const selection = resultSelection(field);
  return `mutation ${name}(${variables}) { ${field}(${args}) { ${selection} } } ${selection.includes('...FuzzGroup') ? GROUP_FIELDS : ''}`;
}

interface Operation {
  kind: 'mutation' | 'query';
  /** The root field the operation selects. */
  field: string;
  query: string;
  variables: fc.Arbitrary<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Values: mostly plausible, often hostile, sometimes of the wrong JSON type.

const wrongScalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(0), fc.constant(-1));
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  wrongScalar,
  fc.dictionary(fc.string({ maxLength: 6 }), wrongScalar, { maxKeys: 3 }),
  fc.array(wrongScalar, { maxLength: 3 }),
);

const controlChars = fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), maxLength: 12 });
const emoji = fc
  .array(fc.constantFrom('🎉', '👨‍👩‍👧‍👦', '🏳️‍🌈', '\u200d', '\ufeff', '\u202e', 'e\u0301', '\u0000', '\u2028', '𝕏', '\ud83d'), { maxLength: 20 })
  .map((parts) => parts.join(''));
const blank = fc.constantFrom('', ' ', '\t\n', '\u00a0', '\u3000', '\u200b');
/** 1 KB to ~100 KB, sometimes: the size the body limit lets through many times over. */
const long = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('x', '🎉', ' ', 'é', '\u0000', 'a1'))
  .map(([size, unit]) => unit.repeat(Math.ceil(size / unit.length)));
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: controlChars },
  { weight: 2, arbitrary: emoji },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: long },
);

/** Valid-looking variables two times in five, hostile ones otherwise. */
function plausibleOrHostile(plausible: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: hostile });
}

/** Mostly `value`; sometimes left out, null, or of the wrong JSON type. */
function maybe<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | null | unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: wrongType },
  );
}

const groupId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LASTING_GROUPS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,64}$/) },
  { weight: 3, arbitrary: hostileString },
);
/** Only the first seeds may go: the others stay for the rest of the run. */
const dismissableGroupId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...DISMISSABLE_GROUPS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,64}$/) },
  { weight: 3, arbitrary: hostileString },
);
const userId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KNOWN_USERS) }, { weight: 3, arbitrary: hostileString });
const userIds = fc.oneof(
  { weight: 8, arbitrary: fc.array(userId, { maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5_000 }).map((count) => Array.from({ length: count }, (_, i) => `bulk${i}`)) },
  { weight: 1, arbitrary: fc.array(fc.oneof(userId, wrongScalar), { maxLength: 5 }) },
);
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('Book club', '  Tea  ', 'x'.repeat(64), 'x'.repeat(65), '🎉'.repeat(64), '🎉'.repeat(65)) },
  { weight: 4, arbitrary: hostileString },
);
const avatarUrl = fc.oneof(
  fc.constantFrom('https://example.com/a.png', 'http://x', 'javascript:alert(1)', 'data:,x', 'ftp://example.com/a', `https://e.com/${'a'.repeat(3000)}`),
  fc.webUrl(),
  hostileString,
);
const idempotencyKey = fc.oneof(fc.constantFrom('k1', 'k2', 'k3'), fc.stringMatching(/^[\x21-\x7e]{1,128}$/), hostileString);
const role = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('ADMIN', 'MEMBER', 'OWNER') },
  { weight: 1, arbitrary: fc.constantFrom('admin', 'Owner', '', 'ROOT', '__proto__', 'ADMIN ', 'MEMBER\u0000') },
);
const notify = fc.boolean();
const first = fc.oneof(fc.integer({ min: -3, max: 250 }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, 1e308));
const cursor = fc.oneof(
  hostileString,
  fc
    .tuple(fc.constantFrom('m', 'v', 'x'), fc.oneof(fc.nat().map(String), fc.constantFrom('99999999999999999999999', '-1', '')), userId)
    .map(([kind, at, id]) => Buffer.from(`${kind}:${at}:${id}`).toString('base64url')),
);
const nodeId = fc.oneof(
  hostileString,
  fc.tuple(fc.constantFrom('Group', 'Viewer', 'Foo', '', 'Group\u0000', '__proto__'), groupId).map(([type, id]) => Buffer.from(`${type}:${id}`).toString('base64')),
  fc.base64String({ maxLength: 40 }),
);

// Plausible values: valid-looking inputs against the seeded groups, so authorization, the store
// and the IM Service run, not only validation.
const plausibleGroupId = fc.constantFrom(...LASTING_GROUPS);
const plausibleUserId = fc.constantFrom(...KNOWN_USERS);
const plausibleUserIds = fc.oneof(
  { weight: 12, arbitrary: fc.array(plausibleUserId, { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500 }).map((count) => Array.from({ length: count }, (_, i) => `bulk${i}`)) },
);
const plausibleName = fc.oneof(
  fc.constantFrom('Book club', '  Tea & 🎉  ', 'Ünïcödé', '读书会'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((value) => value.trim().length > 0),
);
const plausibleAvatarUrl = fc.constantFrom('https://example.com/a.png', 'http://example.com/b.jpg', null, undefined);
const plausibleKey = fc.oneof(fc.constantFrom('k1', 'k2', 'k3', undefined), fc.uuid());

const createGroupInput = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      groupId: maybe(fc.oneof(groupId, fc.constant(undefined))),
      name: maybe(name),
      memberIds: maybe(userIds),
      avatarUrl: maybe(fc.oneof(avatarUrl, fc.constant(undefined))),
      idempotencyKey: maybe(fc.oneof(idempotencyKey, fc.constant(undefined))),
    }),
  },
  // An input field the type does not have.
  { weight: 1, arbitrary: fc.record({ name, unknownField: wrongType }) },
  { weight: 1, arbitrary: fc.oneof(wrongType, hostileString) },
);

const OPERATIONS: Record<string, Operation> = {
  createGroup: {
    kind: 'mutation',
    field: 'createGroup',
    query: mutation('FuzzCreate', 'createGroup', '$input: CreateGroupInput!, $notify: Boolean', 'input: $input, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ input: fc.record({ groupId: fc.option(fc.stringMatching(/^[A-Za-z0-9]{6,12}$/), { nil: undefined }), name: plausibleName, memberIds: fc.array(plausibleUserId, { maxLength: 4 }), avatarUrl: plausibleAvatarUrl, idempotencyKey: plausibleKey }), notify: fc.boolean() }),
      fc.record({ input: createGroupInput, notify: maybe(notify) }),
    ),
  },
  addGroupMembers: {
    kind: 'mutation',
    field: 'addGroupMembers',
    query: mutation('FuzzAdd', 'addGroupMembers', '$groupId: String!, $userIds: [String!]!, $notify: Boolean, $idempotencyKey: String', 'groupId: $groupId, userIds: $userIds, notify: $notify, idempotencyKey: $idempotencyKey'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, userIds: plausibleUserIds, notify: fc.boolean(), idempotencyKey: plausibleKey }),
      fc.record({ groupId: maybe(groupId), userIds: maybe(userIds), notify: maybe(notify), idempotencyKey: maybe(idempotencyKey) }),
    ),
  },
  removeGroupMembers: {
    kind: 'mutation',
    field: 'removeGroupMembers',
    query: mutation('FuzzRemove', 'removeGroupMembers', '$groupId: String!, $userIds: [String!]!, $notify: Boolean', 'groupId: $groupId, userIds: $userIds, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, userIds: plausibleUserIds, notify: fc.boolean() }),
      fc.record({ groupId: maybe(groupId), userIds: maybe(userIds), notify: maybe(notify) }),
    ),
  },
  leaveGroup: {
    kind: 'mutation',
    field: 'leaveGroup',
    query: mutation('FuzzLeave', 'leaveGroup', '$groupId: String!, $notify: Boolean', 'groupId: $groupId, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, notify: fc.boolean() }),
      fc.record({ groupId: maybe(groupId), notify: maybe(notify) }),
    ),
  },
  updateGroup: {
    kind: 'mutation',
    field: 'updateGroup',
    query: mutation('FuzzUpdate', 'updateGroup', '$groupId: String!, $name: String, $avatarUrl: String, $notify: Boolean', 'groupId: $groupId, name: $name, avatarUrl: $avatarUrl, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, name: fc.option(plausibleName, { nil: undefined }), avatarUrl: plausibleAvatarUrl, notify: fc.boolean() }),
      fc.record({ groupId: maybe(groupId), name: maybe(name), avatarUrl: maybe(avatarUrl), notify: maybe(notify) }),
    ),
  },
  transferGroupOwnership: {
    kind: 'mutation',
    field: 'transferGroupOwnership',
    query: mutation('FuzzTransfer', 'transferGroupOwnership', '$groupId: String!, $userId: String!, $notify: Boolean', 'groupId: $groupId, userId: $userId, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, userId: plausibleUserId, notify: fc.boolean() }),
      fc.record({ groupId: maybe(groupId), userId: maybe(userId), notify: maybe(notify) }),
    ),
  },
  setGroupMemberRole: {
    kind: 'mutation',
    field: 'setGroupMemberRole',
    query: mutation('FuzzSetRole', 'setGroupMemberRole', '$groupId: String!, $userId: String!, $role: MemberRole!', 'groupId: $groupId, userId: $userId, role: $role'),
    variables: plausibleOrHostile(
      fc.record({ groupId: plausibleGroupId, userId: plausibleUserId, role: fc.constantFrom('ADMIN', 'MEMBER') }),
      fc.record({ groupId: maybe(groupId), userId: maybe(userId), role: maybe(role) }),
    ),
  },
  dismissGroup: {
    kind: 'mutation',
    field: 'dismissGroup',
    query: mutation('FuzzDismiss', 'dismissGroup', '$groupId: String!, $notify: Boolean', 'groupId: $groupId, notify: $notify'),
    variables: plausibleOrHostile(
      fc.record({ groupId: fc.constantFrom(...DISMISSABLE_GROUPS), notify: fc.boolean() }),
      fc.record({ groupId: maybe(dismissableGroupId), notify: maybe(notify) }),
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

const MUTATION_NAMES = Object.keys(OPERATIONS).filter((key) => OPERATIONS[key]!.kind === 'mutation');

const UNION_MEMBERS = new Map(MUTATION_NAMES.map((field) => [field, new Set(unionMembers(field))] as const));

// ---------------------------------------------------------------------------------------------
// Callers: anonymous, a member, an admin, the owner, an outsider, an odd X-User-Id; sometimes a garbage Authorization.

/** Header values a client can send at all: Latin-1 without CR, LF or NUL. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 100 }),
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'bearer x..', `Bearer ${'a'.repeat(9_000)}.b.c`, 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG0xIn0.'),
);
const caller = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom(OWNER, ADMIN, MEMBER, 'mem2', OUTSIDER) },
  { weight: 1, arbitrary: headerValue },
);
const authorization = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: headerValue });

interface FuzzRequest {
  operation: string;
  variables: unknown;
  caller: string | undefined;
  authorization: string | undefined;
}

const request: fc.Arbitrary<FuzzRequest> = fc.oneof(
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

// ---------------------------------------------------------------------------------------------

/** Stack frames, source paths and internal error names: none may reach a client. */
const INTERNAL_DETAIL = /\n\s+at |node_modules|\/src\/|\.ts:\d+|SqliteError|SQLITE_|Kysely|URIError|TypeError|RangeError|ReferenceError|ImError/;

interface GraphQLBody {
  data?: Record<string, { __typename?: string } | null> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

/**
 * Field errors Pothos raises itself, without a code: the relay plugin's, for a `node(id:)` id the
 * gateway never gave out ("Invalid global ID: …", "Foo has not been implemented", "Viewer does
 * not support loading by id"), and the validation plugin's, for `groups(groupIds:)` over 100 ids
 * ("Validation error: groupIds: …"). Tolerated there, and only there.
 */
function uncodedErrorAllowed(field: string, message: string): boolean {
  return field === 'node' || (field === 'groups' && message.startsWith('Validation error: groupIds:'));
}

let fixture: GatewayFixture;

async function send(request: FuzzRequest): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  if (request.caller !== undefined) headers['x-user-id'] = request.caller;
  if (request.authorization !== undefined) headers.authorization = request.authorization;
  const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: OPERATIONS[request.operation]!.query, variables: request.variables }),
  });
  return { status: response.status, text: await response.text() };
}

/** What a failure report shows of a request: long strings cut short. */
function describeRequest(request: FuzzRequest): string {
  return JSON.stringify(request, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 80)}…(${value.length} chars)`;
    if (Array.isArray(value) && value.length > 20) return [...value.slice(0, 5), `…(${value.length} items)`];
    return value;
  });
}

/** CONCURRENCY requests, printed (in a counterexample) with long strings cut short. */
function batchOf(arbitrary: fc.Arbitrary<FuzzRequest>): fc.Arbitrary<FuzzRequest[]> {
  return fc
    .array(arbitrary, { minLength: CONCURRENCY, maxLength: CONCURRENCY })
    .map((batch) => Object.assign(batch, { [fc.toStringMethod]: () => batch.map(describeRequest).join('\n') }));
}

/** Every property the fuzz holds each answer to; throws with the request and answer when one fails. */
function checkAnswer(request: FuzzRequest, status: number, text: string, secret: string): void {
  const fail = (why: string): never => {
    throw new Error(`${why}\nrequest: ${describeRequest(request)}\nstatus: ${status}\nanswer: ${text.slice(0, 1_000)}`);
  };
  if (status >= 500) fail('a 5xx');
  if (text.includes(secret)) fail('the IM secret in an answer');
  let body: GraphQLBody;
  try {
    body = JSON.parse(text) as GraphQLBody;
  } catch {
    return fail('an answer that is not JSON');
  }
  const errors = body.errors ?? [];
  for (const error of errors) {
    if (error.message === 'Unexpected error.') fail('an unexpected exception, masked');
    if (INTERNAL_DETAIL.test(JSON.stringify(error))) fail('an error exposing internal detail');
    if (error.extensions && ('stack' in error.extensions || 'originalError' in error.extensions)) fail('an error with a stack or its original error');
  }
  const operation = OPERATIONS[request.operation]!;
  const requestErrors = errors.filter((error) => !error.path);
  const fieldErrors = errors.filter((error) => error.path);
  if (requestErrors.length > 0) {
    // Refused before execution. The documents are valid and within the limits (checked above),
    // so only the variables can be at fault.
    if (body.data != null) fail('data next to a request error');
    if (status !== 200 && status !== 400) fail('a request error answered with neither 200 nor 400');
    for (const error of requestErrors) if (!/variable/i.test(error.message)) fail('a request error not about the variables');
    return;
  }
  if (status !== 200) fail('an executed operation answered with a status other than 200');
  if (operation.kind === 'mutation') {
    const result = body.data?.[operation.field];
    if (!result?.__typename) fail('a mutation answer that is not a member of its union');
    if (!UNION_MEMBERS.get(operation.field)!.has(result!.__typename!)) fail(`${result!.__typename} is not in ${operation.field}'s union`);
    // Mutations answer failures in the union: none of their fields should raise an error.
    if (fieldErrors.length > 0) fail('field errors next to a mutation answer');
    return;
  }
  // A read the caller may not make, or with a bad argument, is a field error with a code clients switch on.
  for (const error of fieldErrors) {
    const code = error.extensions?.code;
    if (code !== 'UNAUTHENTICATED' && code !== 'FORBIDDEN' && code !== 'BAD_USER_INPUT' && !uncodedErrorAllowed(operation.field, error.message)) {
      fail('a field error without a code');
    }
  }
}

async function call(query: string, variables: Record<string, unknown>, as: string): Promise<GraphQLBody> {
  const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user-id': as },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

const SEED_CREATE = `mutation FuzzSeed($input: CreateGroupInput!) { createGroup(input: $input, notify: false) { __typename } }`;
const SEED_ROLE = `mutation FuzzSeedRole($groupId: String!) { setGroupMemberRole(groupId: $groupId, userId: "${ADMIN}", role: ADMIN) { __typename } }`;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe('fuzzing every mutation and a few queries', () => {
  beforeAll(async () => {
    // A short deadline: a valid change the IM budget cannot serve at once is shed as RateLimitedError, not queued for seconds.
    fixture = await startGateway({ config: { requestDeadlineMs: 200, rateLimits: { group: 100, publish: 20 } } });
    for (const id of SEED_GROUPS) {
      const created = await call(SEED_CREATE, { input: { groupId: id, name: `Seed ${id}`, memberIds: [ADMIN, MEMBER, 'mem2', 'mem3'] } }, OWNER);
      expect(created.data?.createGroup?.__typename).toBe('CreateGroupSuccess');
      expect((await call(SEED_ROLE, { groupId: id }, OWNER)).data?.setGroupMemberRole?.__typename).toBe('SetGroupMemberRoleSuccess');
    }
  });

  afterAll(async () => {
    await fixture?.close();
  });

  it('sends documents that are valid and within the query limits', async () => {
    for (const [name, operation] of Object.entries(OPERATIONS)) {
      expect(validate(schema, parse(operation.query)), name).toEqual([]);
      // Executed without variables: only coercion can refuse it, never a limit.
      const response = await fixture.app.graphql.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-user-id': OWNER },
        body: JSON.stringify({ query: operation.query }),
      });
      const body = (await response.json()) as GraphQLBody;
      for (const error of body.errors ?? []) expect(error.message, name).toMatch(/^Variable "\$\w+" of required type/);
    }
  });

  it(`answers ${MIN_REQUESTS}+ arbitrary requests without a 5xx, a masked exception or a leak, and stays healthy`, async () => {
    const secret = fixture.emulator.appSecret;
    // Warm up (JIT, caches, statements), so the heap baseline is not the cold start.
    for (const batch of fc.sample(batchOf(request), { numRuns: 25, seed: SEED + 1 })) {
      await Promise.all(batch.map(send));
    }
    const heapBefore = heapUsed();
    const started = performance.now();
    const typenames = new Map<string, number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(batchOf(request), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        sent += batch.length;
        for (const [i, answer] of answers.entries()) {
          const fuzzRequest = batch[i]!;
          checkAnswer(fuzzRequest, answer.status, answer.text, secret);
          const field = OPERATIONS[fuzzRequest.operation]!.field;
          const typename = (JSON.parse(answer.text) as GraphQLBody).data?.[field]?.__typename ?? (answer.status === 200 ? 'data' : `${answer.status}`);
          const key = `${field}:${typename}`;
          typenames.set(key, (typenames.get(key) ?? 0) + 1);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );

    const elapsedMs = performance.now() - started;
    const summary = [...typenames.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `${key} ${count}`);
    console.log(`fuzz: ${sent} requests in ${(elapsedMs / 1000).toFixed(1)} s (seed ${SEED}):\n  ${summary.join('\n  ')}`);
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Every mutation ran, and the paths past validation did too (authorization, the store, the IM Service).
    for (const name of MUTATION_NAMES) {
      expect([...typenames.keys()].some((key) => key.startsWith(`${name}:`)), `${name} was never sent`).toBe(true);
    }
    for (const outcome of ['ForbiddenError', 'GroupNotFoundError', 'ValidationError', 'NotAuthenticatedError', 'CreateGroupSuccess', 'AddGroupMembersSuccess']) {
      expect([...typenames.keys()].some((key) => key.endsWith(`:${outcome}`)), `no ${outcome} in the run`).toBe(true);
    }

    // Still answers a normal createGroup (retrying while the IM budget is spent by work still in flight).
    let created: GraphQLBody | null = null;
    await eventually(async () => {
      created = await call(SEED_CREATE, { input: { groupId: 'afterfuzz', name: 'After the fuzz' } }, 'alice');
      return created.data?.createGroup?.__typename !== 'RateLimitedError';
    }, 15_000, 250);
    expect(created!.data?.createGroup?.__typename).toBe('CreateGroupSuccess');

    const heapAfter = heapUsed();
    console.log(
      `fuzz: heap ${mb(heapBefore)} → ${mb(heapAfter)} (growth ${mb(heapAfter - heapBefore)}, bound ${mb(MAX_HEAP_GROWTH_BYTES)}); ` +
        `${fixture.logLines.length} log lines`,
    );
    expect(heapAfter - heapBefore).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
    expectSecretAbsent(fixture.logLines, [], secret);
  }, 180_000);
});

describe('found by fuzzing', () => {
  // A lone UTF-16 surrogate (JSON "\ud800") once passed the string rules, was stored, and then
  // made percent-encoding throw in the dispatcher, wedging the group's outbox for good.
  // Now such text is refused as a ValidationError, and the encoder could not throw on it anyway.
  it('a lone surrogate in a new name does not stop later changes of the group reaching the IM Service', async () => {
    const gateway = await startGateway({ config: { requestDeadlineMs: 200 } });
    try {
      const post = async (query: string, variables: Record<string, unknown>) => {
        const response = await gateway.app.graphql.fetch('http://gateway/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-user-id': 'alice' },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as GraphQLBody;
      };
      const created = await post(SEED_CREATE, { input: { groupId: 'lonely', name: 'Lonely' } });
      expect(created.data?.createGroup?.__typename).toBe('CreateGroupSuccess');

      const renamed = await post('mutation($name: String) { updateGroup(groupId: "lonely", name: $name, notify: false) { __typename } }', {
        name: 'x\ud800',
      });
      expect(['UpdateGroupSuccess', 'ValidationError']).toContain(renamed.data?.updateGroup?.__typename);
      const added = await post('mutation { addGroupMembers(groupId: "lonely", userIds: ["bob"], notify: false) { __typename } }', {});
      expect(added.data?.addGroupMembers?.__typename).toBe('AddGroupMembersSuccess');

      await eventually(async () => (await emulatorGroup(gateway.emulator, 'lonely'))?.members.includes('bob') ?? false, 3_000);
    } finally {
      await gateway.close();
    }
  });
});

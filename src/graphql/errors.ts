import {
  AttributeLimitExceededError,
  ForbiddenError,
  GroupIdTakenError,
  GroupNotFoundError,
  IdempotencyKeyReusedError,
  InvalidInputError,
  NotAMemberError,
  OwnerCannotLeaveError,
  MemberLimitExceededError,
  NotAuthenticatedError,
  RateLimitedError,
  UpstreamError,
} from '../groups/errors.js';
import { builder } from './builder.js';

/** Every expected failure implements this: a client can always show `message`. */
export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure. Each implementation adds the fields a client needs to act on it.',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'What went wrong and what to do, for people.' }),
  }),
});

const ValidationIssue = builder.objectRef<InvalidInputError['issues'][number]>('ValidationIssue').implement({
  description: 'One problem with the input.',
  fields: (t) => ({
    path: t.stringList({
      description: 'Where in the input, e.g. `["input", "memberIds", "3"]`.',
      resolve: (issue) => issue.path.map(String),
    }),
    message: t.exposeString('message', { description: 'What is wrong with it.' }),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'ValidationError',
  description: 'The input was refused before anything happened; nothing was changed. Fix the listed issues and retry.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssue], description: 'Every problem found.', resolve: (error) => error.issues }),
  }),
});

builder.objectType(NotAuthenticatedError, {
  name: 'NotAuthenticatedError',
  description: 'The request names no caller. Sign in (or send `X-User-Id` in embedded mode) and retry.',
  interfaces: [ErrorInterface],
});

builder.objectType(GroupIdTakenError, {
  name: 'GroupIdTakenError',
  description: 'Another group already has this id. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The id that is taken.' }) }),
});

builder.objectType(MemberLimitExceededError, {
  name: 'MemberLimitExceededError',
  description: 'The group would have more members than the IM Service allows. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'The most members a group may have, the owner included.' }),
    requested: t.exposeInt('requested', { description: 'How many members the request would have made.' }),
  }),
});

builder.objectType(AttributeLimitExceededError, {
  name: 'AttributeLimitExceededError',
  description: 'The group would hold more attributes than it may. Nothing was changed: remove some first (`value: null`).',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    limit: t.exposeInt('limit', { description: 'The most attributes a group may hold.' }),
    requested: t.exposeInt('requested', { description: 'How many the group would have held after the change.' }),
  }),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: "The IM Service's rate limit cannot serve the request in time. Nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterMs: t.exposeInt('retryAfterMs', { description: 'Wait at least this long before retrying.' }),
  }),
});

builder.objectType(UpstreamError, {
  name: 'UpstreamError',
  description: 'The IM Service refused or could not be reached. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    imCode: t.exposeInt('imCode', { nullable: true, description: "The IM Service's business code, when it answered one." }),
    retryable: t.exposeBoolean('retryable', {
      description: 'True when the same request may succeed later; false when it never will as it is.',
    }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: "The caller's role in the group does not allow this. Nothing was changed; `message` says who may.",
  interfaces: [ErrorInterface],
});

builder.objectType(GroupNotFoundError, {
  name: 'GroupNotFoundError',
  description: 'No such group, or it was dismissed. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The id that was asked for.' }) }),
});

builder.objectType(NotAMemberError, {
  name: 'NotAMemberError',
  description: 'The user the request names is not a member of the group. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    groupId: t.exposeString('groupId', { description: 'The group.' }),
    userId: t.exposeString('userId', { description: 'The user who is not in it.' }),
  }),
});

builder.objectType(OwnerCannotLeaveError, {
  name: 'OwnerCannotLeaveError',
  description: 'The owner cannot leave: transfer ownership to another member first, or dismiss the group.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ groupId: t.exposeString('groupId', { description: 'The group.' }) }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  description: 'This idempotency key was already used for a different request. Nothing was changed; use a new key.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey', { description: 'The key that was reused.' }) }),
});

/** The failures any mutation can answer, before its own. */
export const COMMON_MUTATION_ERRORS = [InvalidInputError, NotAuthenticatedError] as const;

/** The failures of any change to an existing group. */
export const GROUP_CHANGE_ERRORS = [...COMMON_MUTATION_ERRORS, GroupNotFoundError, ForbiddenError] as const;

/** The failures of a change that must reach the IM Service. */
export const IM_CHANGE_ERRORS = [...GROUP_CHANGE_ERRORS, RateLimitedError, UpstreamError] as const;

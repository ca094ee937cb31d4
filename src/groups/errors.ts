/**
 * Expected failures of the group domain. Each carries what a client needs to act on it;
 * the GraphQL layer exposes them as members of a mutation's result union. Anything that is
 * not a DomainError is unexpected and stays masked.
 */
export abstract class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotAuthenticatedError extends DomainError {
  /** `reason`: why no caller was named (e.g. "the bearer token has expired"); it ends the message. */
  constructor(reason?: string | null) {
    super(reason ? `Sign in first: ${reason}.` : 'Sign in first: this operation needs a caller (a bearer token, or the X-User-Id header in dev mode).');
  }
}

export class GroupIdTakenError extends DomainError {
  constructor(readonly groupId: string) {
    super(`A group with id "${groupId}" already exists; choose another id or leave it out to get a generated one.`);
  }
}

export class MemberLimitExceededError extends DomainError {
  constructor(
    readonly limit: number,
    readonly requested: number,
  ) {
    super(`A group holds at most ${limit} members, the owner included; ${requested} were requested.`);
  }
}

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterMs: number) {
    super(`The IM Service's rate limit cannot serve this request now; nothing was changed. Retry after ${retryAfterMs} ms.`);
  }
}

export class UpstreamError extends DomainError {
  constructor(
    message: string,
    /** The IM Service's business code, when it answered one. */
    readonly imCode: number | null,
    /** Whether the same request may succeed later. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export class ForbiddenError extends DomainError {}

export class GroupNotFoundError extends DomainError {
  constructor(readonly groupId: string) {
    super(`There is no group "${groupId}" (it may have been dismissed).`);
  }
}

export class NotAMemberError extends DomainError {
  constructor(
    readonly groupId: string,
    readonly userId: string,
  ) {
    super(`"${userId}" is not a member of group "${groupId}".`);
  }
}

export class OwnerCannotLeaveError extends DomainError {
  constructor(readonly groupId: string) {
    super(`The owner cannot leave group "${groupId}": transfer ownership to another member first, or dismiss the group.`);
  }
}

export class AttributeLimitExceededError extends DomainError {
  constructor(
    readonly limit: number,
    /** How many attributes the group would hold after the change. */
    readonly requested: number,
  ) {
    super(`A group holds at most ${limit} attributes; the change would leave ${requested}. Remove some first (value: null).`);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor(readonly idempotencyKey: string) {
    super(`The idempotency key "${idempotencyKey}" was already used for a different request; use a new key for a new request.`);
  }
}

/**
 * Input the domain refuses for a reason only it knows at run time (e.g. a user id reserved by the
 * configuration); the GraphQL layer answers it as a `ValidationError` with these issues.
 */
export class InvalidInputError extends DomainError {
  constructor(readonly issues: ReadonlyArray<{ path: ReadonlyArray<string | number>; message: string }>) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

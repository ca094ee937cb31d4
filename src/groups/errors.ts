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
  constructor() {
    super('Sign in first: this operation needs a caller (the X-User-Id header in embedded mode).');
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

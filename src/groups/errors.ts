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

/** A mute longer than the IM Service's longest gag: refused, not renewed (see the README, "Moderation"). */
export class MuteTooLongError extends DomainError {
  constructor(
    readonly maxMinutes: number,
    readonly requestedMinutes: number,
  ) {
    super(`A mute lasts at most ${maxMinutes} minutes (30 days), the IM Service's longest; ${requestedMinutes} were asked for. Mute again when it ends.`);
  }
}

/** The caller (or the user named) is already in the group: there is nothing to join. */
export class AlreadyAMemberError extends DomainError {
  constructor(
    readonly groupId: string,
    readonly userId: string,
  ) {
    super(`"${userId}" is already a member of group "${groupId}".`);
  }
}

/** The group's join policy does not let anyone in this way; the message says which way it does. */
export class JoinNotAllowedError extends DomainError {
  constructor(
    readonly groupId: string,
    readonly joinPolicy: 'INVITE_ONLY' | 'REQUEST' | 'OPEN',
  ) {
    super(`Group "${groupId}" is ${joinPolicy}: ${JOIN_WAY[joinPolicy]}`);
  }
}

const JOIN_WAY = {
  INVITE_ONLY: 'join with an invitation or an invite link from its owner or an admin.',
  REQUEST: 'ask to join with requestToJoinGroup; an admin approves.',
  OPEN: 'join it directly with joinGroup.',
} as const;

export class JoinRequestNotFoundError extends DomainError {
  constructor(
    readonly groupId: string,
    /** The users named who have no pending request to the group. */
    readonly userIds: readonly string[],
  ) {
    super(`No pending request to join group "${groupId}" from ${userIds.map((id) => `"${id}"`).join(', ')}; nothing was changed.`);
  }
}

export class InvitationNotFoundError extends DomainError {
  constructor(
    readonly groupId: string,
    readonly userId: string,
    /** Why an invitation on record admits no one (its inviter may no longer invite); none: there is none. */
    reason?: string,
  ) {
    super(`"${userId}" has no invitation to group "${groupId}" (${reason ?? 'it may have been answered already'}).`);
  }
}

export class InvitationExpiredError extends DomainError {
  constructor(
    readonly groupId: string,
    readonly expiredAt: Date,
  ) {
    super(`The invitation to group "${groupId}" expired at ${expiredAt.toISOString()}: ask a member for a new one.`);
  }
}

/** No link has this code (or id): it was mistyped, or never existed. */
export class InviteLinkNotFoundError extends DomainError {
  constructor() {
    super('No invite link has this code: check it, or ask for a new link.');
  }
}

/** The link was revoked, or its creator no longer manages the group (a link is their invitation). */
export class InviteLinkRevokedError extends DomainError {
  constructor(
    readonly revokedAt: Date | null,
    reason = 'it was revoked',
  ) {
    super(`This invite link no longer admits anyone: ${reason}. Ask for a new link.`);
  }
}

export class InviteLinkExpiredError extends DomainError {
  constructor(readonly expiredAt: Date) {
    super(`This invite link expired at ${expiredAt.toISOString()}: ask for a new link.`);
  }
}

export class InviteLinkExhaustedError extends DomainError {
  constructor(readonly maxUses: number) {
    super(`This invite link was used its ${maxUses} times: ask for a new link.`);
  }
}

/** A bound on pending things a client can make (requests, invitations, links): see README, "Joining groups". */
export class PendingLimitReachedError extends DomainError {
  constructor(
    readonly limit: number,
    what: string,
  ) {
    super(`At most ${limit} ${what}; answer, revoke or let some expire first.`);
  }
}

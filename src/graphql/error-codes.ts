import { PothosError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as maskUnexpected } from 'graphql-yoga';
import {
  DomainError,
  ForbiddenError,
  GroupNotFoundError,
  InvalidInputError,
  NotAuthenticatedError,
} from '../groups/errors.js';
import { StreamLimitError } from '../groups/events/hub.js';

/**
 * Reads are not unions: a read the domain refuses is a GraphQL error whose `extensions.code`
 * clients can switch on. This is the only translation; the rules are the domain's.
 */
const CODES: ReadonlyArray<[abstract new (...args: never[]) => DomainError, string]> = [
  [NotAuthenticatedError, 'UNAUTHENTICATED'],
  [ForbiddenError, 'FORBIDDEN'],
  [InvalidInputError, 'BAD_USER_INPUT'],
  [GroupNotFoundError, 'NOT_FOUND'],
  // Too many subscriptions open, on this instance or for this user (its message says how many).
  [StreamLimitError, 'STREAM_LIMIT_REACHED'],
];

/**
 * Yoga's `maskError`: a domain refusal keeps its message with its code; anything unexpected is
 * masked, the schema library's own errors too (Pothos's are GraphQLErrors, which Yoga would pass).
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  if (isBadRequest(error) && error.extensions.originalError !== undefined) {
    // Yoga attaches the parser's own message, which quotes the body back (a token or a password
    // a client sent in a malformed body, say): the message and code say enough.
    const { originalError: _quotedBody, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { extensions });
  }
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof PothosError && error instanceof GraphQLError) {
    return maskUnexpected(new GraphQLError(error.message, { nodes: error.nodes, path: error.path, originalError: new Error(original.message) }), message, isDev);
  }
  if (original instanceof DomainError && error instanceof GraphQLError) {
    const code = CODES.find(([type]) => original instanceof type)?.[1];
    if (code) {
      const where = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
      return new GraphQLError(original.message, { ...where, extensions: { ...error.extensions, code } });
    }
  }
  return maskUnexpected(error, message, isDev);
}

/** A request Yoga refused before execution as the client's fault (its body, method or media type): a 4xx. */
export function isBadRequest(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

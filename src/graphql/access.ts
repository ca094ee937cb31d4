import { GraphQLError } from 'graphql';
import type { Context } from './context.js';

/**
 * Reads are not unions: a read the caller may not make is a GraphQL error with a code
 * (`UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`) that clients can switch on.
 */
export function requireSignedIn(context: Context): string {
  if (context.scope.callerId) return context.scope.callerId;
  const reason = context.scope.authProblem ? `: ${context.scope.authProblem}` : '';
  throw new GraphQLError(`Sign in to read groups${reason}.`, { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

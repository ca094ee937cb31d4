import { GraphQLError } from 'graphql';

/** The `extensions.code` of each limit a request can exceed: clients switch on these. */
export const LIMIT_CODES = {
  cost: 'COST_LIMIT_EXCEEDED',
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
} as const;

export type LimitName = keyof typeof LIMIT_CODES;

/**
 * A request refused before execution, answered as the GraphQL-over-HTTP spec says: 400 to an
 * `application/graphql-response+json` client, 200 to an `application/json` one (Yoga reads
 * `http.spec` so, and strips `http` from the answer).
 */
export function requestError(message: string, extensions: Record<string, unknown>, nodes?: GraphQLError['nodes']): GraphQLError {
  return new GraphQLError(message, { nodes, extensions: { ...extensions, http: { status: 400, spec: true } } });
}

/** A limit's refusal: its code, the limit and what the request came to (`found` when known). */
export function limitExceeded(limit: LimitName, max: number, found: number | undefined, advice: string): GraphQLError {
  const counted = found === undefined ? '' : `, found ${found}`;
  return requestError(`The ${limit} limit of ${max} is exceeded${counted}: ${advice}`, {
    code: LIMIT_CODES[limit],
    limit: max,
    ...(found === undefined ? {} : { [limit === 'cost' ? 'cost' : 'found']: found }),
  });
}

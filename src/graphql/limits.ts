import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

/**
 * Limits on what one request may ask, sized from the operations real clients send (the
 * examples in `schema/operations/`, which a test keeps within these limits): the deepest
 * reaches 7 levels as graphql-armor counts them (inline fragments included), the largest holds
 * about 150 tokens. Each limit leaves room to grow
 * while refusing the shapes only an attacker sends.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 10,
  maxTokens: 1500,
  maxDirectives: 20,
  /** graphql-armor's cost: objects 2, scalars 1, multiplied by 1.5 per level of depth. */
  maxCost: 5000,
} as const;

/** The body a request may carry: room for a 3000-member list in variables, not for a flood. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

export function queryLimitsPlugin(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, ignoreIntrospection: true },
    // Suggestions ("did you mean …") are GraphiQL's job, from the schema; answers stay terse.
    blockFieldSuggestion: { enabled: true },
  }) as Plugin;
}

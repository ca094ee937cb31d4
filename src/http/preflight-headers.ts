/**
 * Headers that prove a request was preflighted by a browser (a page on another site can only set
 * them after CORS allowed it): Yoga's own, and Apollo Client's two (`apollo-require-preflight`,
 * which Apollo Server asks for, and the operation name Apollo sends with it).
 */
export const PREFLIGHT_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

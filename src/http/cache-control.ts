import type { Plugin } from 'graphql-yoga';

/**
 * `Cache-Control: private, no-store` on every answer that does not set its own (GraphiQL's page
 * does): a GraphQL answer depends on who asks (the caller's header or token) and changes with the
 * next mutation, so no cache, shared or the browser's, may keep a GET query's answer and hand it
 * back, to that caller or to another behind the same proxy.
 */
export function privateAnswersPlugin(): Plugin {
  return {
    onResponse({ response }) {
      if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-store');
    },
  };
}

import type { AuthConfig } from '../config.js';

/** What GraphiQL's example tabs send: a dev caller, or a place to paste a token. */
export function graphiqlHeaders(config: AuthConfig): Record<string, string> | null {
  if (config.dev) return { 'X-User-Id': 'alice' };
  if (config.jwt) return { Authorization: 'Bearer <paste a token>' };
  return null;
}

import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { PREFLIGHT_HEADERS } from './preflight-headers.js';

/**
 * CSRF prevention, without refusing GET queries (the GraphQL-over-HTTP spec allows them; urql sends
 * queries as GET by default). What a cross-site request could abuse is held elsewhere, so GET
 * needs no custom header:
 * - no cookie is ever read: the caller is named by `Authorization` or `X-User-Id`, which a page on
 *   another site cannot set without a preflight, so a cross-site GET is anonymous;
 * - a mutation is never served over GET (Yoga answers 405), so a GET changes nothing;
 * - its answer cannot be read by the other site unless CORS allows that origin (`CORS_ORIGINS`).
 * A "simple" POST (text/plain, a form, multipart) still needs one of the headers: no client of
 * this API sends one, and refusing it keeps mutations out of reach of a plain HTML form even if a
 * deployment trusted something a browser sends on its own (a cookie at a proxy, a source address).
 */
export function csrfPreventionPlugin(): Plugin {
  const postPrevention = useCSRFPrevention({ requestHeaders: [...PREFLIGHT_HEADERS] });
  return {
    onRequestParse(payload) {
      if (payload.request.method === 'GET' || payload.request.method === 'HEAD') return;
      try {
        return postPrevention.onRequestParse?.(payload);
      } catch {
        // Yoga's refusal has no `extensions.code`; clients switch on one for every error here.
        throw csrfRefusal();
      }
    },
  };
}

/** The refusal of a "simple" POST: 403, coded, saying what a client sends instead. */
function csrfRefusal() {
  return createGraphQLError(
    `Required CSRF header(s) not present: send the body as application/json, or add one of the headers ${PREFLIGHT_HEADERS.join(', ')}`,
    { extensions: { code: 'CSRF_PREFLIGHT_REQUIRED', http: { status: 403 } } },
  );
}

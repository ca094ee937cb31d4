import { z } from 'zod';
import type { Plugin } from 'graphql-yoga';
import { PREFLIGHT_HEADERS } from './preflight-headers.js';

/**
 * Which web origins may call the API from a browser: exactly those listed in `CORS_ORIGINS`,
 * never an arbitrary one reflected back, and never with credentials (auth is by header, and no
 * cookie is ever read, so no origin needs them). Same-origin pages (GraphiQL at /graphql) need
 * no entry; servers and native apps are not subject to CORS at all.
 */

/**
 * With no `CORS_ORIGINS`, embedded dev mode (the in-process emulator, callers named by
 * X-User-Id) allows the local dev servers a frontend team starts first: Next.js / Create React
 * App (port 3000) and Vite (port 5173), on localhost. Anything else allows none.
 */
export const EMBEDDED_DEV_ORIGINS = ['http://localhost:3000', 'http://localhost:5173'] as const;

/** `CORS_ORIGINS`: a comma-separated list of origins (`https://app.example.com`), no wildcard, no path. */
export const corsOriginsVariable = z
  .string()
  .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
  .superRefine((origins, context) => {
    for (const origin of origins) {
      if (!isOrigin(origin)) {
        context.addIssue({
          code: 'custom',
          message: `"${origin}" is not an origin: list scheme://host[:port] entries (e.g. https://app.example.com), without a path or a wildcard`,
        });
      }
    }
  })
  .optional();

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text && !text.includes('*');
  } catch {
    return false;
  }
}

/** The request headers a cross-origin client may send: the caller, the body's type, a request id, and the preflight headers. */
const ALLOWED_HEADERS = ['content-type', 'authorization', 'x-user-id', 'x-request-id', ...PREFLIGHT_HEADERS, 'apollographql-client-name', 'apollographql-client-version'];

/**
 * Yoga's `cors` option: a listed origin gets itself back and the methods and headers above; any
 * other origin gets no CORS header at all (so the browser keeps the answer from the page).
 */
export function corsFor(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false as const;
    return { origin, credentials: false, methods: ['GET', 'POST'], allowedHeaders: ALLOWED_HEADERS, maxAge: 600 };
  };
}

/**
 * `Vary: Origin` on every answer: whether it carries `access-control-allow-origin` (and which)
 * depends on the request's `Origin`, so a cache (the browser's, a CDN's, for GET queries) must
 * not hand the answer made for one origin, or for none, to another. Yoga's CORS sets it only
 * when it reflects an origin itself, which `corsFor` never asks it to.
 */
export function varyOnOriginPlugin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (!vary?.split(',').some((name) => name.trim().toLowerCase() === 'origin')) response.headers.append('vary', 'Origin');
    },
  };
}

import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

type Encoding = 'br' | 'gzip' | 'identity';

interface Representation {
  body: Buffer;
  etag: string;
}

/**
 * GraphiQL's page (about 9 MB: its scripts and workers are inlined so it loads nothing from
 * another host) rendered, hashed and compressed once, on first use, then served from memory:
 * brotli or gzip as the browser accepts (about 2 MB), with a strong ETag per encoding and 304 on
 * `If-None-Match`. Rendering it per request, as Yoga does, took 100 GETs from 310 MB to 1.5 GB.
 */
export function graphiqlPlugin(endpoint: string, render: () => string): Plugin {
  let page: Promise<Record<Encoding, Representation>> | null = null;
  const prepare = async (): Promise<Record<Encoding, Representation>> => {
    const html = Buffer.from(render());
    const hash = createHash('sha256').update(html).digest('base64url').slice(0, 27);
    const [br, gz] = await Promise.all([
      // Quality 9 (of 11) compresses 9 MB in well under a second, within a few percent of 11.
      brotliAsync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: html.length } }),
      gzipAsync(html, { level: 9 }),
    ]);
    return {
      br: { body: br, etag: `"${hash}-br"` },
      gzip: { body: gz, etag: `"${hash}-gz"` },
      identity: { body: html, etag: `"${hash}"` },
    };
  };

  return {
    async onRequest({ request, url, endResponse }) {
      if (!wantsGraphiQL(request, url, endpoint)) return;
      // A failed preparation is not kept: the next request tries again.
      page ??= prepare().catch((error: unknown) => {
        page = null;
        throw error;
      });
      const encoding = preferredEncoding(request.headers.get('accept-encoding'));
      const { body, etag } = (await page)[encoding];
      const headers: Record<string, string> = {
        'content-type': 'text/html; charset=utf-8',
        etag,
        // Revalidate every time (a restart may change the page), at the cost of a 304.
        'cache-control': 'no-cache',
        vary: 'Accept, Accept-Encoding',
      };
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      if (matches(request.headers.get('if-none-match'), etag)) {
        endResponse(new Response(null, { status: 304, headers }));
        return;
      }
      endResponse(new Response(request.method === 'HEAD' ? null : (body as unknown as BodyInit), { status: 200, headers }));
    },
  };
}

/** What Yoga renders GraphiQL for: a GET (or HEAD) of the endpoint from something that accepts HTML. */
function wantsGraphiQL(request: Request, url: URL, endpoint: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (url.pathname !== endpoint && url.pathname !== `${endpoint}/`) return false;
  // A GET carrying a query is an operation, whatever the Accept header says.
  if (url.searchParams.has('query')) return false;
  return request.headers.get('accept')?.includes('text/html') ?? false;
}

/** Brotli, else gzip, else none: the best the client accepts (RFC 9110 §12.5.3; `q=0` refuses). */
export function preferredEncoding(header: string | null): Encoding {
  if (!header) return 'identity';
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return 'identity';
}

/** `If-None-Match` holds this ETag (weak comparison, as RFC 9110 §13.1.2 asks for GET), or `*`. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

import { createGraphQLError, type Plugin } from 'graphql-yoga';

/** One non-negative integer: anything else (a list, a sign, a smuggling attempt) is refused. */
const CONTENT_LENGTH = /^\d+$/;

/**
 * The request body limit, in place of Yoga's `maxRequestBodySize`, which pipes every body through
 * a counting stream. A body with a declared length is checked by the header alone: Node's HTTP
 * parser hands over exactly that many bytes and no more (and refuses a request that declares a
 * length and a chunked encoding both). A chunked body declares none: it is read here, counting,
 * and refused as soon as it passes the limit, so it stays bounded all the same.
 */
export function requestBodyLimitPlugin(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) throw invalidContentLength();
        if (Number(declared) > maxBytes) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      setRequestParser(async (undeclared) => requestParser(await readBounded(undeclared, maxBytes, fetchAPI.Request)));
    },
  };
}

/** The request again, its body read in full, or a 413 once it passes `maxBytes`. */
async function readBounded(request: Request, maxBytes: number, RequestClass: typeof Request): Promise<Request> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      // The rest is never read: the answer goes out and the connection is dropped.
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return new RequestClass(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: Buffer.concat(chunks) });
}

function tooLarge() {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

function invalidContentLength() {
  return createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

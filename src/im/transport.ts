import { Pool } from 'undici';
import { ImAuthError, ImError, ImInternalError, ImRateLimitedError, ImRejectedError, ImUnavailableError } from './errors.js';
import { signRequest, type Credentials } from './sign.js';

/** What the IM Service answers on success: `{"code":200}` plus endpoint-specific fields. */
export interface ImResponseBody {
  code: number;
  [field: string]: unknown;
}

export interface Attempt {
  baseUrl: string;
  path: string;
  body: string;
  requestId: string;
  signal: AbortSignal;
}

export interface AttemptOutcome {
  status: number;
  body: ImResponseBody;
}

const DEFAULT_RATE_LIMIT_WAIT_MS = 1000;

/**
 * Sends one signed attempt over a keep-alive pool per origin. Signing happens here, as the
 * request leaves, so every retry carries a fresh nonce and timestamp.
 */
export class ImTransport {
  private readonly pools = new Map<string, { pool: Pool; prefix: string }>();

  constructor(
    private readonly credentials: Credentials,
    private readonly connectionsPerOrigin = 32,
  ) {}

  async send(attempt: Attempt): Promise<AttemptOutcome> {
    const { pool, prefix } = this.poolFor(attempt.baseUrl);
    const response = await pool.request({
      method: 'POST',
      path: prefix + attempt.path,
      headers: {
        ...signRequest(this.credentials),
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Request-ID': attempt.requestId,
      },
      body: attempt.body,
      signal: attempt.signal,
    });
    const text = await response.body.text();
    return { status: response.statusCode, body: parseBody(attempt.path, response.statusCode, text, response.headers) };
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map(({ pool }) => pool.close()));
    this.pools.clear();
  }

  private poolFor(baseUrl: string): { pool: Pool; prefix: string } {
    let entry = this.pools.get(baseUrl);
    if (!entry) {
      const url = new URL(baseUrl);
      entry = {
        pool: new Pool(url.origin, {
          connections: this.connectionsPerOrigin,
          // The IM Service advises an idle time under 55 s and fewer than 80 requests per connection.
          keepAliveTimeout: 50_000,
          keepAliveMaxTimeout: 50_000,
          maxRequestsPerClient: 75,
        }),
        prefix: url.pathname.replace(/\/+$/, ''),
      };
      this.pools.set(baseUrl, entry);
    }
    return entry;
  }
}

function parseBody(path: string, status: number, text: string, headers: Record<string, unknown>): ImResponseBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const code = isResponseBody(body) ? body.code : null;
  const failure = classify(path, status, code, errorMessageOf(body), retryAfterOf(headers));
  if (failure) throw failure;
  return body as ImResponseBody;
}

/** Maps an answer to a typed failure, or null for success (HTTP 200 with code 200). */
export function classify(
  path: string,
  status: number,
  code: number | null,
  detail: string | null,
  retryAfterMs: number | null,
): ImError | null {
  if (status === 200 && code === 200) return null;
  if (code === 1008 || status === 429) {
    return new ImRateLimitedError(path, retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS, false, code, status);
  }
  if (code === 1001 || code === 1004 || status === 401) return new ImAuthError(path, code, status);
  // Code 1000 from a live service is "possibly permanent", not "unavailable" (see ImInternalError).
  if (code === 1000 && status < 500) return new ImInternalError(path, status, detail);
  if (code === 1000 || code === 1050 || status >= 500) {
    return new ImUnavailableError(path, `HTTP ${status}`, code, status);
  }
  // A success status without a business code is no answer at all: the call may or may not have happened.
  if (code === null && status < 300) return new ImUnavailableError(path, 'unreadable answer', code, status);
  return new ImRejectedError(path, code, status, detail);
}

function isResponseBody(body: unknown): body is ImResponseBody {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number';
}

function errorMessageOf(body: unknown): string | null {
  const message = (body as { errorMessage?: unknown } | null)?.errorMessage;
  return typeof message === 'string' ? message.slice(0, 200) : null;
}

function retryAfterOf(headers: Record<string, unknown>): number | null {
  const seconds = Number(headers['retry-after']);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

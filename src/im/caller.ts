import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { ImError, ImRateLimitedError, ImUnavailableError } from './errors.js';
import { encodeForm, type FormValue } from './form.js';
import type { CallLimiter } from './rate-limit.js';
import type { ImObserver } from './observer.js';
import { OriginSelector } from './origins.js';
import type { ImResponseBody, ImTransport } from './transport.js';

export interface CallOptions {
  /** Epoch ms by which the whole call, retries included, must be done. */
  deadlineAt?: number;
  /** Carried as `X-Request-ID` so one request can be traced across both sides. */
  requestId?: string;
  /** Cancels the call (no retry follows). */
  signal?: AbortSignal;
}

export interface CallerOptions {
  transport: ImTransport;
  baseUrls: readonly string[];
  logger: Logger;
  /** Per-attempt deadline: 5 s by default, an assumption (the vendor says to fail over "on a timeout" with no figure; src/im/README.md). */
  attemptTimeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** How long a failed primary is avoided. */
  failbackAfterMs?: number;
  observer?: ImObserver;
}

export interface Call {
  path: string;
  params: Readonly<Record<string, FormValue>>;
  limiter: CallLimiter;
  weight?: number;
  /**
   * Not to be repeated (a publish, or a group call carrying a bound notice): after an attempt that
   * may have taken effect (a timeout, a 5xx, a lost answer) the call ends there. Attempts that
   * certainly did nothing (refused connection, 1008, shed) are still retried.
   */
  noRepeatAfterAmbiguous?: boolean;
  /**
   * Started only with a full attempt timeout left before the deadline, else shed (nothing sent): a
   * publish cut by its deadline mid-attempt may have gone out and can never be repeated. A bound
   * call needs no such rule: cut so, it is repeated later without its notice (the outbox's rule).
   */
  needsFullAttempt?: boolean;
}

/**
 * Runs one IM call to completion: every attempt goes through the limiter, is signed as it
 * leaves, and goes to the origin the selector picks; retryable failures come back with a
 * jittered backoff, bounded in attempts and by the call's deadline.
 */
export class ImCaller {
  private readonly origins: OriginSelector;
  private readonly attemptTimeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;

  constructor(private readonly options: CallerOptions) {
    this.origins = new OriginSelector(options.baseUrls, options.failbackAfterMs ?? 30_000, Date.now, ({ from, to, reason }) => {
      const hosts = { origin: new URL(from).host, next: new URL(to).host };
      if (reason === 'failover') options.logger.warn(hosts, 'im origin failing, switching');
      else options.logger.info(hosts, 'im origin failback: the preferred origin answered again, calls are back on it');
    });
    this.attemptTimeoutMs = options.attemptTimeoutMs ?? 5000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
  }

  async call(call: Call, options: CallOptions = {}): Promise<ImResponseBody> {
    const requestId = options.requestId ?? randomUUID();
    const body = encodeForm(call.params);
    let lastFailure: ImError | null = null;
    let ambiguousFailure: ImError | null = null;
    for (let attempt = 1; ; attempt++) {
      try {
        return await call.limiter.schedule(
          { path: call.path, weight: call.weight, deadlineAt: options.deadlineAt },
          () => {
            this.refuseShortAttempt(call, options.deadlineAt);
            return this.attempt(call.path, body, requestId, attempt, options);
          },
        );
      } catch (error) {
        if (!(error instanceof ImError) || options.signal?.aborted) throw error;
        // A later attempt shed for lack of time says less than the failure that caused the retry.
        if (isShed(error) && lastFailure) throw verdictOf(lastFailure, ambiguousFailure);
        // Nothing was sent and no time is left for a full attempt: the caller sends it later.
        if (isShed(error) && call.needsFullAttempt) throw error;
        if (error.mayHaveTakenEffect) ambiguousFailure = error;
        if (call.noRepeatAfterAmbiguous && ambiguousFailure) throw ambiguousFailure;
        const delayMs = error.retryable ? this.retryDelayMs(error, attempt, options.deadlineAt) : null;
        if (delayMs === null) throw verdictOf(error, ambiguousFailure);
        lastFailure = error;
        this.options.logger.debug({ path: call.path, requestId, attempt, delayMs }, 'im call will be retried');
        await sleep(delayMs, undefined, { signal: options.signal });
      }
    }
  }

  /**
   * A call that needs a full attempt (a publish) and has less than an attempt timeout left is not
   * started but refused here, nothing sent (shed), so that its caller sends it later with a full attempt.
   */
  private refuseShortAttempt(call: Call, deadlineAt: number | undefined): void {
    if (!call.needsFullAttempt || deadlineAt === undefined) return;
    const leftMs = deadlineAt - Date.now();
    if (leftMs < this.attemptTimeoutMs) throw new ImRateLimitedError(call.path, Math.max(1, this.attemptTimeoutMs - leftMs), true);
  }

  private retryDelayMs(error: ImError, attempt: number, deadlineAt: number | undefined): number | null {
    if (attempt >= this.maxAttempts) return null;
    const floorMs = error instanceof ImRateLimitedError ? error.retryAfterMs : 0;
    const delayMs = backoffDelayMs(this.backoff, attempt, floorMs);
    if (deadlineAt !== undefined && Date.now() + delayMs >= deadlineAt) return null;
    return delayMs;
  }

  private async attempt(
    path: string,
    body: string,
    requestId: string,
    attempt: number,
    options: CallOptions,
  ): Promise<ImResponseBody> {
    const baseUrl = this.origins.current();
    const startedAt = performance.now();
    const timeoutMs = Math.max(1, Math.min(this.attemptTimeoutMs, (options.deadlineAt ?? Infinity) - Date.now()));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const log = { path, requestId, attempt, origin: new URL(baseUrl).host };
    try {
      const outcome = await this.options.transport.send({ baseUrl, path, body, requestId, signal });
      this.origins.reportSuccess(baseUrl);
      this.options.logger.debug({ ...log, status: outcome.status, code: outcome.body.code, ms: elapsed(startedAt) }, 'im call');
      this.options.observer?.attempted(path, outcome.status, outcome.body.code);
      return outcome.body;
    } catch (caught) {
      if (options.signal?.aborted) throw options.signal.reason;
      const error = caught instanceof ImError ? caught : networkFailure(path, caught);
      this.options.logger.debug(
        { ...log, status: error.httpStatus, code: error.imCode, error: error.name, ms: elapsed(startedAt) },
        'im call failed',
      );
      this.options.observer?.attempted(path, error.httpStatus, error.imCode);
      // An answer of any other kind (a refusal, a 1008) still shows the origin is up: a probe that got one succeeded.
      if (error instanceof ImUnavailableError) this.failOver(baseUrl);
      else this.origins.reportSuccess(baseUrl);
      throw error;
    }
  }

  private failOver(baseUrl: string): void {
    if (this.options.baseUrls.length >= 2) this.origins.reportFailure(baseUrl);
  }
}

/**
 * The error a failed call ends with: a definitive refusal stands as it is; otherwise, once any
 * attempt may have acted, the call as a whole stays ambiguous whatever the last attempt said.
 */
function verdictOf(last: ImError, ambiguous: ImError | null): ImError {
  return !last.retryable || last.mayHaveTakenEffect || !ambiguous ? last : ambiguous;
}

function isShed(error: unknown): boolean {
  return error instanceof ImRateLimitedError && error.shed;
}

function elapsed(startedAt: number): number {
  return Math.round(performance.now() - startedAt);
}

/** Failures that happen before a single byte of the request leaves. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** A short reason from a network error: its code or name, never its whole object (which may hold request details). */
function networkFailure(path: string, error: unknown): ImUnavailableError {
  const code = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.name : 'network failure';
  const reason = name === 'TimeoutError' ? 'timed out' : typeof code === 'string' ? code : name;
  return new ImUnavailableError(path, reason, null, null, !(typeof code === 'string' && NOT_SENT_CODES.has(code)));
}

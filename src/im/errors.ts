/**
 * Typed failures of the IM port. Each says whether trying again may help, so callers
 * (the client's own retry loop, the outbox dispatcher, GraphQL mappers) decide without
 * parsing messages. Messages are built from the path and the business code only:
 * no header, no signature and no secret ever reaches them.
 */
export abstract class ImError extends Error {
  abstract readonly retryable: boolean;
  /** False when the IM Service certainly did not act on the call (answered a refusal, or never received it). */
  readonly mayHaveTakenEffect: boolean = false;

  constructor(
    message: string,
    /** The IM path, e.g. `/group/create.json`. */
    readonly path: string,
    /** The IM business code, when the IM Service answered one. */
    readonly imCode: number | null = null,
    /** The HTTP status, when a response arrived. */
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Too many calls: either the IM Service answered 1008/429, or the local limiter refused
 * to queue a call it could not start before the caller's deadline (`shed`, nothing sent).
 */
export class ImRateLimitedError extends ImError {
  readonly retryable = true;

  constructor(
    path: string,
    /** How long the caller should wait before trying again. */
    readonly retryAfterMs: number,
    /** True when the local limiter refused the call and nothing was sent. */
    readonly shed: boolean,
    imCode: number | null = null,
    httpStatus: number | null = null,
  ) {
    super(
      shed
        ? `IM call ${path} refused locally: the rate limit cannot serve it before its deadline (retry after ${retryAfterMs} ms)`
        : `IM Service rate limit exceeded on ${path} (retry after ${retryAfterMs} ms)`,
      path,
      imCode,
      httpStatus,
    );
  }
}

/** The app key and secret were refused (1001, 1004, 401): a configuration problem, not transient. */
export class ImAuthError extends ImError {
  readonly retryable = false;

  constructor(path: string, imCode: number | null, httpStatus: number | null) {
    super(
      `IM Service refused the credentials on ${path} (code ${imCode ?? 'none'}, HTTP ${httpStatus}): check the app key and secret`,
      path,
      imCode,
      httpStatus,
    );
  }
}

/** A definitive rejection of the call itself (bad parameter, value too long, service not enabled). */
export class ImRejectedError extends ImError {
  readonly retryable = false;

  constructor(path: string, imCode: number | null, httpStatus: number | null, detail: string | null) {
    super(
      `IM Service rejected ${path} (code ${imCode ?? 'none'}, HTTP ${httpStatus})${detail ? `: ${detail}` : ''}`,
      path,
      imCode,
      httpStatus,
    );
  }
}

/**
 * No definitive answer: a timeout, a lost connection, a 5xx, code 1000 or 1050.
 * Ambiguous: the call may have taken effect, so only idempotent calls are repeated.
 */
export class ImUnavailableError extends ImError {
  readonly retryable = true;
  override readonly mayHaveTakenEffect: boolean;

  constructor(
    path: string,
    reason: string,
    imCode: number | null = null,
    httpStatus: number | null = null,
    /** False only when the request never left (connection refused, name not resolved). */
    sent = true,
  ) {
    super(`IM Service unavailable on ${path}: ${reason}`, path, imCode, httpStatus);
    this.mayHaveTakenEffect = sent;
  }
}

/**
 * Code 1000 answered with a non-5xx status: the IM Service is up and answered, but did not do the
 * call. Its code list gives 1000 as "invalid request parameters, internal logic error, …", so a
 * retry may pass or may never pass: it is retried, but only a bounded number of times (the caller's
 * attempts, then the outbox's `OUTBOX_MAX_ATTEMPTS`), and it does not switch data centers, since
 * the one answering is alive. A 1000 that comes with a 5xx stays `ImUnavailableError` (the safer
 * reading: the data center may be failing). See src/im/README.md.
 */
export class ImInternalError extends ImError {
  readonly retryable = true;
  /** The IM Service may have applied part of the call before failing. */
  override readonly mayHaveTakenEffect = true;

  constructor(path: string, httpStatus: number | null, detail: string | null) {
    super(
      `IM Service could not process ${path} (code 1000, HTTP ${httpStatus})${detail ? `: ${detail}` : ''}; it may or may not pass on retry`,
      path,
      1000,
      httpStatus,
    );
  }
}

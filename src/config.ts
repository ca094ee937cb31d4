import { z } from 'zod';
import { DatabaseUrlError, parseDatabaseUrl } from './groups/store/database-url.js';
import { isValidUserId, USER_ID_RULE } from './groups/user-ids.js';
import { corsOriginsVariable, EMBEDDED_DEV_ORIGINS } from './http/cors.js';

const integer = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** HS256 keys shorter than the hash output are guessable offline from one token. */
const MIN_SECRET_BYTES = 32;
/**
 * Length is not strength: 32 spaces or `aaaa…` pass a length check. A random secret of 32 bytes
 * or more, even in hex (16 symbols), shows at least 10 distinct bytes; the IM Service's app
 * secrets (about 14 random letters and digits) at least 6.
 */
const MIN_JWT_SECRET_DISTINCT_BYTES = 10;
const MIN_IM_SECRET_DISTINCT_BYTES = 6;
/** Never quotes the secret. */
const WEAK_SECRET = 'is too weak (all white space, or too few distinct characters): use a random secret, e.g. `openssl rand -base64 48`';

function weakSecret(secret: string, minDistinctBytes: number): boolean {
  const bytes = Buffer.from(secret, 'utf8');
  return secret.trim().length === 0 || new Set(bytes).size < minDistinctBytes;
}

const environmentVariables = z.object({
  PORT: integer(0, 65_535, 4000),
  /** Loopback by default: dev mode trusts `X-User-Id`, which must not reach a network by accident. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** A SQLite file, `:memory:`, or `postgres://…` with optional `?schema=` and `?pool=`. */
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/gateway.sqlite')
    .superRefine((url, context) => {
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        if (!(error instanceof DatabaseUrlError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
      }
    }),
  IM_APP_KEY: z.string().min(1).optional(),
  IM_APP_SECRET: z.string().min(1).refine((secret) => !weakSecret(secret, MIN_IM_SECRET_DISTINCT_BYTES), WEAK_SECRET).optional(),
  IM_API_URLS: z
    .string()
    .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each URL must be http(s)' })).min(1).max(2, 'give a primary and at most one backup'))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a mutation waits for the IM Service before answering with `syncStatus: PENDING`. */
  REQUEST_DEADLINE_MS: integer(100, 60_000, 3000),
  /**
   * `dev`: trust the `X-User-Id` header to name the caller (the default in embedded mode only).
   * `jwt`: bearer tokens only, even in embedded mode. Bearer tokens are accepted in either mode
   * when JWT verification is configured.
   */
  AUTH_MODE: z.enum(['dev', 'jwt']).optional(),
  /** HS256 shared secret, taken as its UTF-8 bytes. */
  JWT_SECRET: z
    .string()
    .refine((secret) => Buffer.byteLength(secret, 'utf8') >= MIN_SECRET_BYTES, `must be at least ${MIN_SECRET_BYTES} bytes (e.g. \`openssl rand -base64 48\`)`)
    .refine((secret) => !weakSecret(secret, MIN_JWT_SECRET_DISTINCT_BYTES), WEAK_SECRET)
    .optional(),
  /** Where the token issuer publishes its public keys (RS256, ES256, EdDSA). */
  JWT_JWKS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine(isSecureOrLoopback, 'must be https (plain http only on localhost)')
    .optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** How long a client may take to send its request headers (Node's default is 60 s). */
  HTTP_HEADERS_TIMEOUT_MS: integer(1000, 120_000, 10_000),
  /** How long a client may take to send its whole request, body included (Node's default is 300 s). */
  HTTP_REQUEST_TIMEOUT_MS: integer(1000, 300_000, 30_000),
  /** Per-attempt deadline of an IM call: 5 s is an assumption, the vendor gives no figure (src/im/README.md). */
  IM_CALL_TIMEOUT_MS: integer(100, 60_000, 5000),
  /** How long an outbox row stays claimed by one dispatcher: a crashed instance's rows are retaken after it. */
  OUTBOX_LEASE_MS: integer(1000, 600_000, 15_000),
  /** How often the dispatcher looks for outbox rows left behind. */
  OUTBOX_POLL_MS: integer(10, 60_000, 500),
  /**
   * How many times an outbox row is tried before it is given up (FAILED): code 1000 may be
   * permanent, and no answer that merely looks transient may hold a group's rows forever.
   */
  OUTBOX_MAX_ATTEMPTS: integer(1, 1000, 20),
  /** How long the event log keeps an event (`Group.events`, resuming a stream); older ones are pruned in the background. */
  EVENT_RETENTION_HOURS: integer(1, 24 * 366, 168),
  EVENT_RELEASE_SWEEP_MS: integer(50, 60_000, 500),
  /** Shares the IM rate limits among every instance pointing at this Redis (`redis://…`). */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  /** Namespaces the shared limiter's Redis keys. */
  REDIS_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'letters, digits, : _ -').default('group-gateway'),
  /**
   * Live events one subscription may hold for a client that reads slower than they come; one more
   * and its stream ends with `ResumeRequired` (it resubscribes `after` the last cursor it got).
   */
  EVENT_STREAM_BUFFER: integer(1, 100_000, 1000),
  /** Event streams (subscriptions) one instance serves at once; more are refused (`STREAM_LIMIT_REACHED`). */
  EVENT_MAX_STREAMS: integer(1, 1_000_000, 10_000),
  /** Event streams one user may hold open on one instance (tabs, devices). */
  EVENT_MAX_STREAMS_PER_USER: integer(1, 10_000, 20),
  /**
   * How often each instance reads the event log whatever rang: the safety net behind Redis
   * pub/sub, and the only way between instances without Redis.
   */
  EVENT_POLL_MS: integer(50, 60_000, 1000),
  /** On SIGTERM, how long /ready answers 503 while requests are still served (for load balancers to notice). */
  SHUTDOWN_GRACE_MS: integer(0, 60_000, 0),
  /** On SIGTERM, how long requests in flight may take before their connections are closed. */
  SHUTDOWN_DRAIN_TIMEOUT_MS: integer(0, 120_000, 10_000),
  IM_GROUP_RATE_LIMIT: integer(1, 100_000, 100),
  IM_PUBLISH_RATE_LIMIT: integer(1, 100_000, 20),
  /**
   * The app's member cap per group, the owner included. The vendor's default is 3000, raised per
   * app by a ticket ("群组人数上限默认 3000", server API docs, group create); the embedded emulator
   * enforces the same cap.
   */
  IM_MAX_GROUP_MEMBERS: integer(2, 1_000_000, 3000),
  /** How long an invitation lasts, and an invite link given no `expiresAt`: 7 days by default, 1 minute to 90 days. */
  INVITATION_TTL_SECONDS: integer(60, 90 * 24 * 60 * 60, 7 * 24 * 60 * 60),
  /** Serve GraphiQL at /graphql to browsers: on in embedded mode, off otherwise unless asked for. */
  GRAPHIQL: z
    .enum(['true', 'false', '1', '0', 'on', 'off'], { error: 'use true or false' })
    .transform((value) => ['true', '1', 'on'].includes(value))
    .optional(),
  /** Web origins allowed to call from a browser (http/cors.ts). */
  CORS_ORIGINS: corsOriginsVariable,
  /** The user id group notifications (`RC:GrpNtf`) are sent from. */
  IM_NOTIFICATION_SENDER: z
    .string()
    .refine(isValidUserId, `a user id: ${USER_ID_RULE}`)
    .default('__system__'),
});

const environmentSchema = environmentVariables.superRefine((env, context) => {
  const given = (['IM_APP_KEY', 'IM_APP_SECRET', 'IM_API_URLS'] as const).filter((name) => env[name] !== undefined);
  if (given.length > 0 && given.length < 3) {
    for (const name of ['IM_APP_KEY', 'IM_APP_SECRET', 'IM_API_URLS'] as const) {
      if (env[name] === undefined) {
        context.addIssue({ code: 'custom', path: [name], message: 'required when any IM_* credential is set' });
      }
    }
  }
  checkAuthentication(env, context, given.length === 3);
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    context.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'cannot exceed HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)' });
  }
});

/** Exactly one key source, with issuer and audience; and no real IM credentials without authentication. */
function checkAuthentication(env: z.output<typeof environmentVariables>, context: z.RefinementCtx, realIm: boolean): void {
  const keySources = (['JWT_SECRET', 'JWT_JWKS_URL'] as const).filter((name) => env[name] !== undefined);
  if (keySources.length === 2) {
    for (const name of keySources) context.addIssue({ code: 'custom', path: [name], message: 'set JWT_SECRET or JWT_JWKS_URL, not both' });
  }
  const jwtNamed = keySources.length > 0 || env.JWT_ISSUER !== undefined || env.JWT_AUDIENCE !== undefined;
  if (jwtNamed) {
    if (keySources.length === 0) {
      context.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'JWT_ISSUER/JWT_AUDIENCE need a key: set JWT_SECRET (HS256) or JWT_JWKS_URL' });
    }
    for (const name of ['JWT_ISSUER', 'JWT_AUDIENCE'] as const) {
      if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'required when JWT_SECRET or JWT_JWKS_URL is set' });
    }
  }
  if (env.AUTH_MODE === 'jwt' && keySources.length === 0) {
    context.addIssue({ code: 'custom', path: ['AUTH_MODE'], message: 'AUTH_MODE=jwt needs JWT_SECRET or JWT_JWKS_URL, with JWT_ISSUER and JWT_AUDIENCE' });
  }
  if (realIm && !jwtNamed && env.AUTH_MODE !== 'dev') {
    context.addIssue({
      code: 'custom',
      path: [],
      message:
        'IM credentials are set but no caller authentication is configured: set JWT_SECRET or JWT_JWKS_URL, ' +
        'with JWT_ISSUER and JWT_AUDIENCE; or set AUTH_MODE=dev to trust the X-User-Id header (development only)',
    });
  }
}

function isSecureOrLoopback(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Null: no credentials, so the gateway starts the emulator in-process. */
  im: { appKey: string; appSecret: string; baseUrls: string[] } | null;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  requestDeadlineMs: number;
  auth: AuthConfig;
  rateLimits: { group: number; publish: number };
  /** Members a group may hold, the owner included (IM_MAX_GROUP_MEMBERS). */
  maxGroupMembers: number;
  /** How long an invitation lasts, and an invite link given no `expiresAt` (INVITATION_TTL_SECONDS). */
  invitationTtlMs: number;
  notificationSender: string;
  /** Serve GraphiQL to browsers at /graphql. */
  graphiql: boolean;
  /** Origins allowed to call from a browser; none outside this list. */
  corsOrigins: string[];
  imCallTimeoutMs: number;
  /** `maxAttempts`: tries of one outbox row before it is FAILED (the dispatcher's default when absent). */
  outbox: { leaseMs: number; pollMs: number; maxAttempts?: number };
  /** How long the event log keeps an event, in hours (EVENT_RETENTION_HOURS). */
  eventRetentionHours: number;
  /** How often the event releaser sweeps for ready events no kick covered, in ms (EVENT_RELEASE_SWEEP_MS). */
  eventReleaseSweepMs: number;
  /** Null: this process keeps its own budget (one instance). */
  redis: { url: string; keyPrefix: string } | null;
  shutdown: { graceMs: number; drainTimeoutMs: number };
  /** Live event delivery: the per-stream buffer, the stream limits and the log's poll. */
  eventStreams: { bufferLimit: number; maxStreams: number; maxStreamsPerUser: number; pollMs: number };
  /** How long a client may take to send its request: headers, then the whole of it. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number };
}

/** How callers are named. */
export interface AuthConfig {
  /** Trust the `X-User-Id` header (a bearer token still wins when both arrive). */
  dev: boolean;
  /** Bearer-token verification; null: no tokens are accepted. */
  jwt: JwtConfig | null;
}

/** Exactly one of `secret` (HS256) and `jwksUrl` (RS256, ES256, EdDSA) is set. */
export interface JwtConfig {
  secret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad value stops start-up with the variable's name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(withoutEmpty(environment));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  // A publish starts only with a full call timeout before the claim's end (at most once): a shorter lease would never publish.
  if (env.OUTBOX_LEASE_MS < env.IM_CALL_TIMEOUT_MS + 1000) {
    throw new ConfigError(`Invalid configuration:\n  OUTBOX_LEASE_MS: must be at least IM_CALL_TIMEOUT_MS + 1000 (${env.IM_CALL_TIMEOUT_MS + 1000})`);
  }
  const embedded = !(env.IM_APP_KEY && env.IM_APP_SECRET && env.IM_API_URLS);
  const devAuth = env.AUTH_MODE ? env.AUTH_MODE === 'dev' : embedded;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    im:
      env.IM_APP_KEY && env.IM_APP_SECRET && env.IM_API_URLS
        ? { appKey: env.IM_APP_KEY, appSecret: env.IM_APP_SECRET, baseUrls: env.IM_API_URLS }
        : null,
    logLevel: env.LOG_LEVEL,
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,
    auth: {
      dev: devAuth,
      jwt:
        (env.JWT_SECRET || env.JWT_JWKS_URL) && env.JWT_ISSUER && env.JWT_AUDIENCE
          ? {
              ...(env.JWT_SECRET ? { secret: env.JWT_SECRET } : { jwksUrl: env.JWT_JWKS_URL! }),
              issuer: env.JWT_ISSUER,
              audience: env.JWT_AUDIENCE,
            }
          : null,
    },
    rateLimits: { group: env.IM_GROUP_RATE_LIMIT, publish: env.IM_PUBLISH_RATE_LIMIT },
    maxGroupMembers: env.IM_MAX_GROUP_MEMBERS,
    invitationTtlMs: env.INVITATION_TTL_SECONDS * 1000,
    notificationSender: env.IM_NOTIFICATION_SENDER,
    graphiql: env.GRAPHIQL ?? embedded,
    corsOrigins: env.CORS_ORIGINS ?? (embedded && devAuth ? [...EMBEDDED_DEV_ORIGINS] : []),
    imCallTimeoutMs: env.IM_CALL_TIMEOUT_MS,
    outbox: { leaseMs: env.OUTBOX_LEASE_MS, pollMs: env.OUTBOX_POLL_MS, maxAttempts: env.OUTBOX_MAX_ATTEMPTS },
    eventRetentionHours: env.EVENT_RETENTION_HOURS,
    eventReleaseSweepMs: env.EVENT_RELEASE_SWEEP_MS,
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : null,
    shutdown: { graceMs: env.SHUTDOWN_GRACE_MS, drainTimeoutMs: env.SHUTDOWN_DRAIN_TIMEOUT_MS },
    eventStreams: {
      bufferLimit: env.EVENT_STREAM_BUFFER,
      maxStreams: env.EVENT_MAX_STREAMS,
      maxStreamsPerUser: env.EVENT_MAX_STREAMS_PER_USER,
      pollMs: env.EVENT_POLL_MS,
    },
    http: { headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS, requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS },
  };
}

/** An empty variable (`PORT=`) means "not set", as shells and .env files usually intend. */
function withoutEmpty(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => !!entry[1]));
}

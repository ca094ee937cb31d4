import { z } from 'zod';

const integer = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

const environmentSchema = z
  .object({
    PORT: integer(0, 65_535, 4000),
    /** Loopback by default: embedded mode trusts `X-User-Id`, which must not reach a network by accident. */
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z.string().min(1).default('./data/gateway.sqlite'),
    IM_APP_KEY: z.string().min(1).optional(),
    IM_APP_SECRET: z.string().min(1).optional(),
    IM_API_URLS: z
      .string()
      .transform((value) => value.split(',').map((url) => url.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'each URL must be http(s)' })).min(1).max(2, 'give a primary and at most one backup'))
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** How long a mutation waits for the IM Service before answering with `syncStatus: PENDING`. */
    REQUEST_DEADLINE_MS: integer(100, 60_000, 3000),
    /** `dev`: trust the `X-User-Id` header to name the caller. The default in embedded mode only. */
    AUTH_MODE: z.enum(['dev']).optional(),
    IM_GROUP_RATE_LIMIT: integer(1, 100_000, 100),
    IM_PUBLISH_RATE_LIMIT: integer(1, 100_000, 20),
  })
  .superRefine((env, context) => {
    const given = (['IM_APP_KEY', 'IM_APP_SECRET', 'IM_API_URLS'] as const).filter((name) => env[name] !== undefined);
    if (given.length > 0 && given.length < 3) {
      for (const name of ['IM_APP_KEY', 'IM_APP_SECRET', 'IM_API_URLS'] as const) {
        if (env[name] === undefined) {
          context.addIssue({ code: 'custom', path: [name], message: 'required when any IM_* credential is set' });
        }
      }
    }
  });

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** Null: no credentials, so the gateway starts the emulator in-process. */
  im: { appKey: string; appSecret: string; baseUrls: string[] } | null;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  requestDeadlineMs: number;
  /** `dev`: callers are named by `X-User-Id`. `none`: no caller can be named yet. */
  authMode: 'dev' | 'none';
  rateLimits: { group: number; publish: number };
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
  const embedded = !(env.IM_APP_KEY && env.IM_APP_SECRET && env.IM_API_URLS);
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
    authMode: env.AUTH_MODE ?? (embedded ? 'dev' : 'none'),
    rateLimits: { group: env.IM_GROUP_RATE_LIMIT, publish: env.IM_PUBLISH_RATE_LIMIT },
  };
}

/** An empty variable (`PORT=`) means "not set", as shells and .env files usually intend. */
function withoutEmpty(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => !!entry[1]));
}

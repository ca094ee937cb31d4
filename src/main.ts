// First: refuses an unsupported Node before any module that needs a newer one is evaluated.
import './runtime-check.js';
// Second: graphql-js takes its mode from NODE_ENV when it loads.
import './graphql/production-mode.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createHttpServer } from './http/server.js';
import { redactedDatabaseUrl } from './groups/store/database-url.js';
import { createLogger } from './logger.js';
import { guardUnhandledRejections } from './process-guard.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  let countRejection = () => {};
  guardUnhandledRejections(logger, () => countRejection());
  const app = await buildApp(config, logger);
  countRejection = () => app.metrics.unhandledRejections.inc();
  if (app.emulator) {
    logger.info(
      { emulator: app.emulator.url },
      'no IM credentials configured: using the embedded IM Service emulator',
    );
  }
  // One line saying what this instance runs on, never a password.
  const imOrigins = (config.im?.baseUrls ?? [app.emulator!.url]).map(withoutPassword);
  const redis = config.redis ? withoutPassword(config.redis.url) : 'off';
  const database = redactedDatabaseUrl(config.databaseUrl);
  logger.info({ database, redis, imOrigins }, `using ${database}, Redis ${redis}, IM origins ${imOrigins.join(', ')}`);
  if (config.auth.dev) {
    logger.info('AUTH_MODE=dev: callers are named by the X-User-Id header');
    if (!['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
      logger.warn({ host: config.host }, 'AUTH_MODE=dev on a non-loopback HOST: anyone who can reach the gateway can act as any user');
    }
  }
  if (config.auth.jwt) {
    const { jwksUrl, issuer, audience } = config.auth.jwt;
    logger.info(
      { keys: jwksUrl ? withoutSecrets(jwksUrl) : 'JWT_SECRET (HS256)', issuer, audience },
      'callers are named by bearer tokens (Authorization: Bearer <jwt>)',
    );
  }

  const server = createHttpServer(app.graphql, config.http);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  logger.info({ url: `http://${host}:${port}/graphql`, node: process.version }, `gateway ready on Node ${process.version}: open http://${host}:${port}/graphql for GraphiQL`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness first, so a load balancer stops sending new work while the last is served.
    app.beginShutdown();
    logger.info({ signal, graceMs: config.shutdown.graceMs }, 'stopping: /ready now answers 503');
    await sleep(config.shutdown.graceMs);
    // Open event streams end with `ResumeRequired` (SHUTTING_DOWN): their clients resubscribe
    // `after` their last cursor (elsewhere), and the long-lived responses no longer hold the drain.
    await app.live.close();
    server.close();
    server.closeIdleConnections();
    const drained = await Promise.race([
      new Promise<boolean>((resolve) => server.once('close', () => resolve(true))),
      sleep(config.shutdown.drainTimeoutMs).then(() => false),
    ]);
    if (!drained) {
      logger.warn({ drainTimeoutMs: config.shutdown.drainTimeoutMs }, 'requests still in flight after the drain timeout: closing their connections');
      server.closeAllConnections();
    }
    // The dispatcher's calls in flight finish; whatever is left stays in the outbox for the next start.
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  const stopOn = (signal: string) =>
    stop(signal).catch((error: unknown) => {
      logger.error({ err: error }, 'stopping failed');
      process.exit(1);
    });
  process.on('SIGTERM', () => void stopOn('SIGTERM'));
  process.on('SIGINT', () => void stopOn('SIGINT'));
}

/** A URL fit for a log line: no user info, query or fragment. */
function withoutSecrets(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}

/** A URL fit for a log line that keeps its scheme and user name (`origin` is "null" for redis://): no password, query or fragment. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error('gateway failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * The server side of `npm run bench:graphql`, run as a child process (see target-process.ts):
 *
 *   target.ts hello              a bare GraphQL Yoga server with `hello: String`
 *   target.ts gateway            the whole gateway (buildApp, config from loadConfig's defaults) on a fresh
 *                                SQLite file in a temp dir, LOG_LEVEL silent, AUTH_MODE dev (X-User-Id),
 *                                IM rate limits raised to 1 000 000/s
 *   target.ts gateway-postgres   the same on PostgreSQL (TEST_POSTGRES_URL, default the local `test`
 *                                database), in a schema of its own, dropped on close
 *
 * Both listen on 127.0.0.1 with a plain node:http server and tell the parent their URL over IPC.
 * The parent may then send `{ cmd: 'cpuMicros' }` (CPU time used so far), `{ cmd: 'stopDispatcher' }` and
 * `{ cmd: 'statementCount' }` (gateway only), and finally `{ cmd: 'close' }`, after which this process is
 * expected to exit by itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSchema, createYoga } from 'graphql-yoga';
import { pino } from 'pino';
import type { Config } from '../../src/config.js';

export type TargetKind = 'hello' | 'gateway' | 'gateway-postgres';
const KINDS: readonly TargetKind[] = ['hello', 'gateway', 'gateway-postgres'];

export type TargetRequest = { id: number; cmd: 'cpuMicros' | 'stopDispatcher' | 'statementCount' | 'close' };
export type TargetMessage =
  | { type: 'ready'; url: string }
  | { type: 'reply'; id: number; value?: number; error?: string };

interface Target {
  handler: RequestListener;
  statementCount?: () => number;
  stopDispatcher?: () => Promise<void>;
  close(): Promise<void>;
}

/** Raised so that the IM rate limit (gateway limiter and emulator alike) is not what is measured. */
const RAISED_RATE_LIMITS = { group: 1_000_000, publish: 1_000_000 };

function helloTarget(): Target {
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String }', resolvers: { Query: { hello: () => 'world' } } }),
    logging: false,
  });
  return { handler: yoga as unknown as RequestListener, close: async () => {} };
}

/** A fresh store for one run, and how to remove it afterwards. */
async function freshStore(postgres: boolean): Promise<{ databaseUrl: string; remove(): Promise<void> }> {
  if (postgres) {
    const { CLUSTER_POSTGRES_URL, dropSchema } = await import('../cluster/services.js');
    const schema = `bench_graphql_${randomBytes(4).toString('hex')}`;
    const url = new URL(CLUSTER_POSTGRES_URL);
    url.searchParams.set('schema', schema);
    return { databaseUrl: url.toString(), remove: () => dropSchema(schema) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-graphql-'));
  return { databaseUrl: join(dir, 'gateway.sqlite'), remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function gatewayTarget(postgres: boolean): Promise<Target> {
  // Imported here so that the hello target loads nothing of the gateway.
  const { buildApp } = await import('../../src/app.js');
  const { loadConfig } = await import('../../src/config.js');
  const store = await freshStore(postgres);
  // The defaults, as `npm start` would have them with this environment (and nothing else of ours),
  // then the rate limits raised past what the environment allows.
  const config: Config = {
    ...loadConfig({ PORT: '0', DATABASE_URL: store.databaseUrl, LOG_LEVEL: 'silent', AUTH_MODE: 'dev' }),
    rateLimits: RAISED_RATE_LIMITS,
  };
  const app = await buildApp(config, pino({ level: 'silent' })).catch(async (error: unknown) => {
    await store.remove();
    throw error;
  });
  return {
    handler: app.graphql as unknown as RequestListener,
    statementCount: () => app.store.statementCount(),
    stopDispatcher: () => app.dispatcher.stop(),
    async close() {
      await app.close();
      await store.remove();
    },
  };
}

async function main(): Promise<void> {
  const kind = process.argv[2] as TargetKind;
  if (!KINDS.includes(kind)) throw new Error(`unknown target ${String(kind)}`);
  const target = kind === 'hello' ? helloTarget() : await gatewayTarget(kind === 'gateway-postgres');
  const server = createServer(target.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const send = (message: TargetMessage) => process.send!(message);
  send({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });

  process.on('message', (message: TargetRequest) => {
    const reply = async (): Promise<number | undefined> => {
      switch (message.cmd) {
        case 'cpuMicros': {
          const { user, system } = process.cpuUsage();
          return user + system;
        }
        case 'statementCount':
          if (!target.statementCount) throw new Error(`${kind} has no store`);
          return target.statementCount();
        case 'stopDispatcher':
          await target.stopDispatcher?.();
          return undefined;
        case 'close':
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await target.close();
          return undefined;
      }
    };
    reply().then(
      (value) => {
        send({ type: 'reply', id: message.id, ...(value === undefined ? {} : { value }) });
        // Nothing else should keep the process alive: the parent notices (and says so) when it does not exit.
        if (message.cmd === 'close') process.disconnect();
      },
      (error: unknown) => send({ type: 'reply', id: message.id, error: String(error) }),
    );
  });
}

main().catch((error: unknown) => {
  console.error('bench target failed:', error);
  process.exit(1);
});

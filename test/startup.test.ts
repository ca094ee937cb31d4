import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, freshDir, logLines, spawnGateway, waitForLog } from './fixtures/process.js';
import { storeTargets } from './fixtures/stores.js';
import { createKit } from './kit/client.js';
import { httpExecutor } from './kit/http.js';

describe('npm start (node --import tsx src/main.ts)', () => {
  it('starts on the embedded emulator, serves createGroup and group, and exits 0 on SIGTERM', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const databaseUrl = join(freshDir(), 'nested', 'gateway.sqlite');
    const gateway = spawnGateway({ PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });

    const ready = await waitForLog(gateway, 'gateway ready');
    const url = `http://localhost:${port}/graphql`;
    expect(ready.url).toBe(url);
    expect(ready.msg).toContain(url);
    // The start-up log names the runtime: the Node the gateway really runs on, not the machine's.
    expect(ready.node).toBe(process.version);
    expect(ready.msg).toContain(`on Node ${process.version}`);
    const startupLog = logLines(gateway.stdout());
    expect(startupLog.map((line) => line.msg)).toContain(
      'no IM credentials configured: using the embedded IM Service emulator',
    );
    expect(existsSync(databaseUrl)).toBe(true);

    const kit = createKit(httpExecutor(`http://localhost:${port}`));
    const created = await kit.response.createGroup({ groupId: 'started', name: 'Started', memberIds: ['bob'] }, { as: 'alice' });
    expect(created.status).toBe(200);
    expect(created.data?.createGroup).toEqual({
      __typename: 'CreateGroupSuccess',
      group: {
        groupId: 'started',
        syncStatus: 'SYNCED',
        // Also read by the kit's shared selection.
        id: expect.any(String),
        name: 'Started',
        avatarUrl: null,
        visibility: 'PRIVATE',
        memberCount: 2,
        createdAt: expect.any(String),
        owner: { userId: 'alice', role: 'OWNER' },
      },
    });

    const read = await kit.group({ groupId: 'started' }, { as: 'alice' });
    expect(read.errors).toBeUndefined();
    expect(read.data?.group).toEqual({
      groupId: 'started',
      name: 'Started',
      memberCount: 2,
      syncStatus: 'SYNCED',
      owner: { userId: 'alice', role: 'OWNER' },
      members: {
        edges: [{ node: { userId: 'alice', role: 'OWNER' } }, { node: { userId: 'bob', role: 'MEMBER' } }],
        pageInfo: { hasNextPage: false },
      },
      // Also read by the kit's group query.
      avatarUrl: null,
      visibility: 'PRIVATE',
      createdAt: expect.any(String),
      syncError: null,
      viewerRole: 'OWNER',
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(logLines(gateway.stdout()).map((line) => line.msg)).toContain('stopped');
  });

  it('npm start itself: SIGTERM to the npm PID drains the gateway, which exits 0 and frees its port; npm exits 0', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const gateway = spawnGateway({ PORT: String(port), DATABASE_URL: join(freshDir(), 'gateway.sqlite'), LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, ['npm', 'start']);
    const ready = await waitForLog(gateway, 'gateway ready');
    expect(ready.pid).not.toBe(gateway.child.pid);
    const kit = createKit(httpExecutor(`http://localhost:${port}`));
    expect((await kit.viewer({}, { as: 'alice' })).data).toEqual({ viewer: { userId: 'alice' } });

    gateway.child.kill('SIGTERM');

    expect(await gateway.exited).toBe(0);
    expect(logLines(gateway.stdout()).map((line) => line.msg)).toContain('stopped');
    // The gateway itself is gone (not left running behind npm): nothing answers on its port.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  for (const [scheme, url] of [
    ['postgress://', 'postgress://gw:hunter2secret@db.internal/chat'],
    ['mysql://', 'mysql://gw:hunter2secret@db.internal/chat'],
  ]) {
    it(`refuses ${scheme}: exits 2 naming DATABASE_URL and the scheme, creating no file`, { timeout: 60_000 }, async () => {
      const cwdBefore = readdirSync('.');
      const gateway = spawnGateway({ DATABASE_URL: url! });

      expect(await gateway.exited).toBe(2);
      expect(gateway.stderr()).toContain('DATABASE_URL');
      expect(gateway.stderr()).toContain(`${scheme} is not supported`);
      expect(gateway.output()).not.toContain('hunter2secret');
      expect(readdirSync('.')).toEqual(cwdBefore);
    });
  }

  it('refuses PORT=abc: exits non-zero, naming PORT', { timeout: 60_000 }, async () => {
    const gateway = spawnGateway({ PORT: 'abc', DATABASE_URL: join(freshDir(), 'gateway.sqlite') });

    const code = await gateway.exited;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(gateway.stderr()).toMatch(/\bPORT\b/);
    expect(gateway.stdout()).not.toContain('gateway ready');
  });

  it('refuses a mistyped PostgreSQL URL: exits 2 naming DATABASE_URL, never echoing its password, creating no file', { timeout: 60_000 }, async () => {
    const gateway = spawnGateway({ DATABASE_URL: 'postgresql+psycopg2://gw:hunter2secret@db.internal/chat', LOG_LEVEL: 'debug' });

    const code = await gateway.exited;

    expect(code).toBe(2);
    expect(gateway.stderr()).toContain('DATABASE_URL');
    expect(gateway.stderr()).toContain('postgres://');
    expect(gateway.output()).not.toContain('hunter2secret');
    expect(gateway.stdout()).not.toContain('gateway ready');
    // No directory named after the URL (`postgresql+psycopg2:/gw:hunter2secret@…`) was created for a SQLite file.
    expect(readdirSync('.').filter((name) => name.startsWith('postgresql'))).toEqual([]);
  });

  const postgres = storeTargets().find((target) => target.dialect === 'postgres')!;
  it.skipIf(postgres.skip)('logs one start-up line naming the database, Redis and IM origins, without the password', { timeout: 90_000 }, async () => {
    const database = await postgres.fresh();
    try {
      const url = new URL(database.url);
      url.password = 'startup-hunter2';
      const port = await freePort();
      const gateway = spawnGateway({ PORT: String(port), DATABASE_URL: url.toString(), LOG_LEVEL: 'info' });
      await waitForLog(gateway, 'gateway ready');
      const using = logLines(gateway.stdout()).filter((line) => String(line.msg).startsWith('using '));
      expect(using).toHaveLength(1);
      expect(using[0]).toMatchObject({ redis: 'off', database: `PostgreSQL at postgres://${url.username}@${url.host}${url.pathname} (schema ${database.schema})` });
      expect(using[0]!.imOrigins).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/$/)]);
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(0);
      expect(gateway.output()).not.toContain('startup-hunter2');
    } finally {
      await database.drop();
    }
  });

  it('refuses IM_APP_KEY alone: exits non-zero, naming IM_APP_SECRET and IM_API_URLS', { timeout: 60_000 }, async () => {
    const gateway = spawnGateway({ IM_APP_KEY: 'k', DATABASE_URL: join(freshDir(), 'gateway.sqlite') });

    const code = await gateway.exited;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(gateway.stderr()).toContain('IM_APP_SECRET');
    expect(gateway.stderr()).toContain('IM_API_URLS');
    expect(gateway.stdout()).not.toContain('gateway ready');
  });
});

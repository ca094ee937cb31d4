import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');

/** Variables the gateway reads: none leaks in from the environment the tests run in. */
const GATEWAY_VARIABLES = /^(PORT|HOST|DATABASE_URL|LOG_LEVEL|REQUEST_DEADLINE_MS|AUTH_MODE|IM_.*)$/;

const CreateGroup = graphql(`
  mutation StartupSpecCreateGroup($input: CreateGroupInput!) {
    createGroup(input: $input) {
      __typename
      ... on CreateGroupSuccess {
        group {
          groupId
          syncStatus
        }
      }
      ... on Error {
        message
      }
    }
  }
`);

const ReadGroup = graphql(`
  query StartupSpecGroup($groupId: String!) {
    group(groupId: $groupId) {
      groupId
      name
      memberCount
      syncStatus
      owner {
        userId
      }
      members {
        edges {
          node {
            userId
            role
          }
        }
      }
    }
  }
`);

interface Gateway {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const running: Gateway[] = [];
const tempDirs: string[] = [];

afterEach(() => {
  for (const gateway of running.splice(0)) {
    // The process group: tsx runs the gateway in a child of its own.
    if (gateway.child.exitCode === null && gateway.child.signalCode === null) {
      try {
        process.kill(-gateway.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-startup-'));
  tempDirs.push(dir);
  return dir;
}

/** Runs `tsx src/main.ts` from the repository root, as `npm start` does, with only `env` configuring it. */
function startGateway(env: Record<string, string>): Gateway {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !GATEWAY_VARIABLES.test(name)));
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const gateway = { child, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(gateway);
  return gateway;
}

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** Waits for the log line whose message starts with `prefix`; fails early if the process exits first. */
async function waitForLog(gateway: Gateway, prefix: string, timeoutMs = 30_000): Promise<LogLine> {
  const giveUpAt = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void gateway.exited.then((code) => (exitCode = code));
  for (;;) {
    const line = logLines(gateway.stdout()).find((entry) => entry.msg.startsWith(prefix));
    if (line) return line;
    if (exitCode !== undefined || Date.now() > giveUpAt) {
      throw new Error(
        `no "${prefix}" log line (${exitCode !== undefined ? `exited with ${exitCode}` : `after ${timeoutMs} ms`})\n` +
          `stdout:\n${gateway.stdout()}\nstderr:\n${gateway.stderr()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

async function post<TResult, TVariables>(
  url: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  userId: string,
): Promise<{ status: number; data?: TResult | null; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user-id': userId },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return { status: response.status, ...((await response.json()) as { data?: TResult | null; errors?: unknown[] }) };
}

describe('npm start (tsx src/main.ts)', () => {
  it('starts on the embedded emulator, serves createGroup and group, and exits 0 on SIGTERM', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const databaseUrl = join(freshDir(), 'nested', 'gateway.sqlite');
    const gateway = startGateway({ PORT: String(port), DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' });

    const ready = await waitForLog(gateway, 'gateway ready');
    const url = `http://localhost:${port}/graphql`;
    expect(ready.url).toBe(url);
    expect(ready.msg).toContain(url);
    const startupLog = logLines(gateway.stdout());
    expect(startupLog.map((line) => line.msg)).toContain(
      'no IM credentials configured: using the embedded IM Service emulator',
    );
    expect(existsSync(databaseUrl)).toBe(true);

    const created = await post(url, CreateGroup, { input: { groupId: 'started', name: 'Started', memberIds: ['bob'] } }, 'alice');
    expect(created.status).toBe(200);
    expect(created.data?.createGroup).toEqual({
      __typename: 'CreateGroupSuccess',
      group: { groupId: 'started', syncStatus: 'SYNCED' },
    });

    const read = await post(url, ReadGroup, { groupId: 'started' }, 'alice');
    expect(read.errors).toBeUndefined();
    expect(read.data?.group).toEqual({
      groupId: 'started',
      name: 'Started',
      memberCount: 2,
      syncStatus: 'SYNCED',
      owner: { userId: 'alice' },
      members: {
        edges: [{ node: { userId: 'alice', role: 'OWNER' } }, { node: { userId: 'bob', role: 'MEMBER' } }],
      },
    });

    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
    expect(logLines(gateway.stdout()).map((line) => line.msg)).toContain('stopped');
  });

  it('refuses PORT=abc: exits non-zero, naming PORT', { timeout: 60_000 }, async () => {
    const gateway = startGateway({ PORT: 'abc', DATABASE_URL: join(freshDir(), 'gateway.sqlite') });

    const code = await gateway.exited;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(gateway.stderr()).toMatch(/\bPORT\b/);
    expect(gateway.stdout()).not.toContain('gateway ready');
  });

  it('refuses IM_APP_KEY alone: exits non-zero, naming IM_APP_SECRET and IM_API_URLS', { timeout: 60_000 }, async () => {
    const gateway = startGateway({ IM_APP_KEY: 'k', DATABASE_URL: join(freshDir(), 'gateway.sqlite') });

    const code = await gateway.exited;

    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(gateway.stderr()).toContain('IM_APP_SECRET');
    expect(gateway.stderr()).toContain('IM_API_URLS');
    expect(gateway.stdout()).not.toContain('gateway ready');
  });
});

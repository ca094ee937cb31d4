import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/**
 * The gateway as an operator runs it: `node --import tsx src/main.ts` (what `npm start` runs) in a
 * process of its own, on the Node running this code, and the other
 * child processes the tests and the benchmarks start. Nothing here imports vitest: the test
 * fixtures (`test/fixtures/process.ts`) add the per-test cleanup, `bench/` uses it as it is.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Variables the gateway reads: none leaks in from the environment the tests or benchmarks run in. */
const GATEWAY_VARIABLES = /^(PORT|HOST|DATABASE_URL|LOG_LEVEL|REQUEST_DEADLINE_MS|AUTH_MODE|IM_.*|JWT_.*|OUTBOX_.*|REDIS_.*|EVENT_.*|GRAPHIQL|HTTP_.*)$/;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

// ------------------------------------------------------------------ children left behind

/** Children to kill should this process exit without cleaning up (an uncaught error, a timeout). */
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Kills `child` (and its process group) when this process exits, unless it has exited by then. */
export function killOnExit(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const live of liveChildren) killProcessGroup(live);
    });
  }
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

/** SIGKILL to the child's whole process group (a detached child leads one), else to the child alone. */
export function killProcessGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

// ------------------------------------------------------------------ gateway processes

export interface GatewayProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** stdout and stderr together, in the order they arrived. */
  output: () => string;
  /** The exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

/** The production command: one process, as under a supervisor. */
const GATEWAY_COMMAND = [process.execPath, '--import', 'tsx', 'src/main.ts'];

/**
 * Runs `node --import tsx src/main.ts` from the repository root, as `npm start` does, with only
 * `env` configuring it; or `command` instead (`['npm', 'start']`).
 */
export function spawnGateway(env: Record<string, string>, command: readonly string[] = GATEWAY_COMMAND): GatewayProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !GATEWAY_VARIABLES.test(name)));
  // One process, as under a supervisor: the tsx CLI would put a parent in between that SIGKILLs a
  // busy gateway when it does not acknowledge a relayed SIGTERM within 60 ms.
  const child = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so that anything it starts is killed with it.
    detached: true,
  });
  killOnExit(child);
  let stdout = '';
  let stderr = '';
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stdout += text;
    output += text;
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr += text;
    output += text;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, output: () => output, exited };
}

/** How the gateway ended (`SIGKILL`, `code 1`), or null while it runs. */
export function exitStatus(gateway: GatewayProcess): string | null {
  const { child } = gateway;
  if (child.signalCode !== null) return child.signalCode;
  return child.exitCode === null ? null : `code ${child.exitCode}`;
}

/** SIGKILL to the whole process group. */
export function killHard(gateway: GatewayProcess): void {
  killProcessGroup(gateway.child);
}

/** SIGTERM (a graceful stop), then SIGKILL to the whole group after `graceMs`. */
export async function stopGateway(gateway: GatewayProcess, graceMs = 3000): Promise<void> {
  if (exitStatus(gateway) === null) {
    try {
      gateway.child.kill('SIGTERM');
    } catch {
      // gone
    }
    await Promise.race([gateway.exited, sleep(graceMs)]);
  }
  // The group too: a grandchild left behind must not outlive its parent.
  try {
    process.kill(-gateway.child.pid!, 'SIGKILL');
  } catch {
    // gone
  }
  await Promise.race([gateway.exited, sleep(1000)]);
}

// ------------------------------------------------------------------ log lines

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** The JSON lines of a process's output; anything else (and a line still being written) is skipped. */
export function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((line) => {
    if (!line.startsWith('{')) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** Waits for the log line whose message starts with `prefix`; fails early if the process exits first. */
export async function waitForLog(gateway: GatewayProcess, prefix: string, timeoutMs = 30_000): Promise<LogLine> {
  const giveUpAt = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void gateway.exited.then((code) => (exitCode = code));
  for (;;) {
    const line = logLines(gateway.stdout()).find((entry) => entry.msg.startsWith(prefix));
    if (line) return line;
    if (exitCode !== undefined || Date.now() > giveUpAt) {
      throw new Error(
        `no "${prefix}" log line (${exitCode !== undefined ? `exited with ${exitStatus(gateway) ?? exitCode}` : `after ${timeoutMs} ms`})\n` +
          `stdout:\n${gateway.stdout()}\nstderr:\n${gateway.stderr()}`,
      );
    }
    await sleep(50);
  }
}

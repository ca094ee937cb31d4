/**
 * bench:graphql's handle on one server under test: a child process running `target.ts`, so that
 * the server has a core of its own and the load generator (this process) does not share its event
 * loop. Asks it for figures over IPC and closes it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TargetKind, TargetMessage, TargetRequest } from './target.js';

export class TargetProcess {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: number | undefined) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.on('message', (message: TargetMessage) => {
      if (message.type !== 'reply') return;
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  }

  static start(kind: TargetKind): Promise<TargetProcess> {
    const child = fork(new URL('./target.ts', import.meta.url), [kind], {
      execArgv: ['--import', 'tsx'],
      // As `npm start` runs the gateway (src/graphql/production-mode.ts), the bare Yoga baseline alike.
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
      // The child's stdout goes to our stderr: the last line of our stdout stays the JSON.
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    child.stdout!.pipe(process.stderr);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${kind} target exited with ${code} before it was ready`));
      child.once('exit', onExit);
      child.once('message', (message: TargetMessage) => {
        child.off('exit', onExit);
        if (message.type === 'ready') resolve(new TargetProcess(child, message.url));
        else reject(new Error(`${kind} target: unexpected first message`));
      });
    });
  }

  /** Starts a `kind` target, runs `body` against it and closes it, whatever happens. */
  static async with<T>(kind: TargetKind, body: (target: TargetProcess) => Promise<T>): Promise<T> {
    const target = await TargetProcess.start(kind);
    try {
      return await body(target);
    } finally {
      await target.close();
    }
  }

  request(cmd: TargetRequest['cmd']): Promise<number | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd } satisfies TargetRequest);
    });
  }

  /** Closes the server and waits for the child to exit by itself; says so on stderr when it does not. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await this.request('close');
    const timedOut = await Promise.race([exited.then(() => false), sleep(5000, undefined, { ref: false }).then(() => true)]);
    if (timedOut) {
      console.error(`warning: the target at ${this.url} did not exit within 5 s of closing; killing it`);
      this.child.kill();
      await exited;
    }
  }
}

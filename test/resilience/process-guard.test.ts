import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UNHANDLED_REJECTION_MESSAGE } from '../../src/process-guard.js';
import { logLines } from '../fixtures/process.js';

/**
 * The process guard main.ts installs, in a process of its own (an unhandled rejection in the
 * test runner would fail the suite, as it should): without it Node exits with code 1.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const script = `
  import { pino } from 'pino';
  import { guardUnhandledRejections } from './src/process-guard.ts';
  let counted = 0;
  guardUnhandledRejections(pino(), () => counted++);
  Promise.reject(new Error('nobody handles this'));
  setTimeout(() => console.log(JSON.stringify({ msg: 'still up', counted })), 100);
`;

function run(): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

describe('the process guard', () => {
  it('logs and counts an unhandled rejection, and the process stays up', async () => {
    const { code, output } = await run();
    const lines = logLines(output);
    const guarded = lines.find((line) => line.msg === UNHANDLED_REJECTION_MESSAGE);
    expect(guarded, output).toMatchObject({ level: 50, err: { message: 'nobody handles this' } });
    expect(lines.find((line) => line.msg === 'still up')).toMatchObject({ counted: 1 });
    expect(code).toBe(0);
  });
});

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * better-sqlite3 12's finalizers aborted Node 24.19+ (a SIGABRT under load, not only at exit):
 * version 13 moved to Node-API. This runs the pattern that tripped it, in a child process of the
 * Node running the suite (CI runs the suite on Node 24 and on Node 22).
 */
const script = fileURLToPath(new URL('./fixtures/prepare-and-drop.mjs', import.meta.url));

function run(statements: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, String(statements)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('the SQLite driver on this Node', () => {
  it('survives 50 000 statements prepared and dropped across event-loop turns', { timeout: 120_000 }, async () => {
    const result = await run(50_000);
    expect(result.stderr).toBe('');
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 0, signal: null });
    expect(JSON.parse(result.stdout)).toEqual({ prepared: 50_000, node: process.version });
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { unsupportedRuntime } from '../../src/runtime.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the supported Node lines', () => {
  it.each([
    ['24.21.0', true],
    ['24.0.0', true],
    ['26.3.0', true],
    ['22.23.3', true],
    ['22.19.0', true],
    ['22.18.0', false],
    ['23.11.1', false],
    ['20.20.2', false],
    ['18.20.8', false],
  ])('Node %s runs the gateway: %s', (version, supported) => {
    const problem = unsupportedRuntime(version);
    if (supported) expect(problem).toBeNull();
    else expect(problem).toMatch(new RegExp(`^Node ${version.replaceAll('.', '\\.')} cannot run the gateway: .*npm start`));
  });

  it('this suite runs on a supported Node', () => {
    expect(unsupportedRuntime()).toBeNull();
    // CI runs the suite once per supported line and names the line it means, so that a run that
    // silently fell back to another Node fails here.
    const expected = process.env.EXPECT_NODE_MAJOR;
    if (expected) expect(process.versions.node.split('.')[0]).toBe(expected);
  });
});

/** A Node older than 22 on this machine (Debian's or the image's own), if there is one. */
function olderNode(): string | undefined {
  for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    if (Number(version.slice(1).split('.')[0]) < 22) return candidate;
  }
  return undefined;
}

const old = olderNode();
if (!old) console.log('no Node older than 22 on this machine: the start-up refusal is checked by the table above only');

describe.skipIf(!old)('start-up on an older Node', () => {
  it('refuses with a message that says what to do, before loading anything else', { timeout: 60_000 }, () => {
    const result = spawnSync(old!, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', DATABASE_URL: ':memory:' },
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('cannot run the gateway: it supports Node 24 LTS and Node 22 LTS');
    expect(result.stderr).toContain('npm start');
    expect(result.stdout).not.toContain('gateway ready');
  });
});

/**
 * `npm run bench:install [-- --before <ref>]`: times a clean install from a fresh clone, before and
 * after the move to Node 24 (better-sqlite3 13 ships Node-API binaries; 12 compiled from source),
 * one after the other with the same npm cache, and counts the EBADENGINE warnings each printed.
 * Prints one JSON line last: {"before":{…},"after":{…},"afterOverBefore"}.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** main just before the runtime move: the last commit on the Node 20 pins. */
const DEFAULT_BEFORE = 'ab5ec91';
const root = fileURLToPath(new URL('..', import.meta.url));

interface InstallFigures {
  ref: string;
  /** The Node that ran npm (the machine's). */
  npmNode?: string;
  seconds: number | null;
  engineWarnings: number;
  error?: string;
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/**
 * The environment of a user's shell: without what `npm run` adds (npm_config_* variables, which
 * would carry this project's settings into the clone, and node_modules/.bin directories on PATH,
 * which would put this project's Node 24 in front of the machine's).
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('/node_modules/'))
    .join(':');
  return env;
}

/** `npm ci` in a fresh clone of `ref`, as a new user would run it (with whatever .npmrc the clone has). */
function timeInstall(ref: string): InstallFigures {
  const dir = mkdtempSync(join(tmpdir(), 'install-bench-'));
  try {
    const clone = spawnSync('git', ['clone', '-q', root, dir], { encoding: 'utf8' });
    const checkout = clone.status === 0 ? spawnSync('git', ['-C', dir, 'checkout', '-q', ref], { encoding: 'utf8' }) : clone;
    if (checkout.status !== 0) return { ref, seconds: null, engineWarnings: 0, error: checkout.stderr.trim() };
    console.error(`npm ci in a fresh clone of ${ref} …`);
    const started = performance.now();
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env: userEnvironment(), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const output = `${install.stdout}${install.stderr}`;
    const engineWarnings = output.match(/EBADENGINE Unsupported engine/g)?.length ?? 0;
    if (install.status !== 0) return { ref, seconds, engineWarnings, error: output.trim().split('\n').slice(-3).join(' ') };
    const npmNode = spawnSync('node', ['--version'], { env: userEnvironment(), encoding: 'utf8' }).stdout.trim();
    return { ref, npmNode, seconds, engineWarnings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const before = timeInstall(argument('--before') ?? DEFAULT_BEFORE);
const after = timeInstall('HEAD');
const afterOverBefore = before.seconds && after.seconds ? Number((after.seconds / before.seconds).toFixed(2)) : null;
console.log(JSON.stringify({ before, after, afterOverBefore }));

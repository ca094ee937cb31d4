import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * What graphql-js decides in a fresh process that loads `src/graphql/production-mode.ts` first:
 * in development mode it refuses an object that only looks like one of its types (the check for
 * a second copy of graphql), in production mode it simply answers false.
 */
function graphqlModeWith(env: Record<string, string | undefined>): string {
  const script = `
    await import('./src/graphql/production-mode.ts');
    const { isObjectType } = await import('graphql');
    try {
      console.log(isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' }) ? 'confused' : 'production');
    } catch {
      console.log('development');
    }`;
  const { NODE_ENV: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...inherited, ...env } as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe("graphql-js's mode in the gateway process", () => {
  it('is production when NODE_ENV is unset', () => {
    expect(graphqlModeWith({})).toBe('production');
  });

  it('stays development (or test) when NODE_ENV says so', () => {
    expect(graphqlModeWith({ NODE_ENV: 'development' })).toBe('development');
    expect(graphqlModeWith({ NODE_ENV: 'test' })).toBe('development');
  });

  it('is decided before the entry point loads anything that loads graphql', () => {
    const imports = [...readFileSync(`${root}/src/main.ts`, 'utf8').matchAll(/^import .*?['"](.+)['"];$/gm)].map((match) => match[1]);
    expect(imports.slice(0, 2)).toEqual(['./runtime-check.js', './graphql/production-mode.js']);
  });
});

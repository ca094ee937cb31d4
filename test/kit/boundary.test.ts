import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** test/ and bench/ reach each other only through test/kit/ (the kit may re-export a benchmark scenario). */

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(directory: string): string[] {
  return readdirSync(join(root, directory), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(directory, file));
}

/** The relative module specifiers a file imports (static, dynamic and re-exports). */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((match) => relative(root, join(root, file, '..', match[1]!)));
}

describe('the test kit is the only bridge between test/ and bench/', () => {
  it('no file under bench/ imports from test/ outside test/kit/', () => {
    const crossings = sources('bench').flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith('test/') && !target.startsWith('test/kit/'))
        .map((target) => `${file} → ${target}`),
    );
    expect(crossings).toEqual([]);
  });

  it('no file under test/ outside test/kit/ imports from bench/', () => {
    const crossings = sources('test')
      .filter((file) => !file.startsWith('test/kit/'))
      .flatMap((file) => importsOf(file).filter((target) => target.startsWith('bench/')).map((target) => `${file} → ${target}`));
    expect(crossings).toEqual([]);
  });
});

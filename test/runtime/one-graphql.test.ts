import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * Two copies of graphql cannot share a schema ("Cannot use GraphQLSchema from another module"),
 * and graphql-armor depends on graphql 16 while Yoga and Pothos also accept 17: an upgrade of one
 * of them must not bring a second copy. Each package resolves graphql from where it is installed.
 */
const require = createRequire(import.meta.url);
const users = ['graphql-yoga', '@pothos/core', '@escape.tech/graphql-armor', 'graphql-jit', 'graphql-query-complexity'];

describe('the graphql the packages load', () => {
  it.each(users)('%s loads the project’s one copy of graphql', (name) => {
    const fromPackage = createRequire(require.resolve(name)).resolve('graphql');
    expect(fromPackage).toBe(require.resolve('graphql'));
  });
});

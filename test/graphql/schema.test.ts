import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isAbstractType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  parse,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { exampleOperations } from '../../src/graphql/operations.js';
import { printSortedSchema } from '../../src/graphql/sdl.js';

const committedSdl = new URL('../../schema/schema.graphql', import.meta.url);

/** Everything a client can see in the schema that has no description, as `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive`. */
function undocumented(target: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (description: string | null | undefined, where: string) => {
    if (!description?.trim()) missing.push(where);
  };
  for (const type of Object.values(target.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.description, type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(field.description, `${type.name}.${field.name}`);
        for (const arg of field.args) check(arg.description, `${type.name}.${field.name}(${arg.name}:)`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(field.description, `${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(value.description, `${type.name}.${value.name}`);
    }
  }
  for (const directive of target.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    check(directive.description, `@${directive.name}`);
    for (const arg of directive.args) check(arg.description, `@${directive.name}(${arg.name}:)`);
  }
  return missing.sort();
}

describe('the schema', () => {
  it('is committed as schema/schema.graphql exactly as the code prints it', () => {
    const committed = readFileSync(committedSdl, 'utf8');
    expect(committed, 'schema/schema.graphql is out of date: run `npm run codegen` and commit the result').toBe(
      printSortedSchema(),
    );
  });

  it('documents every type, field, argument, enum value and input field', () => {
    const missing = undocumented(schema);
    expect(missing, `These have no description; add one in src/graphql, then run \`npm run codegen\`:\n  ${missing.join('\n  ')}\n`).toEqual([]);
  });

  it('(the audit itself notices every kind of missing description)', () => {
    const bare = buildSchema(`
      type Query { item(id: ID): Item }
      """Documented."""
      type Item implements Named { name: String, kind: Kind }
      interface Named { name: String }
      enum Kind { A }
      input Filter { name: String }
      union Anything = Item
      scalar Instant
      directive @tag(name: String) on FIELD_DEFINITION
      type Mutation { set(filter: Filter): Anything }
    `);
    expect(undocumented(bare)).toEqual(
      [
        '@tag',
        '@tag(name:)',
        'Anything',
        'Filter',
        'Filter.name',
        'Instant',
        'Item.kind',
        'Item.name',
        'Kind',
        'Kind.A',
        'Mutation',
        'Mutation.set',
        'Mutation.set(filter:)',
        'Named',
        'Named.name',
        'Query',
        'Query.item',
        'Query.item(id:)',
      ].sort(),
    );
  });
});

describe('the example operations GraphiQL opens with', () => {
  it('are each valid against the schema', () => {
    const operations = exampleOperations();
    expect(operations.length).toBeGreaterThanOrEqual(4);
    for (const operation of operations) {
      const errors = validate(schema, parse(operation)).map((error) => error.message);
      expect(errors, operation.split('\n').find((line) => /^(query|mutation)/.test(line))).toEqual([]);
    }
  });
});

describe('what client caches are given to match fragments (schema/possible-types.json)', () => {
  it("lists every union's and interface's possible types as the schema has them (npm run codegen writes it)", () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/possible-types.json', import.meta.url), 'utf8')) as { possibleTypes: Record<string, string[]> };
    const abstract = Object.values(schema.getTypeMap()).filter((type) => isAbstractType(type) && !type.name.startsWith('__'));
    const expected = Object.fromEntries(abstract.map((type) => [type.name, schema.getPossibleTypes(type as never).map((member) => member.name).sort()]));

    const sorted = Object.fromEntries(Object.entries(committed.possibleTypes).map(([name, members]) => [name, [...members].sort()]));

    expect(sorted).toEqual(expected);
    expect(sorted.Node).toEqual(['Group', 'GroupMember', 'Viewer']);
  });
});

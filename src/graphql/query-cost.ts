import { getNullableType, getOperationAST, getVariableValues, isListType, type GraphQLArgument, type GraphQLField, type GraphQLSchema, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded } from './limit-errors.js';

/**
 * What a query will really fetch, counted before it runs: every field it may answer, each list
 * multiplied by how many items it can hold. graphql-query-complexity walks the document with the
 * arguments as execution will see them (literals, variables and the schema's defaults alike);
 * this file only says how many items a field answers:
 * - a connection (a field with `first`): `first`, or its default when left out or null;
 * - a list asked by a list argument (`groups(groupIds:)`): as many as the ids;
 * - anything else: one.
 * Never more than the field's `maxItems` extension, the most it ever answers: a larger page or a
 * longer list is refused by the field's own rule, in its own words, and nothing is read.
 * A connection's `pageInfo` is counted once per item too: a little over, never under.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [itemsEstimator] });
}

function itemsEstimator({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  return 1 + itemsOf(field, args) * childComplexity;
}

function itemsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const maxItems = field.extensions.maxItems;
  const items = askedItems(field, args);
  return typeof maxItems === 'number' ? Math.min(items, maxItems) : items;
}

function askedItems(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const first = field.args.find((arg) => arg.name === 'first');
  if (first) return Math.max(0, pageSize(args.first, first));
  if (!isListType(getNullableType(field.type))) return 1;
  const lists = Object.values(args).filter(Array.isArray);
  return lists.length ? Math.max(...lists.map((list) => list.length)) : 1;
}

function pageSize(value: unknown, argument: GraphQLArgument): number {
  if (typeof value === 'number') return value;
  return typeof argument.defaultValue === 'number' ? argument.defaultValue : 1;
}

/**
 * Refuses an operation whose cost is over `maxCost` before it executes (after validation, when
 * the variables are known), with `COST_LIMIT_EXCEEDED`, its `cost` and the `limit`. Variables that
 * do not coerce are left to execution, which refuses them in its own words.
 */
export function queryCostPlugin(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const variables = args.variableValues ?? {};
      if (!operation || getVariableValues(args.schema, operation.variableDefinitions ?? [], variables).errors) return;
      let cost: number | undefined;
      try {
        cost = queryCost(args.schema, args.document, variables, args.operationName ?? undefined);
      } catch {
        // The walk gave up (more than graphql-query-complexity's 10 000 nodes, fragments spread
        // over and over): too costly to count is too costly to run.
        cost = undefined;
      }
      if (cost === undefined || cost > maxCost) {
        const advice = 'ask for smaller pages (`first`), fewer ids, or fewer nested lists';
        setResultAndStopExecution({ errors: [limitExceeded('cost', maxCost, cost, advice)] });
      }
    },
  };
}

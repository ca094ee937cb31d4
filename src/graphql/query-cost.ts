import { getNullableType, isInputObjectType, isListType, visit, type DocumentNode, type GraphQLArgument, type GraphQLError, type GraphQLField, type GraphQLInputField, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { limitExceeded } from './limit-errors.js';

/**
 * What a query will really fetch, counted before it runs: every field it may answer, each list
 * multiplied by how many items it can hold. graphql-query-complexity walks the document with the
 * arguments as execution will see them (literals, variables and the schema's defaults alike);
 * this file only says how many items a field answers:
 * - a connection (a field with `first`, or with an `input` that has one, as `searchGroups`):
 *   `first`, or its default when left out or null;
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
  const inputFirst = firstInInput(field);
  if (inputFirst) return Math.max(0, pageSize((args.input as Record<string, unknown> | null | undefined)?.first, inputFirst));
  if (!isListType(getNullableType(field.type))) return 1;
  const lists = Object.values(args).filter(Array.isArray);
  return lists.length ? Math.max(...lists.map((list) => list.length)) : 1;
}

/** The `first` field of the field's `input` argument, when it has one. */
function firstInInput(field: GraphQLField<unknown, unknown>): GraphQLInputField | undefined {
  const input = field.args.find((arg) => arg.name === 'input');
  const type = input && getNullableType(input.type);
  return type && isInputObjectType(type) ? type.getFields().first : undefined;
}

function pageSize(value: unknown, argument: GraphQLArgument | GraphQLInputField): number {
  if (typeof value === 'number') return value;
  return typeof argument.defaultValue === 'number' ? argument.defaultValue : 1;
}

/**
 * The refusal of an operation whose cost is over `maxCost` (`COST_LIMIT_EXCEEDED`, its `cost` and
 * the `limit`), or null. Its variables must fit their types (limits.ts checks them first).
 */
export function costRefusal(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxCost: number): GraphQLError | null {
  if (withinWhateverVariables(schema, document, operationName, variables, maxCost)) return null;
  let cost: number | undefined;
  try {
    cost = queryCost(schema, document, variables, operationName);
  } catch {
    // The walk gave up (more than graphql-query-complexity's 10 000 nodes, fragments spread
    // over and over): too costly to count is too costly to run.
    cost = undefined;
  }
  if (cost !== undefined && cost <= maxCost) return null;
  return limitExceeded('cost', maxCost, cost, 'ask for smaller pages (`first`), fewer ids, or fewer nested lists');
}

/**
 * Most operations stay within the limit whatever their variables: every list they ask for is
 * capped by its field's `maxItems` (a conversation list costs at most 100 groups' worth). That is
 * decided once per parsed document (Yoga keeps them in a bounded cache, so this grows with it),
 * and such an operation is not walked again on every request. One with `@skip`/`@include`, or a
 * list with no cap, is walked each time.
 */
const boundedOperations = new WeakMap<DocumentNode, Map<string, boolean>>();

function withinWhateverVariables(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, maxCost: number): boolean {
  let byName = boundedOperations.get(document);
  if (!byName) boundedOperations.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let bounded = byName.get(key);
  if (bounded === undefined) {
    bounded = !hasConditionalFields(document) && mostCost(schema, document, operationName, variables) <= maxCost;
    byName.set(key, bounded);
  }
  return bounded;
}

/**
 * True once this operation is known to stay within the limit whatever its variables (decided by
 * an earlier request): its cost check reads no variable, so nothing needs them checked first.
 */
export function knownWithinWhateverVariables(document: DocumentNode, operationName: string | undefined): boolean {
  return boundedOperations.get(document)?.get(operationName ?? '') === true;
}

/** The cost with every list at the most its field answers (the variables only let the walk run: no argument value is read). */
function mostCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName, estimators: [mostItemsEstimator] });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function mostItemsEstimator({ field, childComplexity }: ComplexityEstimatorArgs): number {
  const maxItems = field.extensions.maxItems;
  if (typeof maxItems === 'number') return 1 + maxItems * childComplexity;
  // A page or a list that a list argument may ask for, with no cap: unbounded, whatever this
  // request's values (a NaN from 0 × Infinity compares false as well).
  const listArgument = field.args.some((arg) => isListType(getNullableType(arg.type)));
  const multiplies = field.args.some((arg) => arg.name === 'first') || firstInInput(field) !== undefined || (isListType(getNullableType(field.type)) && listArgument);
  return 1 + (multiplies ? Number.POSITIVE_INFINITY : 1) * childComplexity;
}

function hasConditionalFields(document: DocumentNode): boolean {
  let conditional = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'skip' || node.name.value === 'include') conditional = true;
    },
  });
  return conditional;
}

import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { ExecutionArgs, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { limitExceeded, requestError, type LimitName } from './limit-errors.js';
import { costRefusal, knownWithinWhateverVariables } from './query-cost.js';
import { variableErrors } from './variable-errors.js';

/**
 * Limits on what one request may ask. The shape limits (depth, aliases, tokens, directives) are
 * sized from the operations real clients send (`schema/operations/`, which a test keeps within
 * them: the deepest reaches 6 levels of fields; fragments add none; the
 * largest holds about 150 tokens), with room to grow. The cost is what the query will fetch
 * (`query-cost.ts`: every field it may answer, lists multiplied by their page sizes), sized so
 * every page size the schema documents passes alone, and a conversation list of 100 groups with
 * 10 members each (about 5 000) passes with room, while 100 groups × 200 members does not.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  /** Every alias counts, `__typename` too: each is a field the answer repeats. */
  maxAliases: 10,
  maxTokens: 1500,
  maxDirectives: 20,
  maxCost: 20_000,
} as const;

/** The body a request may carry: room for a 3000-member list in variables, not for a flood. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

const ADVICE: Record<Exclude<LimitName, 'cost'>, string> = {
  depth: 'nest fewer selections or fragments',
  aliases: 'ask for each field once, or in several requests',
  tokens: 'send a shorter document',
  directives: 'use fewer directives',
};

/**
 * graphql-armor's shape limits, each refusal given its `extensions.code` and numbers (armor's
 * own error has neither, and would be answered 200 to every client): the handler throws ours
 * instead, from the parser (tokens) or the validation rule (the others).
 */
type RejectCallbacks = NonNullable<NonNullable<NonNullable<Parameters<typeof EnvelopArmorPlugin>[0]>['maxDepth']>['onReject']>;

function refuseWith(limit: Exclude<LimitName, 'cost'>, max: number): RejectCallbacks {
  return [
    (_context, error) => {
      const found = /found (\d+)/.exec(error.message)?.[1];
      throw limitExceeded(limit, max, found === undefined ? undefined : Number(found), ADVICE[limit]);
    },
  ];
}

export interface QueryLimitsOptions {
  /** Say "did you mean …" for a misspelt field: on where the caller is a developer (embedded dev mode). */
  fieldSuggestions: boolean;
}

export function queryLimitsPlugins({ fieldSuggestions }: QueryLimitsOptions): Plugin[] {
  const armor = EnvelopArmorPlugin({
    // Fields only: a fragment (spread or inline) adds no level to the answer, and counting them
    // refused colocated client fragments (each component's spread in its parent's) as too deep.
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true, onReject: refuseWith('depth', QUERY_LIMITS.maxDepth) },
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], onReject: refuseWith('aliases', QUERY_LIMITS.maxAliases) },
    maxTokens: { n: QUERY_LIMITS.maxTokens, onReject: refuseWith('tokens', QUERY_LIMITS.maxTokens) },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: refuseWith('directives', QUERY_LIMITS.maxDirectives) },
    // Counted from literals only; ours (query-cost.ts) reads variables and defaults too.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  }) as Plugin;
  return [armor, beforeExecutionPlugin(QUERY_LIMITS.maxCost)];
}

/**
 * Once the variables are known, before anything executes: variables that do not fit their types,
 * then the cost (which reads them), both refused as coded request errors.
 *
 * An operation whose cost was decided whatever its variables (query-cost.ts) has nothing to count:
 * its variables are left to the executor, which coerces them anyway (graphql-jit's compiled parser
 * or graphql-js) and refuses before running anything when they do not fit. Checking them here as
 * well cost a few percent of a read. That refusal (an answer with errors and no `data`) is given
 * the same words and code as here: graphql-js's, BAD_USER_INPUT.
 */
function beforeExecutionPlugin(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = args.variableValues ?? {};
      const operationName = args.operationName ?? undefined;
      if (knownWithinWhateverVariables(args.document, operationName)) {
        return {
          onExecuteDone({ result, setResult }) {
            if (isAsyncIterable(result) || 'data' in result || !result.errors?.length) return;
            const errors = result.errors;
            setResult({ errors: variableErrors(args.schema, args.document, operationName, variables) ?? errors.map((error) => requestError(error.message, { code: 'BAD_USER_INPUT' }, error.nodes)) });
          },
        };
      }
      const refusals = refusalsOf(args, maxCost);
      if (refusals.length) setResultAndStopExecution({ errors: refusals });
      return undefined;
    },
    // A subscription does not pass through onExecute: its variables and the cost of each of its items are checked the same way.
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusals = refusalsOf(args, maxCost);
      if (refusals.length) setResultAndStopExecution({ errors: refusals });
    },
  };
}

/** The variables that do not fit their types, else the cost refusal, else none. */
function refusalsOf(args: Pick<ExecutionArgs, 'schema' | 'document' | 'operationName' | 'variableValues'>, maxCost: number): GraphQLError[] {
  const variables = args.variableValues ?? {};
  const operationName = args.operationName ?? undefined;
  return (
    variableErrors(args.schema, args.document, operationName, variables) ??
    [costRefusal(args.schema, args.document, operationName, variables, maxCost)].filter((error) => error !== null)
  );
}

function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return Symbol.asyncIterator in value;
}

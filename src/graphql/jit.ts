import { GraphQLError, Kind, Source, type DocumentNode, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

/**
 * Queries run through graphql-jit: each document is compiled once into plain JavaScript, which
 * then answers it without walking the document and the schema for every field of every request.
 *
 * Only where it is known to answer as graphql-js does: queries (mutations keep graphql-js and
 * its serial execution as they are) whose variables include no non-null one with a default
 * (graphql-jit coerces those differently). Everything else executes as before. Errors come out as
 * graphql-js's own `GraphQLError`s with their original error, so masking and `extensions.code`
 * are unchanged (`test/graphql/jit.test.ts`).
 *
 * The compiled queries hang off the parsed documents, which Yoga keeps in a bounded cache: a
 * document it drops takes its compilations with it, so nothing a client sends grows this.
 */
export function jitPlugin(): Plugin {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled | null>>();

  const compiledFor = (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Compiled | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (!byName.has(key)) {
      const operation = operationOf(document, operationName);
      const query = operation && jitSafe(operation) ? compileQuery(schema, document, operationName ?? undefined) : null;
      byName.set(key, query && isCompiledQuery(query) ? { query } : null);
    }
    return byName.get(key)!;
  };

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const compiledQuery = compiledFor(args.schema, args.document, args.operationName);
      if (!compiledQuery) return;
      const { query } = compiledQuery;
      setExecuteFn(function jitExecute(execution) {
        // Variables that do not fit are refused by jit's compiled parser with no `data`; limits.ts
        // gives that refusal graphql-js's words and BAD_USER_INPUT (or refused them before).
        const result = query.query(execution.rootValue, execution.contextValue, execution.variableValues ?? {});
        const source = execution.document.loc?.source.body;
        return result instanceof Promise ? result.then((answer) => located(answer, source)) : located(result, source);
      });
    },
  };
}

interface Compiled {
  query: CompiledQuery;
}

/**
 * graphql-jit's errors know their line and column but not the document nodes, from which Yoga
 * rebuilds every error it answers: each is made again with the source and offsets instead, so
 * its `locations` reach the client as graphql-js's would.
 */
function located(result: ExecutionResult, source: string | undefined): ExecutionResult {
  if (!result.errors?.length || source === undefined) return result;
  const errors = result.errors.map((error) => {
    if (error.nodes || !error.locations?.length) return error;
    return new GraphQLError(error.message, {
      source: new Source(source),
      positions: error.locations.map((location) => offsetOf(source, location)),
      path: error.path,
      originalError: error.originalError,
      extensions: error.extensions,
    });
  });
  return { ...result, errors };
}

/** The operation a request runs: the named one, or the only one. */
function operationOf(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

function jitSafe(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return !(operation.variableDefinitions ?? []).some((variable) => variable.type.kind === Kind.NON_NULL_TYPE && variable.defaultValue !== undefined);
}

/** The character offset of a line and column (both from 1) in `body`. */
function offsetOf(body: string, { line, column }: SourceLocation): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = body.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

import { getOperationAST, getVariableValues, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { requestError } from './limit-errors.js';

/**
 * Variables that do not fit their declared types (`"x"` for an `Int`, a number for an input
 * object, a required one left out), in graphql-js's words with `extensions.code` BAD_USER_INPUT:
 * request errors, so 400 to an `application/graphql-response+json` client and 200 to an
 * `application/json` one. The same words on every path (graphql-js for mutations, graphql-jit for
 * queries): checked before execution, or, where the cost reads no variable, made from the
 * executor's own refusal (limits.ts). Null when they fit (or there is no operation to run:
 * execution says so itself).
 */
export function variableErrors(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): GraphQLError[] | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
  return errors?.length ? errors.map((error) => requestError(error.message, { code: 'BAD_USER_INPUT' }, error.nodes)) : null;
}

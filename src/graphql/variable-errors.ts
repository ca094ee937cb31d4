import { getOperationAST, getVariableValues } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { requestError } from './limit-errors.js';

/**
 * Variables that do not fit their declared types (`"x"` for an `Int`, a number for an input
 * object) are refused before execution, on every path (graphql-js for mutations, graphql-jit for
 * queries), in graphql-js's words with `extensions.code` BAD_USER_INPUT: a request error, so 400
 * to a `application/graphql-response+json` client and 200 to an `application/json` one.
 */
export function variableErrorsPlugin(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const { errors } = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 10 });
      if (!errors?.length) return;
      setResultAndStopExecution({
        errors: errors.map((error) => requestError(error.message, { code: 'BAD_USER_INPUT' }, error.nodes)),
      });
    },
  };
}

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { captureText } from '../fixtures/secrets.js';

/** How the kit reaches a gateway: over HTTP, as a client does (no vitest here: bench uses it too). */

export interface RequestOptions {
  /** The caller, sent as `X-User-Id`; leave out for an anonymous request. */
  as?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/** Anything that runs a typed document: a gateway fixture, or `httpExecutor(url)` for a gateway process. */
export interface Executor {
  execute<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<TResult>>;
}

/** A document as the JSON body of a POST to /graphql. */
export function requestBody<TVariables>(document: TypedDocumentNode<unknown, TVariables>, variables?: TVariables): { query: string; variables?: TVariables } {
  return { query: print(document), variables };
}

/** Posts to `<baseUrl>/graphql`; every answer is captured for the suite's secret scan. */
export function httpExecutor(baseUrl: string): Executor {
  return {
    async execute(document, variables, options = {}) {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(options.as ? { 'x-user-id': options.as } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify(requestBody(document, variables)),
      });
      const text = await response.text();
      captureText(text);
      return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResponse<never>, 'status'>) };
    },
  };
}

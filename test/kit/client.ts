import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind } from 'graphql';
import { requestBody, type Executor, type GraphQLResponse, type RequestOptions } from './http.js';
import { MUTATIONS, type MutationName } from './mutations.js';
import { QUERIES, type QueryName } from './queries.js';

/**
 * One typed function per operation, over any executor:
 *   kit.addGroupMembers(input, { as })           the union member it answered (typed by __typename)
 *   kit.must.addGroupMembers(input, { as })      its success member, or an error with the whole response
 *   kit.response.addGroupMembers(input, { as })  the whole response: status, data, top-level errors
 *   kit.group({ groupId }, { as })               reads answer the whole response
 */

type Spec = (typeof MUTATIONS)[MutationName];
type DataOf<D> = D extends TypedDocumentNode<infer R, infer _V> ? R : never;
type InputOf<N extends MutationName> = Parameters<(typeof MUTATIONS)[N]['variables']>[0];
type MutationData<N extends MutationName> = DataOf<(typeof MUTATIONS)[N]['document']>;
/** The union member a mutation answered. */
export type Answer<N extends MutationName> = NonNullable<MutationData<N>[N & keyof MutationData<N>]>;
export type Success<N extends MutationName> = Extract<Answer<N>, { __typename: (typeof MUTATIONS)[N]['success'] }>;

type QueryArgs<N extends QueryName> = Parameters<(typeof QUERIES)[N]['variables']>[0];
type QueryData<N extends QueryName> = DataOf<(typeof QUERIES)[N]['document']>;

export type MutationFunctions<R extends { [N in MutationName]: unknown }> = {
  [N in MutationName]: (input: InputOf<N>, options?: RequestOptions) => Promise<R[N]>;
};

export type Kit = MutationFunctions<{ [N in MutationName]: Answer<N> }> & {
  must: MutationFunctions<{ [N in MutationName]: Success<N> }>;
  response: MutationFunctions<{ [N in MutationName]: GraphQLResponse<MutationData<N>> }>;
  executor: Executor;
} & { [N in QueryName]: (args: QueryArgs<N>, options?: RequestOptions) => Promise<GraphQLResponse<QueryData<N>>> };

export interface KitOptions {
  /** Runs after every mutation (e.g. wait for the notices that follow a change). */
  afterMutation?: () => Promise<void>;
}

export function createKit(executor: Executor, { afterMutation }: KitOptions = {}): Kit {
  const respond = async (name: MutationName, input: unknown, options: RequestOptions = {}) => {
    const spec = MUTATIONS[name] as Spec;
    const variables = (spec.variables as (input: unknown) => unknown)(input);
    const response = await executor.execute(spec.document as TypedDocumentNode<Record<string, unknown>, unknown>, variables, options);
    await afterMutation?.();
    return response;
  };
  const answered = async (name: MutationName, input: unknown, options?: RequestOptions) => {
    const response = await respond(name, input, options);
    return { response, result: response.data?.[name] as { __typename: string } | null | undefined };
  };
  const answer = async (name: MutationName, input: unknown, options?: RequestOptions) => {
    const { response, result } = await answered(name, input, options);
    if (result == null) throw new Error(`no ${name} in the answer: ${JSON.stringify(response)}`);
    return result;
  };
  const must = async (name: MutationName, input: unknown, options?: RequestOptions) => {
    const { response, result } = await answered(name, input, options);
    if (result?.__typename !== MUTATIONS[name].success) throw new Error(`${name} did not succeed: ${JSON.stringify(response)}`);
    return result;
  };
  const each = (run: (name: MutationName, input: unknown, options?: RequestOptions) => Promise<unknown>) =>
    Object.fromEntries(Object.keys(MUTATIONS).map((name) => [name, (input: unknown, options?: RequestOptions) => run(name as MutationName, input, options)]));
  const queries = Object.fromEntries(
    Object.entries(QUERIES).map(([name, spec]) => [
      name,
      (args: unknown, options?: RequestOptions) =>
        executor.execute(spec.document as TypedDocumentNode<unknown, unknown>, (spec.variables as (args: unknown) => unknown)(args), options),
    ]),
  );
  return { ...each(answer), must: each(must), response: each(respond), executor, ...queries } as unknown as Kit;
}

/** The JSON body of a mutation, for clients outside the kit's executor (the benchmarks' pools). */
export function mutationBody<N extends MutationName>(name: N, input: InputOf<N>): { query: string; variables?: unknown } {
  return bodyOf(MUTATIONS[name], input);
}

/** The operation name the kit sends for `name` (what the gateway's per-operation metrics count it as). */
export function operationName(name: MutationName | QueryName): string {
  const spec = name in MUTATIONS ? MUTATIONS[name as MutationName] : QUERIES[name as QueryName];
  const operation = spec.document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error(`the kit's ${name} document has no named operation`);
  return operation.name.value;
}

/** The JSON body of a read. */
export function queryBody<N extends QueryName>(name: N, args: QueryArgs<N>): { query: string; variables?: unknown } {
  return bodyOf(QUERIES[name], args);
}

function bodyOf(spec: { document: unknown; variables: unknown }, args: unknown): { query: string; variables?: unknown } {
  return requestBody(spec.document as TypedDocumentNode<unknown, unknown>, (spec.variables as (args: unknown) => unknown)(args));
}

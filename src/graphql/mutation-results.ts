import { useOnResolve } from '@envelop/on-resolve';
import { getNamedType, isUnionType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Receives the member of its result union each mutation answered (e.g. `CreateGroupSuccess`, `RateLimitedError`). */
export type MutationResultRecorder = (mutation: string, result: string) => void;

/**
 * Reports which member of its result union every mutation answered, whether or not the client
 * asked for `__typename`: the value a mutation field resolves to is the error instance the
 * errors plugin matched, or the success value.
 */
export function mutationResultsPlugin(record: MutationResultRecorder): Plugin {
  return useOnResolve(({ info }) => {
    if (info.parentType.name !== 'Mutation') return;
    return ({ result }) => record(info.fieldName, unionMemberOf(result, info));
  }) as Plugin;
}

function unionMemberOf(result: unknown, info: GraphQLResolveInfo): string {
  const union = getNamedType(info.returnType);
  if (!isUnionType(union)) return 'unknown';
  const members = union.getTypes();
  const isError = (type: GraphQLObjectType) => type.getInterfaces().some((face) => face.name === 'Error');
  // Error types are named after their classes, but for the domain's `InvalidInputError`. (Classes are
  // compared by name: `instanceof` fails across the realms a test runner may load them in.)
  const className = (result as { constructor?: { name?: string } } | null)?.constructor?.name;
  const errorName = className === 'InvalidInputError' ? 'ValidationError' : className;
  const matched = members.find((type) => type.name === errorName && isError(type));
  if (matched) return matched.name;
  if (result instanceof Error) return 'UnexpectedError';
  return members.find((type) => !isError(type))?.name ?? 'unknown';
}

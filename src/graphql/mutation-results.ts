import { getNamedType, isUnionType, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Receives the member of its result union each mutation answered (e.g. `CreateGroupSuccess`, `RateLimitedError`). */
export type MutationResultRecorder = (mutation: string, result: string) => void;

/** Where a request's context holds its app's recorder: the schema is shared by every app of a process. */
const RECORDER = Symbol('mutationResultRecorder');
type RecordingContext = { [RECORDER]?: MutationResultRecorder };

/**
 * Wraps the resolvers of the `Mutation` fields, and only those (reads pay nothing), so that each
 * reports which member of its result union it answered to the request's recorder, whether or not
 * the client asked for `__typename`: the value a mutation field resolves to is the error instance
 * the errors plugin matched, or the success value. Called once, on the schema as built.
 */
export function reportingMutationResults(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (root, args, context: RecordingContext, info) => {
      const record = context[RECORDER];
      if (!record) return resolve(root, args, context, info);
      const answered = (result: unknown) => {
        record(info.fieldName, unionMemberOf(result, info));
        return result;
      };
      const failed = (error: unknown) => {
        record(info.fieldName, unionMemberOf(error, info));
        throw error;
      };
      let result: unknown;
      try {
        result = resolve(root, args, context, info);
      } catch (error) {
        return failed(error);
      }
      return result instanceof Promise ? result.then(answered, failed) : answered(result);
    };
  }
  return schema;
}

/** Gives this app's requests their recorder (see {@link reportingMutationResults}). */
export function mutationResultsPlugin(record: MutationResultRecorder): Plugin {
  return {
    onContextBuilding({ extendContext }) {
      extendContext({ [RECORDER]: record } as Record<string, unknown>);
    },
  };
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

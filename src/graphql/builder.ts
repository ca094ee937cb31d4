import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import WithInputPlugin from '@pothos/plugin-with-input';
import { InvalidInputError } from '../groups/errors.js';
import type { Context } from './context.js';
import { decodeGlobalId, resolveKnownNode } from './global-ids.js';

/** `addGroupMembers` → `AddGroupMembers`: the stem of a mutation's input, success and result names. */
export function typeStem(fieldName: string): string {
  return fieldName.charAt(0).toUpperCase() + fieldName.slice(1);
}

/** What a mutation answers when it succeeds: `addGroupMembers` → `AddGroupMembersSuccess`. */
export function successName(fieldName: string): string {
  return `${typeStem(fieldName)}Success`;
}

/** The one schema builder. Types live in `modules/`; `schema.ts` imports them. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
  };
}>({
  plugins: [ErrorsPlugin, ValidationPlugin, WithInputPlugin, RelayPlugin],
  defaultFieldNullability: false,
  // One mutation shape: `addGroupMembers(input: AddGroupMembersInput!): AddGroupMembersResult`,
  // a union of `AddGroupMembersSuccess` and the typed errors.
  withInput: {
    typeOptions: { name: ({ fieldName }) => `${typeStem(fieldName)}Input` },
  },
  errors: {
    // Only the error classes a field lists become typed results; anything else stays masked.
    defaultTypes: [],
    // Validation failures come back as `ValidationError` members of the result union.
    unsafelyHandleInputErrors: true,
    defaultResultOptions: { name: ({ fieldName }) => successName(fieldName) },
    defaultUnionOptions: { name: ({ fieldName }) => `${typeStem(fieldName)}Result` },
  },
  validation: {
    // The domain's own input refusals and the argument rules' are one kind of failure: a client meets one `ValidationError`.
    validationError: (failure) =>
      new InvalidInputError(
        failure.issues.map((issue) => ({
          message: issue.message,
          path: (issue.path ?? []).map((part) => (typeof part === 'object' ? part.key : part)).map((key) => (typeof key === 'number' ? key : String(key))),
        })),
      ),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Malformed ids and ids of types with none are BAD_USER_INPUT errors saying what to send (global-ids.ts).
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description: 'Fetches any object by its global `id`.',
      resolve: (_root, args, _context, info, resolveNode) => resolveKnownNode(args.id.typename, info, () => resolveNode(args.id)),
      args: { id: { description: 'A global id, as `Group.id` gives it.' } },
    },
    nodesQueryOptions: false,
    nodeTypeOptions: { description: 'An object with a globally unique `id`.' },
    pageInfoTypeOptions: { description: 'Where a page of a connection stands: whether more follow, and the cursors at its ends.' },
    idFieldOptions: { description: 'A globally unique id, for `node(id:)` and client caches.' },
    cursorFieldOptions: { description: 'Pass as `after` to read the page that follows this item.' },
    nodeFieldOptions: { description: 'The item.' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page stands.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items come before this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'The cursor of the last item of this page: pass it as `after` for the next page.' },
  },
});

/** The builder's type parameters, for helpers that build fields outside a type's definition. */
export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

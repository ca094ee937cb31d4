import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.js';

/** The one schema builder. Types live in `modules/`; `schema.ts` imports them. */
export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: number };
  };
}>({
  plugins: [ErrorsPlugin, ValidationPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: {
    // Only the error classes a field lists become typed results; anything else stays masked.
    defaultTypes: [],
    // Validation failures come back as `ValidationError` members of the result union.
    unsafelyHandleInputErrors: true,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: {
      description: 'Fetches any object by its global `id`.',
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

import { existsSync, readdirSync, readFileSync } from 'node:fs';

const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

/** An example operation and the variables it runs with (GraphiQL's Variables pane), as JSON text; null: none. */
export interface ExampleTab {
  query: string;
  variables: string | null;
}

/**
 * The example operations in `schema/operations/`, in file-name order: GraphiQL opens one tab
 * each. `NN-name.graphql` holds the operation, `NN-name.variables.json` (when there is one) its
 * variables, so they sit in the Variables pane rather than inside the operation's signature.
 */
export function exampleTabs(): ExampleTab[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const variablesFile = new URL(file.replace(/\.graphql$/, '.variables.json'), OPERATIONS_DIR);
      return {
        query: readFileSync(new URL(file, OPERATIONS_DIR), 'utf8'),
        variables: existsSync(variablesFile) ? readFileSync(variablesFile, 'utf8') : null,
      };
    });
}

/** The example operations' documents alone. */
export function exampleOperations(): string[] {
  return exampleTabs().map((tab) => tab.query);
}

import { readdirSync, readFileSync } from 'node:fs';

const OPERATIONS_DIR = new URL('../../schema/operations/', import.meta.url);

/** The example operations in `schema/operations/`, in file-name order: GraphiQL opens one tab each. */
export function exampleOperations(): string[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(new URL(file, OPERATIONS_DIR), 'utf8'));
}

import { printSchema } from 'graphql';
import { schema } from './schema.js';

/** The SDL committed as `schema/schema.graphql`: sorted, so a diff shows real changes only. */
export function printSortedSchema(): string {
  return `${printSchema(schema)}\n`;
}

/** `npm run codegen` step one: prints the schema to `schema/schema.graphql`. */
import { writeFileSync } from 'node:fs';
import { printSortedSchema } from './sdl.js';

const target = new URL('../../schema/schema.graphql', import.meta.url);
writeFileSync(target, printSortedSchema());
console.log(`wrote ${target.pathname}`);

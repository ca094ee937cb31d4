import { Kind, parse } from 'graphql';
import { exampleOperations } from './operations.js';

/** Operation names a client may have counted apart, beyond the known ones: the first this many seen. */
export const MAX_FIRST_SEEN_OPERATIONS = 100;
/** What every other operation name is counted as. */
export const OTHER_OPERATION = 'other';
/** A GraphQL name (the spec's `Name`), short enough to read on a dashboard. */
const PLAIN_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The `operationName` label of the GraphQL metrics, drawn from a bounded set. The name is the
 * client's choice: as a label as it is, 2000 distinct names grew `/metrics` to 8 MB and 100 long
 * ones to 290 MB. Known operations (the examples in `schema/operations/`) keep their names, the
 * first {@link MAX_FIRST_SEEN_OPERATIONS} other plain names too (a frontend's real operations
 * arrive early), and everything else is `other`.
 */
export class OperationLabels {
  private readonly known: ReadonlySet<string>;
  private readonly firstSeen = new Set<string>();

  constructor(
    known: Iterable<string> = exampleOperationNames(),
    private readonly maxFirstSeen = MAX_FIRST_SEEN_OPERATIONS,
  ) {
    this.known = new Set(known);
  }

  /** `Anonymous` for an unnamed operation, the name when it is known or fits, else `other`. */
  label(name: string | null | undefined): string {
    if (!name || name === 'Anonymous') return 'Anonymous';
    if (this.known.has(name) || this.firstSeen.has(name)) return name;
    if (!PLAIN_NAME.test(name) || this.firstSeen.size >= this.maxFirstSeen) return OTHER_OPERATION;
    this.firstSeen.add(name);
    return name;
  }
}

/** The names of the operations in `schema/operations/`. */
export function exampleOperationNames(): string[] {
  return exampleOperations().flatMap((source) =>
    parse(source).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    ),
  );
}

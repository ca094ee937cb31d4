import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';

/**
 * An operation for `GatewayFixture.execute` without a codegen round trip: these suites read the
 * answers loosely (`any`) and assert on them field by field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rawDocument(source: string): TypedDocumentNode<any, Record<string, unknown>> {
  return parse(source);
}

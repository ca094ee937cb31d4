import { decodeBase64 } from '@pothos/core';
import { isAbstractType, type GraphQLResolveInfo } from 'graphql';
import { InvalidInputError } from '../groups/errors.js';

/**
 * Global ids (`Group.id`, and any other `Node`'s) are base64 of `<Type>:<id>`, as Pothos's relay
 * plugin makes them. A client that sends anything else, or the id of a type that has none, gets a
 * BAD_USER_INPUT error saying what to send, instead of Pothos's uncoded "Invalid global ID" or
 * "<Type> has not been implemented". The types are read from the schema, so a new `Node` type
 * needs nothing here.
 */

const ADVICE = 'pass an `id` exactly as the API gave it (such as `Group.id`)';

/** Pothos's `decodeGlobalID`, refusing what is not one with a coded error (the id is not echoed: it may be anything). */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  let decoded: string;
  try {
    decoded = decodeBase64(globalId);
  } catch {
    throw notAGlobalId();
  }
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 1 || !id || !/^[A-Z_a-z]\w*$/.test(typename)) throw notAGlobalId();
  return { typename, id };
}

/** The types a global id may name: the schema's implementations of `Node`. */
export function nodeTypeNames(info: GraphQLResolveInfo): string[] {
  const node = info.schema.getType('Node');
  return node && isAbstractType(node) ? info.schema.getPossibleTypes(node).map((type) => type.name) : [];
}

/** `node(id:)`'s resolver: an id of a type that is no `Node` is refused before anything is loaded. */
export function resolveKnownNode<T>(typename: string, info: GraphQLResolveInfo, resolve: () => T): T {
  const known = nodeTypeNames(info);
  if (!known.includes(typename)) {
    throw new InvalidInputError([{ path: ['id'], message: `This id names no type that has one (those are ${known.join(', ')}): ${ADVICE}.` }]);
  }
  return resolve();
}

function notAGlobalId(): InvalidInputError {
  return new InvalidInputError([{ path: ['id'], message: `This is not a global id: ${ADVICE}.` }]);
}

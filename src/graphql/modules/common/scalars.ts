import { GraphQLError } from 'graphql';
import { builder } from '../../builder.js';

builder.scalarType('DateTime', {
  description: 'An instant, as an ISO-8601 string in UTC, e.g. `2026-11-26T09:07:00.000Z`.',
  serialize: (instant) => (instant instanceof Date ? instant : new Date(Number(instant))).toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 string');
    return date;
  },
});

builder.queryType({ description: 'Reads.' });
builder.mutationType({ description: 'Changes. Every mutation answers a union: switch on `__typename`.' });

import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import './errors.js';
import './modules/common/scalars.js';
import './modules/group/group.type.js';
import './modules/group/group.queries.js';
import './modules/group/create-group.mutation.js';

/** The schema, sorted so its printed SDL is stable. */
export const schema = lexicographicSortSchema(builder.toSchema());

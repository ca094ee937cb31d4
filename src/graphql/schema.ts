import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.js';
import { reportingMutationResults } from './mutation-results.js';
import './errors.js';
import './modules/common/scalars.js';
import './modules/group/group.type.js';
import './modules/group/group.queries.js';
import './modules/group/create-group.mutation.js';
import './modules/group/add-group-members.mutation.js';
import './modules/group/remove-group-members.mutation.js';
import './modules/group/leave-group.mutation.js';
import './modules/group/update-group.mutation.js';
import './modules/group/transfer-group-ownership.mutation.js';
import './modules/group/set-group-member-role.mutation.js';
import './modules/group/dismiss-group.mutation.js';
import './modules/viewer/viewer.type.js';
import './modules/events/group-events.field.js';
import './modules/events/event-subscriptions.js';

/** The schema, sorted so its printed SDL is stable; its mutations report which result they answered. */
export const schema = reportingMutationResults(lexicographicSortSchema(builder.toSchema()));

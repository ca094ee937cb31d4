import { z } from 'zod';
import { groupIdSchema, userIdSchema, MAX_GROUP_MEMBERS } from '../../../groups/rules.js';

/** Argument rules shared by the mutations that change an existing group. */

export const NOTIFY_DESCRIPTION = 'Publish an `RC:GrpNtf` group notification about this change (default true). A failed notification never fails the change.';

export const groupIdArg = groupIdSchema;

export const userIdsArg = z
  .array(userIdSchema)
  .min(1, 'Name at least one user')
  .max(MAX_GROUP_MEMBERS, `Name at most ${MAX_GROUP_MEMBERS} users`);

export const notifyArg = z.boolean().nullish();

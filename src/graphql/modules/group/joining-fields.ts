import { z } from 'zod';
import type { Joined } from '../../../groups/service.js';
import { joinMessageSchema, MAX_JOIN_MESSAGE, MAX_USERS_PER_JOIN_CHANGE, userIdSchema } from '../../../groups/rules.js';
import type { SchemaTypes } from '../../builder.js';
import { groupAfterChange, successType } from './change-mutation.js';
import { GroupMember } from './group-member.type.js';
import { ruled } from './input-fields.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>;

/** A message with a request or an invitation. */
export function joinMessageField(input: InputFields, description: string) {
  return ruled(input.string({ required: false, description: `${description} At most ${MAX_JOIN_MESSAGE} characters.` }), joinMessageSchema.nullish());
}

/** The users a joining change names: fewer than `addGroupMembers` takes (each is a pending row, not a membership). */
export function joiningUserIdsField(input: InputFields, description: string) {
  return ruled(
    input.stringList({ required: true, description: `${description} 1 to ${MAX_USERS_PER_JOIN_CHANGE} user ids; duplicates count once.` }),
    z.array(userIdSchema).min(1, 'Name at least one user').max(MAX_USERS_PER_JOIN_CHANGE, `Name at most ${MAX_USERS_PER_JOIN_CHANGE} users`),
  );
}

/** `<Name>Success` of a way in the caller takes: the group with them in it, and their membership. */
export function joinedSuccess(name: string, description: string) {
  return successType<Joined>(name, description, (t) => ({
    group: groupAfterChange(t, (success) => success.group, 'The group, with the caller in it.'),
    member: t.field({ type: GroupMember, description: "The caller's new membership.", resolve: (success) => success.member }),
  }));
}

/** `<Name>Success` that only names the group (the change made no membership). */
export function groupIdSuccess(name: string, description: string) {
  return successType<{ groupId: string }>(name, description, (t) => ({ groupId: t.exposeString('groupId', { description: 'The group.' }) }));
}

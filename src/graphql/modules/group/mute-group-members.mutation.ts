import { z } from 'zod';
import { IdempotencyKeyReusedError, MuteTooLongError, NotAMemberError } from '../../../groups/errors.js';
import { MAX_MUTED_PER_REQUEST, userIdSchema } from '../../../groups/rules.js';
import { MODERATION_LIMITS } from '../../../im/index.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import type { SchemaTypes } from '../../builder.js';
import { changeMutation, membershipChangeSuccess } from './change-mutation.js';
import { groupIdField, idempotencyKeyField, ruled } from './input-fields.js';

type InputFields = PothosSchemaTypes.InputFieldBuilder<SchemaTypes, 'InputObject'>;

/** The members a mute or an unmute names: at most `MAX_MUTED_PER_REQUEST` (25 of the IM Service's calls). */
function mutedUserIdsField(t: InputFields, description: string) {
  return ruled(
    t.stringList({ required: true, description: `${description} 1 to ${MAX_MUTED_PER_REQUEST} user ids; duplicates count once.` }),
    z.array(userIdSchema).min(1, 'Name at least one member').max(MAX_MUTED_PER_REQUEST, `Name at most ${MAX_MUTED_PER_REQUEST} members`),
  );
}

const MuteGroupMembersSuccess = membershipChangeSuccess('muteGroupMembers', 'The members are muted until `mutedUntil`.', {
  userIds: { field: 'mutedUserIds', description: 'Who was muted.' },
  members: { field: 'mutedMembers', description: 'The muted memberships as they are now, with their `mutedUntil`.' },
});

const UnmuteGroupMembersSuccess = membershipChangeSuccess('unmuteGroupMembers', 'The members may speak again (unless the whole group is muted).', {
  userIds: { field: 'unmutedUserIds', description: 'Who was unmuted.' },
  members: { field: 'unmutedMembers', description: 'The unmuted memberships as they are now.' },
});

changeMutation('muteGroupMembers', {
  description:
    `Mutes members for \`minutes\` (owner and admins; nobody mutes the owner, and admins cannot mute admins). The IM Service enforces it ` +
    `(its member gag, 20 members a call): muted members still receive messages but cannot send any to the group until it ends. ` +
    `At most ${MODERATION_LIMITS.maxGagMinutes} minutes (30 days), the IM Service's longest: longer is refused with \`MuteTooLongError\`, ` +
    'never silently shortened. Muting a muted member sets the new end. No notice is published (`RC:GrpNtf` has no mute operation).',
  inputDescription: 'Members to mute, and for how long.',
  input: (t) => ({
    groupId: groupIdField(t),
    userIds: mutedUserIdsField(t, 'The members to mute.'),
    minutes: ruled(
      t.int({ required: true, description: `How long, in minutes: 1 to ${MODERATION_LIMITS.maxGagMinutes}.` }),
      z.number().int().min(1, 'Mute for at least one minute'),
    ),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: MuteGroupMembersSuccess,
  errors: [...IM_CHANGE_ERRORS, NotAMemberError, MuteTooLongError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.muteGroupMembers(input, context.scope),
});

changeMutation('unmuteGroupMembers', {
  description:
    'Lifts members\' mutes (owner and admins; admins cannot unmute admins). Members who were not muted are answered all the same. No notice is published.',
  inputDescription: 'Members to unmute.',
  input: (t) => ({ groupId: groupIdField(t), userIds: mutedUserIdsField(t, 'The members to unmute.'), idempotencyKey: idempotencyKeyField(t) }),
  success: UnmuteGroupMembersSuccess,
  errors: [...IM_CHANGE_ERRORS, NotAMemberError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.unmuteGroupMembers(input, context.scope),
});

import type { Group as GroupEntity, Member } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError, NotAMemberError } from '../../../groups/errors.js';
import { MAX_NICKNAME, nicknameSchema, userIdSchema } from '../../../groups/rules.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, groupAfterChange, successType } from './change-mutation.js';
import { GroupMember } from './group-member.type.js';
import { groupIdField, idempotencyKeyField, ruled } from './input-fields.js';

const SetGroupMemberNicknameSuccess = successType<{ group: GroupEntity; member: Member }>(
  'setGroupMemberNickname',
  'The member has the new nickname (or none).',
  (t) => ({
    group: groupAfterChange(t, (success) => success.group),
    member: t.field({ type: GroupMember, description: 'The membership after the change, with its `nickname`.', resolve: (success) => success.member }),
  }),
);

changeMutation('setGroupMemberNickname', {
  description:
    "Sets or clears a member's nickname in one group. Each member sets their own; the owner and admins may clear another's " +
    "(admins: a plain member's only), never set it. The nickname is shown on `GroupMember`, as the member's name in the group's notices " +
    "and, through the IM Service's group member push alias, in push notifications of their messages. No notice is published.",
  inputDescription: 'Whose nickname, and the new one.',
  input: (t) => ({
    groupId: groupIdField(t),
    userId: ruled(t.string({ required: false, description: "The member; left out (or null): the caller's own nickname." }), userIdSchema.nullish()),
    nickname: ruled(
      t.string({ required: false, description: `The new nickname, 1 to ${MAX_NICKNAME} characters after trimming; null clears it.` }),
      nicknameSchema.nullable(),
    ),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: SetGroupMemberNicknameSuccess,
  errors: [...IM_CHANGE_ERRORS, NotAMemberError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.setGroupMemberNickname({ ...input, nickname: input.nickname ?? null }, context.scope),
});

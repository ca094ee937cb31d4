import { z } from 'zod';
import type { Group as GroupEntity, Member } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError, NotAMemberError } from '../../../groups/errors.js';
import { IM_CHANGE_ERRORS } from '../../errors.js';
import { changeMutation, groupAfterChange, successType } from './change-mutation.js';
import { MemberRoleEnum } from './enums.js';
import { GroupMember } from './group-member.type.js';
import { groupIdField, idempotencyKeyField, ruled, userIdField } from './input-fields.js';

const SetGroupMemberRoleSuccess = successType<{ group: GroupEntity; member: Member }>('setGroupMemberRole', 'The member has the new role.', (t) => ({
  group: groupAfterChange(t, (success) => success.group),
  member: t.field({ type: GroupMember, description: 'The membership after the change.', resolve: (success) => success.member }),
}));

changeMutation('setGroupMemberRole', {
  description:
    'Makes a member an ADMIN or a plain MEMBER (owner only). Ownership moves only with transferGroupOwnership. ' +
    'The IM Service knows no roles: nothing is sent to it, and no notice is published, except while the group is muted: ' +
    'then the member joins (ADMIN) or leaves (MEMBER) the IM Service\'s speaking whitelist.',
  inputDescription: 'A member and the role they get.',
  input: (t) => ({
    groupId: groupIdField(t),
    userId: userIdField(t, 'The member.'),
    role: ruled(
      t.field({ type: MemberRoleEnum, required: true, description: 'ADMIN or MEMBER.' }),
      z.enum(['ADMIN', 'MEMBER'], { error: 'Use ADMIN or MEMBER; ownership moves with transferGroupOwnership' }),
    ),
    idempotencyKey: idempotencyKeyField(t),
  }),
  success: SetGroupMemberRoleSuccess,
  errors: [...IM_CHANGE_ERRORS, NotAMemberError, IdempotencyKeyReusedError],
  resolve: (input, context) => context.service.setGroupMemberRole({ ...input, role: input.role as 'ADMIN' | 'MEMBER' }, context.scope),
});

import { z } from 'zod';
import type { Member } from '../../../groups/entities.js';
import { IdempotencyKeyReusedError, NotAMemberError } from '../../../groups/errors.js';
import { builder, successName } from '../../builder.js';
import { GROUP_CHANGE_ERRORS } from '../../errors.js';
import { GroupMember, MemberRoleEnum } from './group.type.js';
import { groupIdField, idempotencyKeyField, resultUnion, ruled, userIdField, withRules } from './input-fields.js';

const SetGroupMemberRoleSuccess = builder.objectRef<Member>(successName('setGroupMemberRole')).implement({
  description: 'The member has the new role.',
  fields: (t) => ({ member: t.field({ type: GroupMember, description: 'The membership after the change.', resolve: (member) => member }) }),
});

builder.mutationField('setGroupMemberRole', (t) => {
  const { input, validate } = withRules({
    groupId: groupIdField(t.input),
    userId: userIdField(t.input, 'The member.'),
    role: ruled(
      t.input.field({ type: MemberRoleEnum, required: true, description: 'ADMIN or MEMBER.' }),
      z.enum(['ADMIN', 'MEMBER'], { error: 'Use ADMIN or MEMBER; ownership moves with transferGroupOwnership' }),
    ),
    idempotencyKey: idempotencyKeyField(t.input),
  });
  return t.fieldWithInput({
    type: SetGroupMemberRoleSuccess,
    description:
      'Makes a member an ADMIN or a plain MEMBER (owner only). Ownership moves only with transferGroupOwnership. ' +
      'The IM Service knows no roles: nothing is sent to it, and no notice is published.',
    typeOptions: { description: 'A member and the role they get.', validate },
    input,
    errors: { types: [...GROUP_CHANGE_ERRORS, NotAMemberError, IdempotencyKeyReusedError], directResult: true, union: resultUnion('setGroupMemberRole') },
    resolve: (_root, { input }, context) =>
      context.service.setGroupMemberRole({ ...input, role: input.role as 'ADMIN' | 'MEMBER' }, context.scope),
  });
});

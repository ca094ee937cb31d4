import { z } from 'zod';
import { NotAMemberError } from '../../../groups/errors.js';
import { userIdSchema } from '../../../groups/rules.js';
import type { MemberRow } from '../../../groups/store/tables.js';
import { builder } from '../../builder.js';
import { GROUP_CHANGE_ERRORS } from '../../errors.js';
import { groupIdArg } from './change-args.js';
import { GroupMember, MemberRoleEnum } from './group.type.js';

const SetGroupMemberRoleSuccess = builder.objectRef<MemberRow>('SetGroupMemberRoleSuccess').implement({
  description: 'The member has the new role.',
  fields: (t) => ({ member: t.field({ type: GroupMember, description: 'The membership after the change.', resolve: (member) => member }) }),
});

builder.mutationField('setGroupMemberRole', (t) =>
  t.field({
    type: SetGroupMemberRoleSuccess,
    description: 'Makes a member an ADMIN or a plain MEMBER (owner only). Ownership moves only with transferGroupOwnership.',
    args: {
      groupId: t.arg.string({ required: true, description: 'The group.' }),
      userId: t.arg.string({ required: true, description: 'The member.' }),
      role: t.arg({ type: MemberRoleEnum, required: true, description: 'ADMIN or MEMBER.' }),
    },
    validate: z.object({
      groupId: groupIdArg,
      userId: userIdSchema,
      role: z.enum(['ADMIN', 'MEMBER'], { error: 'Use ADMIN or MEMBER; ownership moves with transferGroupOwnership' }),
    }),
    errors: {
      types: [...GROUP_CHANGE_ERRORS, NotAMemberError],
      directResult: true,
      union: { name: 'SetGroupMemberRoleResult', description: 'What became of a setGroupMemberRole request.' },
    },
    resolve: (_root, args, context) =>
      context.service.setMemberRole(args.groupId, args.userId, args.role as 'ADMIN' | 'MEMBER', context.scope),
  }),
);
